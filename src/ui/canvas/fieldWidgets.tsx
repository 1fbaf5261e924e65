import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../core/model/common';
import { STAGE_OPTIONS, WEEKDAY_OPTIONS } from '../../core/journey/catalogue';
import { CHANNEL_LABELS, type Branch, type Field } from '../../core/journey/fields';
import { pick, type Lang } from '../../core/journey/text';
import { VARIABLES, renderContent, sampleValues } from '../../core/journey/variables';
import type { Rule } from '../../core/rules';
import { useLang } from '../kit/useLocale';
import { RuleEditor } from '../rules/RuleEditor';

/** Names the inspector's pickers offer, from the workspace and the journey. */
export interface FieldLists {
  audiences: { id: string; name: string }[];
  tags: { name: string; group: string | null }[];
  tagGroups: string[];
  /** The journey's other nodes (jump targets). */
  nodes: { id: string; title: string }[];
  currency: string;
}

export interface WidgetProps {
  id: string;
  field: Field;
  value: unknown;
  onChange: (v: unknown) => void;
  lists: FieldLists;
  readOnly: boolean;
  lang: Lang;
  /** Other config values (a multi-split's `by` decides what a branch value is). */
  config: Record<string, unknown>;
}

/** A number typed in a text box: emitted only when it is a number within range, else shown as invalid. */
function NumberInput({ id, value, min, max, step, integer, onChange, readOnly, suffix }: { id: string; value: unknown; min: number; max: number; step: number; integer: boolean; onChange: (n: number) => void; readOnly: boolean; suffix?: string }) {
  const { t } = useTranslation();
  const shown = typeof value === 'number' ? String(value) : '';
  const [draft, setDraft] = useState(shown);
  const last = useRef(shown);
  useEffect(() => {
    if (shown !== last.current) {
      last.current = shown;
      setDraft(shown);
    }
  }, [shown]);
  const n = Number(draft);
  const bad = draft.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n));
  return (
    <span className="cv-num">
      <input
        id={id}
        className={`k-input${bad ? ' cv-invalid' : ''}`}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={step}
        value={draft}
        readOnly={readOnly}
        aria-invalid={bad}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          const v = Number(text);
          if (text.trim() !== '' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v))) {
            last.current = String(v);
            onChange(v);
          }
        }}
        onBlur={() => setDraft(shown)}
      />
      {suffix ? <span className="cv-unit">{suffix}</span> : null}
      {bad ? <span className="cv-field-error">{t('canvas.inspector.range', { min, max })}</span> : null}
    </span>
  );
}

