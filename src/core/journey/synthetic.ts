import { defaultJourneySettings, type Journey, type JourneyEdge, type JourneyNode } from '../model/journey';
import { parseRule, stripSpans } from '../rules';
import { nodeType } from './catalogue';
import { configDefaults } from './fields';
import type { IdFactory } from './ids';

/**
 * A large journey that passes validation, for benchmarks and stress tests of the canvas: an
 * audience entry, then repeating blocks of waits, condition splits (both branches drawn, some
 * merging again, some ending in an exit), SMS / WeCom / coupon actions, and an exit at the end.
 *
 * Why it validates: every touch comes right after a wait of at least a day, so no path touches a
 * member more than once a day (the default caps allow one SMS and two touches a day); the graph
 * is acyclic; every output port is connected. Edges = nodes − exits + conditions ≈ 1.1 per node.
 */
export function syntheticJourney(n: number, opts: { newId: IdFactory; now: string; audienceId: string }): Journey {
  if (!Number.isInteger(n) || n < 2) throw new Error(`syntheticJourney needs at least 2 nodes, got ${n}`);
  const nodes: JourneyNode[] = [];
  const edges: JourneyEdge[] = [];
  const rules = RULES.map((r) => stripSpans(parseRule(r)));
  let col = 0;

  const add = (type: string, at: { col: number; lane: number }, config: Record<string, unknown> = {}, label = ''): JourneyNode => {
    const nt = nodeType(type);
    if (!nt) throw new Error(`unknown node type ${type}`);
    const node: JourneyNode = { id: opts.newId('n'), type, label, position: gridPosition(at.col, at.lane), config: { ...configDefaults(nt.fields), ...config } };
    nodes.push(node);
    return node;
  };
  const link = (from: Dangling[], to: JourneyNode) => {
    for (const d of from) edges.push({ id: opts.newId('e'), source: d.node.id, sourcePort: d.port, target: to.id });
  };

  let actions = 0;
  const action = (at: { col: number; lane: number }): JourneyNode => {
    const k = actions++ % 3;
    if (k === 0) return add('action.sms', at, { content: `Hi {{name}}, offer ${actions} for you at {{store}}.` });
    if (k === 1) return add('action.wecom1v1', at, { content: `Hi {{name}}, your guide {{guide}} picked something for you (${actions}).` });
    return add('action.coupon', at, { name: `Coupon ${actions}`, amount: 10 + (actions % 5) * 10, threshold: 0, validityDays: 7 });
  };
  const wait = (at: { col: number; lane: number }, days: number) => add('flow.wait', at, { mode: 'duration', amount: days, unit: 'days' });

  const entry = add('entry.audience', { col: col++, lane: 0 }, { audienceId: opts.audienceId, mode: 'snapshot' });
  let open: Dangling[] = [{ node: entry, port: 'next' }];
  // Nodes still to place, keeping one for the final exit.
  let left = n - 2;
  let block = 0;

  while (left > 0) {
    const kind = BLOCKS[block++ % BLOCKS.length];
    if (kind === 'split' && left >= 5) {
      // condition → yes: wait 1 d → action ; no: wait 2 d → action ; both go on together.
      const c = add('flow.condition', { col: col++, lane: 0 }, { rule: rules[block % rules.length] });
      link(open, c);
      const yw = wait({ col, lane: -1 }, 1);
      const nw = wait({ col: col++, lane: 1 }, 2);
      const ya = action({ col, lane: -1 });
      const na = action({ col: col++, lane: 1 });
      link([{ node: c, port: 'yes' }], yw);
      link([{ node: c, port: 'no' }], nw);
      link([{ node: yw, port: 'next' }], ya);
      link([{ node: nw, port: 'next' }], na);
      open = [{ node: ya, port: 'next' }, { node: na, port: 'next' }];
      left -= 5;
    } else if (kind === 'splitExit' && left >= 4) {
      // condition → no: wait 3 d → action → exit ; yes goes on.
      const c = add('flow.condition', { col: col++, lane: 0 }, { rule: rules[block % rules.length] });
      link(open, c);
      const nw = wait({ col: col++, lane: 1 }, 3);
      const na = action({ col: col++, lane: 1 });
      const x = add('flow.exit', { col: col - 1, lane: 2 }, { reason: `not matched ${block}` });
      link([{ node: c, port: 'no' }], nw);
      link([{ node: nw, port: 'next' }], na);
      link([{ node: na, port: 'next' }], x);
      open = [{ node: c, port: 'yes' }];
      left -= 4;
    } else if (kind === 'touch' && left >= 2) {
      const w = wait({ col: col++, lane: 0 }, 1);
      const a = action({ col: col++, lane: 0 });
      link(open, w);
      link([{ node: w, port: 'next' }], a);
      open = [{ node: a, port: 'next' }];
      left -= 2;
    } else if (left < 5) {
      // Too few left for a block: single waits fill up to n exactly.
      const w = wait({ col: col++, lane: 0 }, 1);
      link(open, w);
      open = [{ node: w, port: 'next' }];
      left -= 1;
    }
  }
  const end = add('flow.exit', { col, lane: 0 }, { reason: 'end' });
  link(open, end);

  return {
    v: 2,
    id: opts.newId('j'),
    name: `Synthetic journey (${n} nodes)`,
    description: 'Generated for benchmarks: waits, condition splits, SMS, WeCom and coupons.',
    owner: '',
    status: 'draft',
    revision: 0,
    nodes,
    edges,
    notes: [],
    settings: defaultJourneySettings(),
    template: null,
    createdAt: opts.now,
    updatedAt: opts.now,
  };
}

interface Dangling {
  node: JourneyNode;
  port: string;
}

const BLOCKS = ['split', 'touch', 'splitExit'] as const;
const RULES = ['net_spend(last 90 days) > 500', 'orders(last 180 days) = 0', 'orders >= 3', 'not touches(channel = sms, last 30 days) > 0'];

/** The path runs left to right in bands of COLS columns (about 4:3 at 500 nodes); branches take the lanes above and below. */
const COLS = 32;
const COL_W = 280;
const LANE_H = 130;
const BAND_H = LANE_H * 5;
function gridPosition(col: number, lane: number): { x: number; y: number } {
  const band = Math.floor(col / COLS);
  return { x: (col % COLS) * COL_W, y: band * BAND_H + (lane + 1) * LANE_H };
}
