import { useTranslation } from 'react-i18next';
import type { MemberIdentityGraph, ProfileNode } from '../../core/oneid';
import { enumLabel } from './labels';

const W = 640;
const NODE_W = 184;
const NODE_H = 58;

const height = (n: number) => (n <= 2 ? 150 : n <= 4 ? 260 : 360);

/** Where each profile sits: a ring (a row for two), so every pair's line can be seen and labelled. */
function layout(n: number): { x: number; y: number }[] {
  const h = height(n);
  if (n === 1) return [{ x: W / 2, y: h / 2 }];
  if (n === 2) return [{ x: W * 0.22, y: h / 2 }, { x: W * 0.78, y: h / 2 }];
  const rx = W / 2 - NODE_W / 2 - 8;
  const ry = h / 2 - NODE_H / 2 - 8;
  return Array.from({ length: n }, (_, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: W / 2 + rx * Math.cos(a), y: h / 2 + ry * Math.sin(a) };
  });
}

/** The kinds of id a profile holds, for its box: "Mini-program openid, WeChat unionid". */
function kindsOf(t: ReturnType<typeof useTranslation>['t'], p: ProfileNode): string {
  const kinds = [...new Set(p.identities.map((i) => enumLabel(t, 'identityKind', i.kind)))].join(', ');
  return kinds.length > 30 ? `${kinds.slice(0, 29)}…` : kinds;
}

export function profileLabel(t: ReturnType<typeof useTranslation>['t'], p: ProfileNode): string {
  const first = p.identities[0];
  return t('data.oneid.profileLabel', { platform: enumLabel(t, 'platform', p.platform), kind: first ? enumLabel(t, 'identityKind', first.kind) : '' });
}

/**
 * The member's profiles as boxes and the evidence they share as lines labelled by kind (dashed
 * when only a hint). Plain SVG: React escapes every text, and a profile is a button to pick it.
 */
export function IdentityGraphSvg({
  graph, selected, reference, onSelect,
}: { graph: MemberIdentityGraph; selected: string | null; reference: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const pos = layout(graph.nodes.length);
  const at = new Map(graph.nodes.map((n, i) => [n.id, pos[i]]));
  const h = height(graph.nodes.length);
  // One line per pair of profiles, naming every kind of evidence they share.
  const pairs = new Map<string, { a: string; b: string; kinds: string[]; trusted: boolean }>();
  for (const e of graph.edges) {
    const k = `${e.a}|${e.b}`;
    const p = pairs.get(k) ?? { a: e.a, b: e.b, kinds: [], trusted: false };
    const label = enumLabel(t, 'identityKind', e.kind);
    if (!p.kinds.includes(label)) p.kinds.push(label);
    p.trusted ||= e.trusted;
    pairs.set(k, p);
  }
  return (
    <svg className="idg-svg" viewBox={`0 0 ${W} ${h}`} role="group" aria-label={t('data.oneid.title')} data-testid="identity-graph-svg">
      {[...pairs.values()].map((p) => {
        const a = at.get(p.a)!;
        const b = at.get(p.b)!;
        const label = p.kinds.join(', ') + (p.trusted ? '' : ` (${t('data.oneid.edgeHint')})`);
        const mx = (a.x + b.x) / 2;
        const my = (a.y + b.y) / 2;
        const w = Math.min(220, 12 + label.length * 6.6);
        return (
          <g key={`${p.a}|${p.b}`} className={p.trusted ? 'idg-edge' : 'idg-edge idg-edge-hint'} data-testid="identity-edge">
            <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
            <rect x={mx - w / 2} y={my - 10} width={w} height={20} rx={4} />
            <text x={mx} y={my + 4} textAnchor="middle">{label}</text>
          </g>
        );
      })}
      {graph.nodes.map((n) => {
        const p = at.get(n.id)!;
        const cls = `idg-node${n.id === selected ? ' idg-selected' : ''}${n.id === reference ? ' idg-reference' : ''}${n.isolated ? ' idg-isolated' : ''}`;
        return (
          <g
            key={n.id}
            className={cls}
            role="button"
            tabIndex={0}
            aria-pressed={n.id === selected}
            aria-label={`${profileLabel(t, n)} ${n.id}`}
            data-testid="identity-profile"
            data-profile={n.id}
            onClick={() => onSelect(n.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(n.id);
              }
            }}
          >
            <rect x={p.x - NODE_W / 2} y={p.y - NODE_H / 2} width={NODE_W} height={NODE_H} rx={8} />
            <text x={p.x} y={p.y - 10} textAnchor="middle" className="idg-node-title">{enumLabel(t, 'platform', n.platform)}</text>
            <text x={p.x} y={p.y + 5} textAnchor="middle" className="idg-node-kinds">{kindsOf(t, n)}</text>
            <text x={p.x} y={p.y + 20} textAnchor="middle" className="idg-node-id">
              {n.id}{n.isolated ? ` · ${t('data.oneid.splitBadge')}` : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