function ContentInput({ id, field, value, onChange, readOnly }: WidgetProps & { field: Extract<Field, { kind: 'content' }> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ref = useRef<HTMLTextAreaElement>(null);
  const text = typeof value === 'string' ? value : '';
  const insert = (key: string) => {
    const el = ref.current;
    const token = `{{${key}}}`;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const next = (text.slice(0, start) + token + text.slice(end)).slice(0, field.max);
    onChange(next);
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  };
  return (
    <div className="cv-content">
      <textarea ref={ref} id={id} className="k-input cv-textarea" rows={4} maxLength={field.max} value={text} readOnly={readOnly} data-testid={`field-${id}`} onChange={(e) => onChange(e.target.value)} />
      {!readOnly ? (
        <div className="cv-vars" aria-label={t('canvas.inspector.variables')}>
          {VARIABLES.map((v) => (
            <button key={v.key} type="button" className="cv-chip-btn" title={pick(v.label, lang)} onClick={() => insert(v.key)} data-testid={`insert-var-${v.key}`}>
              {`{{${v.key}}}`}
            </button>
          ))}
        </div>
      ) : null}
      <div className="cv-preview">
        <span className="k-muted">{t('canvas.inspector.preview')}</span>
        {/* Rendered as text: a member's values can never become markup. */}
        <p data-testid={`preview-${id}`}>{renderContent(text, sampleValues(), 'text') || '—'}</p>
      </div>
    </div>
  );
}

function RuleInput({ value, onChange, readOnly, lists, field }: WidgetProps & { field: Extract<Field, { kind: 'rule' }> }) {
  const { t } = useTranslation();
  const rule = (value ?? null) as Rule | null;
  if (rule === null)
    return readOnly ? (
      <span className="k-muted">{t('canvas.inspector.noCondition')}</span>
    ) : (
      <button type="button" className="k-btn k-btn-secondary k-btn-sm" onClick={() => onChange({ k: 'true' })} data-testid="rule-add">
        {t('canvas.inspector.addCondition')}
      </button>
    );
  return (
    <div className="cv-rule">
      <fieldset disabled={readOnly} className="cv-fieldset">
        <RuleEditor value={rule} onChange={onChange} context={{ audiences: lists.audiences.map((a) => a.name), tags: lists.tags.map((x) => x.name), currency: lists.currency }} />
      </fieldset>
      {!readOnly && !field.required ? (
        <button type="button" className="k-btn k-btn-ghost k-btn-sm" onClick={() => onChange(null)} data-testid="rule-remove">
          {t('canvas.inspector.removeCondition')}
        </button>
      ) : null}
    </div>
  );
}

function branchValueOptions(by: unknown, lists: FieldLists, tagGroup: unknown, lang: Lang): { value: string; label: string }[] {
  if (by === 'stage') return STAGE_OPTIONS.map((o) => ({ value: o.value, label: pick(o.label, lang) }));
  if (by === 'channel') return CHANNELS.map((c) => ({ value: c, label: pick(CHANNEL_LABELS[c], lang) }));
  if (by === 'tagGroup') return lists.tags.filter((x) => x.group === tagGroup).map((x) => ({ value: x.name, label: x.name }));
  return [];
}

function BranchesInput({ id, field, value, onChange, readOnly, lists, lang, config }: WidgetProps & { field: Extract<Field, { kind: 'branches' }> }) {
  const { t } = useTranslation();
  const rows: Branch[] = Array.isArray(value) ? (value as Branch[]) : [];
  const set = (i: number, patch: Partial<Branch>) => onChange(rows.map((b, k) => (k === i ? { ...b, ...patch } : b)));
  const add = () => {
    let n = rows.length + 1;
    const ids = new Set(rows.map((b) => b.id));
    while (ids.has(`b${n}`)) n++;
    const b: Branch = field.percent ? { id: `b${n}`, label: String.fromCharCode(64 + Math.min(26, rows.length + 1)), percent: 0 } : { id: `b${n}`, label: '', value: '' };
    onChange([...rows, b]);
  };
  const options = field.percent ? [] : branchValueOptions(config.by, lists, config.tagGroup, lang);
  const listId = `${id}-values`;
  const sum = Math.round((rows.reduce((s, b) => s + (b.percent ?? 0), 0) + (typeof config.controlPercent === 'number' && 'controlPercent' in config ? config.controlPercent : 0)) * 100) / 100;
  return (
    <div className="cv-branches" data-testid={`field-${id}`}>
      {rows.map((b, i) => (
        <div className="cv-branch" key={b.id}>
          <input className="k-input" aria-label={t('canvas.inspector.branchLabel')} placeholder={t('canvas.inspector.branchLabel')} value={b.label} maxLength={100} readOnly={readOnly} onChange={(e) => set(i, { label: e.target.value })} />
          {field.percent ? (
            <NumberInput id={`${id}-${b.id}-pct`} value={b.percent ?? 0} min={0} max={100} step={1} integer={false} readOnly={readOnly} suffix="%" onChange={(n) => set(i, { percent: n })} />
          ) : (
            <input className="k-input" list={options.length ? listId : undefined} aria-label={t('canvas.inspector.branchValue')} placeholder={t('canvas.inspector.branchValue')} value={b.value ?? ''} maxLength={200} readOnly={readOnly} onChange={(e) => set(i, { value: e.target.value })} />
          )}
          {!readOnly ? (
            <button type="button" className="cv-icon-btn" disabled={rows.length <= field.min} aria-label={t('canvas.inspector.removeBranch')} title={t('canvas.inspector.removeBranch')} onClick={() => onChange(rows.filter((_, k) => k !== i))}>
              ×
            </button>
          ) : null}
        </div>
      ))}
      {options.length ? (
        <datalist id={listId}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </datalist>
      ) : null}
      <div className="k-row">
        {!readOnly ? (
          <button type="button" className="k-btn k-btn-secondary k-btn-sm" disabled={rows.length >= field.max} onClick={add} data-testid="branch-add">
            {t('canvas.inspector.addBranch')}
          </button>
        ) : null}
        {field.percent ? (
          <span className={sum === 100 ? 'k-success' : 'cv-field-error'} data-testid="branch-sum">
            {t('canvas.inspector.sum', { sum })}
          </span>
        ) : null}
      </div>
    </div>
  );
}

const UNIT_KEYS = ['minutes', 'hours', 'days', 'weeks', 'points', 'times', 'members'] as const;

/** One widget per field kind; the switch is exhaustive so a new kind fails to compile until it has one. */
export function FieldWidget(props: WidgetProps) {
  const { t } = useTranslation();
  const { id, field, value, onChange, readOnly, lists, lang } = props;
  const str = typeof value === 'string' ? value : '';
  switch (field.kind) {
    case 'text':
      return field.multiline ? (
        <textarea id={id} className="k-input cv-textarea" rows={3} maxLength={field.max} value={str} readOnly={readOnly} data-testid={`field-${id}`} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} className="k-input" maxLength={field.max} value={str} readOnly={readOnly} data-testid={`field-${id}`} onChange={(e) => onChange(e.target.value)} />
      );
    case 'content':
      return <ContentInput {...props} field={field} />;
    case 'int':
      return <NumberInput id={id} value={value} min={field.min} max={field.max} step={1} integer readOnly={readOnly} suffix={field.unit && (UNIT_KEYS as readonly string[]).includes(field.unit) ? t(`canvas.units.${field.unit}`) : undefined} onChange={onChange} />;
    case 'money':
      return <NumberInput id={id} value={value} min={field.min} max={field.max} step={0.01} integer={false} readOnly={readOnly} suffix={lists.currency} onChange={(n) => onChange(Math.round(n * 100) / 100)} />;
    case 'percent':
      return <NumberInput id={id} value={value} min={0} max={100} step={1} integer={false} readOnly={readOnly} suffix="%" onChange={onChange} />;
    case 'bool':
      return <input id={id} type="checkbox" className="cv-check" checked={value === true} disabled={readOnly} data-testid={`field-${id}`} onChange={(e) => onChange(e.target.checked)} />;
    case 'enum':
      return (
        <select id={id} className="k-input" value={str} disabled={readOnly} data-testid={`field-${id}`} onChange={(e) => onChange(e.target.value)}>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {pick(o.label, lang)}
            </option>
          ))}
        </select>
      );
    case 'time':
      return <input id={id} type="time" className="k-input" value={str} readOnly={readOnly} data-testid={`field-${id}`} onChange={(e) => /^\d\d:\d\d$/.test(e.target.value) && onChange(e.target.value)} />;
    case 'date':
      return <input id={id} type="date" className="k-input" value={str} readOnly={readOnly} data-testid={`field-${id}`} onChange={(e) => onChange(e.target.value || null)} />;
    case 'rule':
      return <RuleInput {...props} field={field} />;
    case 'audience': {
      const known = lists.audiences.some((a) => a.id === str);
      return (
        <select id={id} className="k-input" value={str} disabled={readOnly} data-testid={`field-${id}`} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('canvas.inspector.choose')}</option>
          {str && !known ? <option value={str}>{t('canvas.inspector.missingAudience')}</option> : null}
          {lists.audiences.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      );
    }
    case 'tag':
      return (
        <>
          <input id={id} className="k-input" list={`${id}-tags`} value={str} maxLength={100} readOnly={readOnly} data-testid={`field-${id}`} placeholder={field.allowNew ? t('canvas.inspector.tagOrNew') : undefined} onChange={(e) => onChange(e.target.value)} />
          <datalist id={`${id}-tags`}>
            {lists.tags.map((x) => (
              <option key={x.name} value={x.name} />
            ))}
          </datalist>
        </>
      );
    case 'tagGroup':
      return (
        <select id={id} className="k-input" value={str} disabled={readOnly} data-testid={`field-${id}`} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('canvas.inspector.choose')}</option>
          {str && !lists.tagGroups.includes(str) ? <option value={str}>{str}</option> : null}
          {lists.tagGroups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      );
    case 'channel':
      return (
        <select id={id} className="k-input" value={str} disabled={readOnly} data-testid={`field-${id}`} onChange={(e) => onChange(e.target.value)}>
          {field.allowNone ? <option value="">{t('canvas.inspector.none')}</option> : null}
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {pick(CHANNEL_LABELS[c], lang)}
            </option>
          ))}
        </select>
      );
    case 'node':
      return (
        <select id={id} className="k-input" value={str} disabled={readOnly} data-testid={`field-${id}`} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('canvas.inspector.choose')}</option>
          {lists.nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.title}
            </option>
          ))}
        </select>
      );
    case 'weekdays': {
      const days = Array.isArray(value) ? (value as number[]) : [];
      return (
        <div className="cv-weekdays" role="group" data-testid={`field-${id}`}>
          {WEEKDAY_OPTIONS.map((o) => {
            const d = Number(o.value);
            const on = days.includes(d);
            return (
              <button
                key={o.value}
                type="button"
                className={`cv-day${on ? ' cv-on' : ''}`}
                aria-pressed={on}
                title={pick(o.label, lang)}
                disabled={readOnly}
                onClick={() => onChange(on ? days.filter((x) => x !== d) : [...days, d].sort((a, b) => a - b))}
              >
                {pick(o.label, lang).slice(0, lang === 'zh' ? 2 : 2)}
              </button>
            );
          })}
        </div>
      );
    }
    case 'branches':
      return <BranchesInput {...props} field={field} />;
  }
}
