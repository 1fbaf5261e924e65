import { useTranslation } from 'react-i18next';
import { defaultLeaf, LEAF_KINDS, nodeId, updateNode, type BuilderNode, type GroupNode, type LeafKind } from './builderModel';
import { ConditionRow } from './ConditionRow';
import type { RuleEditorContext } from './RuleEditor';

/** The visual builder: nested AND / OR groups of condition rows, each with a NOT switch. */
export function ConditionBuilder({ root, onChange, context }: { root: GroupNode; onChange: (g: GroupNode) => void; context: RuleEditorContext }) {
  return <Group node={root} root={root} onChange={onChange} context={context} depth={0} />;
}

interface GroupProps {
  node: GroupNode;
  root: GroupNode;
  onChange: (g: GroupNode) => void;
  context: RuleEditorContext;
  depth: number;
}

function NotToggle({ on, onToggle }: { on: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={`k-btn k-btn-sm rule-not${on ? ' on' : ''}`} aria-pressed={on} data-testid="rule-not" onClick={onToggle}>
      {t('rules.group.not')}
    </button>
  );
}

function Group({ node, root, onChange, context, depth }: GroupProps) {
  const { t } = useTranslation();
  const edit = (id: string, f: (n: BuilderNode) => BuilderNode | null) => onChange(updateNode(root, id, f));
  const setSelf = (g: GroupNode) => edit(node.id, () => g);
  const add = (kind: LeafKind | 'group') => {
    const child: BuilderNode =
      kind === 'group'
        ? { type: 'group', id: nodeId(), negate: false, op: node.op === 'and' ? 'or' : 'and', children: [{ type: 'cond', id: nodeId(), negate: false, leaf: defaultLeaf('measure', context) }] }
        : { type: 'cond', id: nodeId(), negate: false, leaf: defaultLeaf(kind, context) };
    setSelf({ ...node, children: [...node.children, child] });
  };
  return (
    <div className={`rule-group depth-${depth % 2}`} data-testid="rule-group">
      <div className="rule-group-head">
        <NotToggle on={node.negate} onToggle={() => setSelf({ ...node, negate: !node.negate })} />
        <div className="rule-seg" role="radiogroup">
          {(['and', 'or'] as const).map((op) => (
            <button key={op} type="button" role="radio" aria-checked={node.op === op} className={`k-btn k-btn-sm${node.op === op ? ' on' : ''}`} data-testid={`rule-op-${op}`} onClick={() => setSelf({ ...node, op })}>
              {t(`rules.group.${op}`)}
            </button>
          ))}
        </div>
        {depth > 0 ? (
          <button type="button" className="k-btn k-btn-ghost k-btn-sm rule-remove" aria-label={t('rules.group.remove')} onClick={() => edit(node.id, () => null)}>
            ×
          </button>
        ) : null}
      </div>
      {node.children.length === 0 ? <p className="k-muted rule-empty">{t('rules.group.empty')}</p> : null}
      {node.children.map((c) =>
        c.type === 'group' ? (
          <Group key={c.id} node={c} root={root} onChange={onChange} context={context} depth={depth + 1} />
        ) : (
          <div key={c.id} className="rule-row" data-testid="rule-row">
            <NotToggle on={c.negate} onToggle={() => edit(c.id, (n) => ({ ...n, negate: !n.negate }))} />
            <div className="rule-fields">
              <ConditionRow leaf={c.leaf} context={context} onChange={(leaf) => edit(c.id, (n) => ({ ...n, leaf }) as BuilderNode)} />
            </div>
            <button type="button" className="k-btn k-btn-ghost k-btn-sm rule-remove" aria-label={t('rules.group.remove')} data-testid="rule-remove" onClick={() => edit(c.id, () => null)}>
              ×
            </button>
          </div>
        ),
      )}
      <div className="rule-add k-row">
        <select
          className="k-input"
          aria-label={t('rules.group.addCondition')}
          data-testid="rule-add"
          value=""
          onChange={(e) => e.target.value && add(e.target.value as LeafKind | 'group')}
        >
          <option value="">+ {t('rules.group.addCondition')}</option>
          {LEAF_KINDS.map((k) => (
            <option key={k} value={k} disabled={(k === 'audience' && !context.audiences?.length) || (k === 'tag' && !context.tags?.length)}>
              {t(`rules.kind.${k}`)}
            </option>
          ))}
          <option value="group">{t('rules.group.addGroup')}</option>
        </select>
      </div>
    </div>
  );
}
