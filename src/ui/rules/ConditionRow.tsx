import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CmpOp, LIFECYCLE_STAGES, metric, printRule, SUBPROFILE_FIELDS, type NumExpr, type SubPredicate } from '../../core/rules';
import { isEditableLeaf, type Leaf } from './builderModel';
import { MeasureFields } from './MeasureFields';
import type { RuleEditorContext } from './RuleEditor';

type MetricExpr = Extract<NumExpr, { k: 'metric' }>;
const OPS = CmpOp.options;

/** A number input that reports only finite numbers; while the box is empty or half-typed it keeps its own text. */
function NumberInput({ value, onChange, label, testId, min }: { value: number; onChange: (n: number) => void; label: string; testId?: string; min?: number }) {
  const [text, setText] = useState(String(value));
  if (Number(text) !== value && text !== '' && text !== '-') setText(String(value));
  return (
    <input
      className="k-input rule-num"
      type="number"
      inputMode="decimal"
      aria-label={label}
      data-testid={testId}
      min={min}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const n = Number(e.target.value);
        if (e.target.value !== '' && Number.isFinite(n)) onChange(n);
      }}
    />
  );
}

function UnitHint({ expr, currency }: { expr: NumExpr; currency: string }) {
  const { t } = useTranslation();
  const unit = expr.k === 'metric' ? metric(expr.name)?.unit : undefined;
  if (unit === 'money') return <span className="rule-unit">{currency}</span>;
  if (unit === 'days') return <span className="rule-unit">{t('rules.unit.days')}</span>;
  return null;
}

