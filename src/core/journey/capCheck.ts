import type { Channel } from '../model/common';
import type { Journey, JourneyNode } from '../model/journey';
import { nodeType } from './catalogue';
import { CHANNEL_LABELS } from './fields';
import { L } from './text';
import type { ValidationIssue } from './validate';

const DAY_MINUTES = 24 * 60;
const UNIT_MINUTES: Record<string, number> = { minutes: 1, hours: 60, days: DAY_MINUTES, weeks: 7 * DAY_MINUTES };

const duration = (n: JourneyNode) => (Number(n.config.amount) || 0) * (UNIT_MINUTES[String(n.config.unit)] ?? 0);

/**
 * How long a member surely stayed in a node when they leave it by `port`, in minutes: a wait its
 * duration; a wait for an event that timed out its timeout, one that saw the event nothing (it
 * may come at once); a goal missed its window.
 */
function minimumHold(n: JourneyNode, port: string): number {
  switch (n.type) {
    case 'flow.wait':
      return n.config.mode === 'until_date' ? Infinity : n.config.mode === 'duration' ? duration(n) : 0;
    case 'flow.waitEvent':
      return port === 'timeout' ? duration(n) : 0;
    case 'flow.goal':
      return port === 'missed' ? (Number(n.config.windowDays) || 0) * DAY_MINUTES : 0;
    default:
      return 0;
  }
}

/**
 * Caps that make a path impossible: along a path, touches with no day-long wait between them go
 * out the same day; if more of them use a channel than its daily cap (or than the global cap),
 * the later ones can never be sent. Counted as the most touches any path brings to each node
 * since the last wait of at least a day (the graph has no instant cycles by then; a node on one
 * is skipped, its cycle is reported on its own).
 */
export function capProblems(j: Journey): ValidationIssue[] {
  const s = j.settings.caps;
  const byId = new Map(j.nodes.map((n) => [n.id, n]));
  // Connections with the time a member surely spent before taking them; jumps take none.
  const next = new Map<string, { to: string; hold: number }[]>(j.nodes.map((n) => [n.id, []]));
  for (const e of j.edges) {
    const from = byId.get(e.source);
    if (from && byId.has(e.target)) next.get(from.id)!.push({ to: e.target, hold: minimumHold(from, e.sourcePort) });
  }
  for (const n of j.nodes) if (n.type === 'flow.jump' && byId.has(String(n.config.target))) next.get(n.id)!.push({ to: String(n.config.target), hold: 0 });
  const indeg = new Map<string, number>(j.nodes.map((n) => [n.id, 0]));
  for (const ds of next.values()) for (const d of ds) indeg.set(d.to, (indeg.get(d.to) ?? 0) + 1);
  // Most touches per channel (and in total) arriving at a node since the last day-long wait.
  const arriving = new Map<string, Map<string, number>>();
  const queue = j.nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  const out: ValidationIssue[] = [];
  const reported = new Set<string>();
  while (queue.length) {
    const id = queue.shift()!;
    const n = byId.get(id)!;
    const nt = nodeType(n.type);
    const counts = new Map(arriving.get(id) ?? []);
    const ch: Channel | null = nt?.touch?.(n.config) ?? null;
    if (ch) {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
      counts.set('*', (counts.get('*') ?? 0) + 1);
      const chCap = s.perChannel[ch]?.perDay ?? null;
      const total = counts.get('*')!;
      const label = CHANNEL_LABELS[ch];
      if (chCap !== null && counts.get(ch)! > chCap && !reported.has(id)) {
        reported.add(id);
        out.push({
          code: 'cap-blocks-path', severity: 'error', nodeId: id,
          message: L(`A path sends ${counts.get(ch)} ${label.en} touches on one day here, but the journey allows ${chCap} a day: this one can never go out. Add a wait of a day or raise the cap.`,
            `某条路径在同一天发送了 ${counts.get(ch)} 次${label.zh}，而旅程每天最多 ${chCap} 次：此节点永远无法发送。请加入一天的等待或提高上限。`),
        });
      } else if (s.global.perDay !== null && total > s.global.perDay && !reported.has(id)) {
        reported.add(id);
        out.push({
          code: 'cap-blocks-path', severity: 'error', nodeId: id,
          message: L(`A path touches members ${total} times on one day here, but the journey allows ${s.global.perDay} a day: this one can never go out.`,
            `某条路径在同一天触达会员 ${total} 次，而旅程每天最多 ${s.global.perDay} 次：此节点永远无法发送。`),
        });
      }
    }
    for (const { to, hold } of next.get(id) ?? []) {
      const acc = arriving.get(to) ?? new Map<string, number>();
      if (hold < DAY_MINUTES) for (const [k, v] of counts) acc.set(k, Math.max(acc.get(k) ?? 0, v));
      arriving.set(to, acc);
      indeg.set(to, indeg.get(to)! - 1);
      if (indeg.get(to) === 0) queue.push(to);
    }
  }
  return out;
}