/** The fields of one condition, by kind; conditions the builder cannot edit show their text. */
export function ConditionRow({ leaf, onChange, context }: { leaf: Leaf; onChange: (l: Leaf) => void; context: RuleEditorContext }) {
  const { t } = useTranslation();
  const currency = context.currency ?? '';
  if (!isEditableLeaf(leaf)) {
    return (
      <span className="rule-textonly" title={t('rules.textOnly')}>
        <code>{printRule(leaf)}</code>
      </span>
    );
  }
  switch (leaf.k) {
    case 'cmp':
    case 'between': {
      const expr = (leaf.k === 'cmp' ? leaf.left : leaf.expr) as MetricExpr;
      const setExpr = (e: MetricExpr) => onChange(leaf.k === 'cmp' ? { ...leaf, left: e } : { ...leaf, expr: e });
      const op = leaf.k === 'cmp' ? leaf.op : 'between';
      return (
        <>
          <MeasureFields expr={expr} onChange={setExpr}>
            <span className="rule-cmp">
              <select
                className="k-input rule-op"
                aria-label={t('rules.op.label')}
                data-testid="rule-op"
                value={op}
                onChange={(e) => {
                  const v = e.target.value;
                  const first = leaf.k === 'cmp' && leaf.right.k === 'num' ? leaf.right.value : leaf.k === 'between' ? leaf.low : 0;
                  if (v === 'between') onChange({ k: 'between', expr, low: first, high: leaf.k === 'between' ? leaf.high : first });
                  else onChange({ k: 'cmp', op: v as CmpOp, left: expr, right: { k: 'num', value: first } });
                }}
              >
                {OPS.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
                <option value="between">{t('rules.op.between')}</option>
              </select>
              {leaf.k === 'cmp' && leaf.right.k === 'num' ? (
                <NumberInput label={t('rules.op.label')} testId="rule-value" value={leaf.right.value} onChange={(n) => onChange({ ...leaf, right: { k: 'num', value: n } })} />
              ) : null}
              {leaf.k === 'between' ? (
                <>
                  <NumberInput label={t('rules.op.between')} testId="rule-value" value={leaf.low} onChange={(n) => onChange({ ...leaf, low: n })} />
                  <span>{t('rules.op.and')}</span>
                  <NumberInput label={t('rules.op.and')} testId="rule-value2" value={leaf.high} onChange={(n) => onChange({ ...leaf, high: n })} />
                </>
              ) : null}
              <UnitHint expr={expr} currency={currency} />
            </span>
          </MeasureFields>
        </>
      );
    }
    case 'audience':
      return (
        <Picker label={t('rules.pick.audience')} value={leaf.id} options={context.audiences ?? []} onChange={(id) => onChange({ ...leaf, id })} />
      );
    case 'tag':
      return (
        <>
          <Picker label={t('rules.pick.tag')} value={leaf.tag} options={context.tags ?? []} onChange={(tag) => onChange({ ...leaf, tag })} />
          <label className="rule-check">
            <input type="checkbox" checked={leaf.ever} onChange={(e) => onChange({ ...leaf, ever: e.target.checked })} />
            {t('rules.tag.ever')}
          </label>
        </>
      );
    case 'stage':
      return (
        <select className="k-input" aria-label={t('rules.kind.stage')} value={leaf.stage} onChange={(e) => onChange({ ...leaf, stage: e.target.value })}>
          {LIFECYCLE_STAGES.map((s) => (
            <option key={s} value={s}>
              {t(`rules.stage.${s}`)}
            </option>
          ))}
        </select>
      );
    case 'sub':
      return <SubFields leaf={leaf} onChange={onChange} />;
    case 'subcount':
      return (
        <>
          <KindSelect value={leaf.kind} onChange={(kind) => onChange({ ...leaf, kind })} />
          <select className="k-input rule-op" aria-label={t('rules.op.label')} value={leaf.op} onChange={(e) => onChange({ ...leaf, op: e.target.value as CmpOp })}>
            {OPS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          <NumberInput label={t('rules.kind.subcount')} value={leaf.value} min={0} onChange={(n) => onChange({ ...leaf, value: Math.max(0, Math.floor(n)) })} />
        </>
      );
    case 'rank':
      return (
        <>
          <span>{t('rules.rank.top')}</span>
          <NumberInput label={t('rules.rank.top')} value={leaf.top} min={1} onChange={(n) => n > 0 && onChange({ ...leaf, top: n })} />
          <select className="k-input" aria-label={t('rules.rank.top')} value={leaf.percent ? 'p' : 'n'} onChange={(e) => onChange({ ...leaf, percent: e.target.value === 'p' })}>
            <option value="p">{t('rules.rank.percent')}</option>
            <option value="n">{t('rules.rank.count')}</option>
          </select>
          <span>{t('rules.rank.by')}</span>
          <MeasureFields expr={leaf.expr as MetricExpr} onChange={(expr) => onChange({ ...leaf, expr })} />
        </>
      );
    case 'true':
      return <span className="k-muted">{t('rules.group.empty')}</span>;
  }
}

function Picker({ label, value, options, onChange }: { label: string; value: string; options: string[]; onChange: (v: string) => void }) {
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <select className="k-input rule-pick" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {value ? null : <option value="">{label}</option>}
      {all.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}

function KindSelect({ value, onChange }: { value: string; onChange: (k: string) => void }) {
  const { t } = useTranslation();
  return (
    <select className="k-input" aria-label={t('rules.kind.sub')} value={value} onChange={(e) => onChange(e.target.value)}>
      {Object.keys(SUBPROFILE_FIELDS).map((k) => (
        <option key={k} value={k}>
          {t(`rules.sub.${k}`)}
        </option>
      ))}
    </select>
  );
}

function SubFields({ leaf, onChange }: { leaf: Extract<Leaf, { k: 'sub' }>; onChange: (l: Leaf) => void }) {
  const { t } = useTranslation();
  const fields = Object.keys(SUBPROFILE_FIELDS[leaf.kind] ?? {});
  const setWhere = (i: number, p: SubPredicate) => onChange({ ...leaf, where: leaf.where.map((q, j) => (j === i ? p : q)) });
  return (
    <>
      <select className="k-input" aria-label={t('rules.kind.sub')} value={leaf.quant} onChange={(e) => onChange({ ...leaf, quant: e.target.value as 'any' | 'none' })}>
        <option value="any">{t('rules.sub.any')}</option>
        <option value="none">{t('rules.sub.none')}</option>
      </select>
      <KindSelect value={leaf.kind} onChange={(kind) => onChange({ ...leaf, kind, where: leaf.where.filter((p) => p.field in (SUBPROFILE_FIELDS[kind] ?? {})) })} />
      {leaf.where.map((p, i) => (
        <span className="rule-filter" key={i}>
          <select className="k-input" aria-label={t('rules.filter.field')} value={p.field} onChange={(e) => setWhere(i, { ...p, field: e.target.value })}>
            {(fields.includes(p.field) ? fields : [p.field, ...fields]).map((f) => (
              <option key={f} value={f}>
                {t(`rules.sub.${f}`, { defaultValue: f })}
              </option>
            ))}
          </select>
          <select
            className="k-input rule-op"
            aria-label={t('rules.op.label')}
            value={p.op}
            onChange={(e) => {
              const op = e.target.value as SubPredicate['op'];
              setWhere(i, op === 'between' ? { ...p, op, value2: p.value2 ?? p.value } : { field: p.field, op, value: p.value });
            }}
          >
            {OPS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
            <option value="between">{t('rules.op.between')}</option>
          </select>
          <NumberInput label={t('rules.op.label')} value={p.value} onChange={(n) => setWhere(i, { ...p, value: n })} />
          {p.op === 'between' ? (
            <>
              <span>{t('rules.op.and')}</span>
              <NumberInput label={t('rules.op.and')} value={p.value2 ?? p.value} onChange={(n) => setWhere(i, { ...p, value2: n })} />
            </>
          ) : null}
          {leaf.where.length > 1 ? (
            <button type="button" className="k-btn k-btn-ghost k-btn-sm" aria-label={t('rules.group.remove')} onClick={() => onChange({ ...leaf, where: leaf.where.filter((_, j) => j !== i) })}>
              ×
            </button>
          ) : null}
        </span>
      ))}
      {fields.length ? (
        <button type="button" className="k-btn k-btn-ghost k-btn-sm" onClick={() => onChange({ ...leaf, where: [...leaf.where, { field: fields[0], op: '>', value: 0 }] })}>
          + {t('rules.sub.addField')}
        </button>
      ) : null}
    </>
  );
}
