import type { Journey, JourneyNode } from '../model/journey';
import { typecheck, type Rule } from '../rules';
import { fieldActive, fieldMissing, type Field } from './fields';
import { nodeType, type CatalogueContext, type NodeType } from './catalogue';
import { L, type Text } from './text';
import { hasStrayBraces, unknownVariables } from './variables';
import { capProblems } from './capCheck';

/**
 * Validation returns issues, never throws: each names what is wrong, where (node, edge, field)
 * and how bad (errors block publishing, warnings do not). The canvas shows them on the nodes
 * and in a list; publishing refuses while there is an error.
 */
export interface ValidationIssue {
  code: string;
  severity: 'error' | 'warning';
  nodeId?: string;
  edgeId?: string;
  field?: string;
  message: Text;
}

export type ValidationContext = CatalogueContext;

export const canPublish = (issues: readonly ValidationIssue[]): boolean => !issues.some((i) => i.severity === 'error');

const t = (node: JourneyNode, nt: NodeType | undefined) => node.label || (nt ? nt.title.en : node.type);
const tz = (node: JourneyNode, nt: NodeType | undefined) => node.label || (nt ? nt.title.zh : node.type);

export function validateJourney(j: Journey, ctx: ValidationContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (i: ValidationIssue) => issues.push(i);
  const byId = new Map(j.nodes.map((n) => [n.id, n]));
  const audienceNames = [...ctx.audiences.values()];
  const ruleCtx = { audiences: audienceNames, tags: [...ctx.tags] };

  if (!j.name.trim()) add({ code: 'name-missing', severity: 'error', message: L('The journey needs a name.', '旅程需要名称。') });
  if (!j.nodes.some((n) => nodeType(n.type)?.category === 'entry'))
    add({ code: 'no-entry', severity: 'error', message: L('Add an entry (an audience, an event or a schedule): nobody can enter yet.', '请添加入口（人群、事件或定时）：目前没有会员能进入。') });

  // ---- each node on its own: type, config shape, required fields, references ----
  for (const n of j.nodes) {
    const nt = nodeType(n.type);
    if (!nt) {
      add({ code: 'unknown-type', severity: 'error', nodeId: n.id, message: L(`Unknown node type “${n.type}”.`, `未知节点类型“${n.type}”。`) });
      continue;
    }
    const parsed = nt.schema.safeParse(n.config);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) {
        const field = String(zi.path[0] ?? '');
        const f = nt.fields[field];
        add({
          code: 'config-invalid',
          severity: 'error',
          nodeId: n.id,
          field: field || undefined,
          message: L(`${f ? f.label.en : field || 'Config'}: ${zi.message}`, `${f ? f.label.zh : field || '配置'}：${zi.message}`),
        });
      }
      continue;
    }
    for (const [key, f] of Object.entries(nt.fields)) {
      if (!fieldActive(f, n.config)) continue;
      checkField(n, key, f, n.config[key], ctx, ruleCtx, add);
    }
    for (const p of nt.check?.(n.config, ctx) ?? []) add({ ...p, nodeId: n.id });
  }

  // ---- edges: both ends exist, the port exists, the target takes input ----
  const outgoing = new Map<string, Map<string, string>>(); // node -> port -> target
  for (const e of j.edges) {
    const s = byId.get(e.source);
    const d = byId.get(e.target);
    if (!s || !d) {
      add({ code: 'edge-dangling', severity: 'error', edgeId: e.id, message: L('A connection leads to a node that no longer exists.', '有连线指向已不存在的节点。') });
      continue;
    }
    const st = nodeType(s.type);
    const dt = nodeType(d.type);
    if (st && !st.outputs(s.config).some((p) => p.id === e.sourcePort))
      add({ code: 'edge-port-gone', severity: 'error', edgeId: e.id, nodeId: s.id, message: L(`“${t(s, st)}” has no output “${e.sourcePort}” any more; reconnect it.`, `“${tz(s, st)}”已没有输出“${e.sourcePort}”，请重新连接。`) });
    if (dt && !dt.hasInput)
      add({ code: 'edge-into-entry', severity: 'error', edgeId: e.id, nodeId: d.id, message: L('Nothing can lead into an entry.', '入口节点不能有输入连线。') });
    if (!outgoing.has(s.id)) outgoing.set(s.id, new Map());
    outgoing.get(s.id)!.set(e.sourcePort, d.id);
  }

  // ---- every output port leads somewhere (end a path with an Exit) ----
  for (const n of j.nodes) {
    const nt = nodeType(n.type);
    if (!nt) continue;
    const ports = outgoing.get(n.id);
    for (const p of nt.outputs(n.config)) {
      if (!ports?.has(p.id))
        add({
          code: 'port-unconnected',
          severity: 'error',
          nodeId: n.id,
          field: `port:${p.id}`,
          message: L(`Output “${p.label.en}” of “${t(n, nt)}” is not connected (end a path with an Exit).`, `“${tz(n, nt)}”的输出“${p.label.zh}”未连接（路径末尾请接“退出”）。`),
        });
    }
  }

  // ---- jumps ----
  const next = new Map<string, string[]>();
  for (const n of j.nodes) next.set(n.id, [...(outgoing.get(n.id)?.values() ?? [])]);
  for (const n of j.nodes) {
    if (n.type !== 'flow.jump') continue;
    const target = typeof n.config.target === 'string' ? n.config.target : '';
    const d = byId.get(target);
    if (!target) continue; // reported as a missing field
    if (!d) add({ code: 'jump-target-gone', severity: 'error', nodeId: n.id, field: 'target', message: L('The jump’s target node no longer exists.', '跳转目标节点已不存在。') });
    else if (d.id === n.id) add({ code: 'jump-to-self', severity: 'error', nodeId: n.id, field: 'target', message: L('A jump cannot lead to itself.', '跳转不能指向自身。') });
    else if (nodeType(d.type)?.category === 'entry') add({ code: 'jump-to-entry', severity: 'error', nodeId: n.id, field: 'target', message: L('A jump cannot lead to an entry.', '跳转不能指向入口。') });
    else next.get(n.id)!.push(d.id);
  }

  // ---- reachability from the entries ----
  const seen = new Set<string>();
  const stack = j.nodes.filter((n) => nodeType(n.type)?.category === 'entry').map((n) => n.id);
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const d of next.get(id) ?? []) stack.push(d);
  }
  for (const n of j.nodes) {
    const nt = nodeType(n.type);
    if (!nt || nt.category === 'entry' || seen.has(n.id)) continue;
    add({ code: 'unreachable', severity: 'error', nodeId: n.id, message: L(`No path from an entry reaches “${t(n, nt)}”.`, `没有从入口到达“${tz(n, nt)}”的路径。`) });
  }

  // ---- cycles must pass through a wait ----
  for (const cycle of cyclesWithoutDelay(j.nodes, next)) {
    for (const id of cycle) {
      const n = byId.get(id)!;
      add({ code: 'cycle-without-wait', severity: 'error', nodeId: id, message: L(`“${t(n, nodeType(n.type))}” is on a loop with no wait: members would go round it forever.`, `“${tz(n, nodeType(n.type))}”位于没有等待的循环中：会员会无限循环。`) });
    }
  }

  for (const p of capProblems(j)) add(p);
  for (const p of settingsProblems(j)) add(p);
  const settingRules = [
    ['goal', j.settings.goal.rule, L('Journey goal', '旅程目标')],
    ['exitRule', j.settings.exitRule, L('Exit rule', '退出条件')],
  ] as const;
  for (const [field, rule, label] of settingRules) {
    if (!rule) continue;
    for (const ri of typecheck(rule, ruleCtx))
      add({ code: 'rule-invalid', severity: 'error', field: `settings.${field}`, message: L(`${label.en}: ${ri.message}`, `${label.zh}：${ri.message}`) });
  }
  return issues;
}

function checkField(
  n: JourneyNode,
  key: string,
  f: Field,
  value: unknown,
  ctx: ValidationContext,
  ruleCtx: { audiences: string[]; tags: string[] },
  add: (i: ValidationIssue) => void,
) {
  const base = { nodeId: n.id, field: key };
  if (fieldMissing(f, value)) {
    add({ ...base, code: f.kind === 'content' ? 'content-missing' : 'field-missing', severity: 'error', message: L(`${f.label.en} is required.`, `请填写${f.label.zh}。`) });
    return;
  }
  if (f.kind === 'content' && typeof value === 'string') {
    const unknown = unknownVariables(value);
    if (unknown.length)
      add({ ...base, code: 'content-variable', severity: 'error', message: L(`${f.label.en}: unknown variable ${unknown.map((v) => `{{${v}}}`).join(', ')}.`, `${f.label.zh}：未知变量 ${unknown.map((v) => `{{${v}}}`).join('、')}。`) });
    if (hasStrayBraces(value))
      add({ ...base, code: 'content-braces', severity: 'warning', message: L(`${f.label.en}: “{{” or “}}” without a variable.`, `${f.label.zh}：有不成对的“{{”或“}}”。`) });
  }
  if (f.kind === 'audience' && typeof value === 'string' && value && !ctx.audiences.has(value))
    add({ ...base, code: 'audience-missing', severity: 'error', message: L('The entry audience no longer exists: choose another.', '入口人群已不存在：请重新选择。') });
  if (f.kind === 'tag' && typeof value === 'string' && value && !ctx.tags.has(value))
    add(
      f.allowNew
        ? { ...base, code: 'tag-new', severity: 'warning', message: L(`Tag “${value}” does not exist yet; publishing creates it as a result tag.`, `标签“${value}”尚不存在；发布时将创建为结果标签。`) }
        : { ...base, code: 'tag-missing', severity: 'error', message: L(`Tag “${value}” does not exist.`, `标签“${value}”不存在。`) },
    );
  if (f.kind === 'tagGroup' && typeof value === 'string' && value && !ctx.tagGroups.has(value))
    add({ ...base, code: 'tag-group-missing', severity: 'error', message: L(`Tag group “${value}” does not exist.`, `标签组“${value}”不存在。`) });
  if (f.kind === 'rule' && value) {
    for (const ri of typecheck(value as Rule, ruleCtx))
      add({ ...base, code: 'rule-invalid', severity: 'error', message: L(`${f.label.en}: ${ri.message}`, `${f.label.zh}：${ri.message}`) });
  }
}

/** Strongly connected parts of the graph that can be walked round without passing a delaying node. */
function cyclesWithoutDelay(nodes: JourneyNode[], next: Map<string, string[]>): string[][] {
  const instant = new Set(nodes.filter((n) => !nodeType(n.type)?.delays).map((n) => n.id));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let i = 0;
  // Iterative Tarjan: a 500-node chain must not overflow the call stack.
  for (const root of instant) {
    if (index.has(root)) continue;
    const work: { id: string; k: number }[] = [{ id: root, k: 0 }];
    index.set(root, i);
    low.set(root, i++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1];
      const succ = (next.get(top.id) ?? []).filter((d) => instant.has(d));
      if (top.k < succ.length) {
        const d = succ[top.k++];
        if (!index.has(d)) {
          index.set(d, i);
          low.set(d, i++);
          stack.push(d);
          onStack.add(d);
          work.push({ id: d, k: 0 });
        } else if (onStack.has(d)) low.set(top.id, Math.min(low.get(top.id)!, index.get(d)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.id)!));
      }
      if (low.get(top.id) === index.get(top.id)) {
        const comp: string[] = [];
        let x: string;
        do {
          x = stack.pop()!;
          onStack.delete(x);
          comp.push(x);
        } while (x !== top.id);
        const selfLoop = comp.length === 1 && (next.get(comp[0]) ?? []).includes(comp[0]);
        if (comp.length > 1 || selfLoop) out.push(comp.reverse());
      }
    }
  }
  return out;
}

function settingsProblems(j: Journey): ValidationIssue[] {
  const s = j.settings;
  const out: ValidationIssue[] = [];
  const add = (code: string, field: string, message: Text, severity: 'error' | 'warning' = 'error') => out.push({ code, severity, field: `settings.${field}`, message });
  if (s.startDate && s.endDate && s.endDate < s.startDate)
    add('dates-reversed', 'endDate', L('The journey ends before it starts.', '旅程结束日期早于开始日期。'));
  if (s.sendWindow.enabled && s.sendWindow.days.length === 0)
    add('send-window-empty', 'sendWindow', L('The send window has no day: nothing could ever be sent.', '发送时段没有任何一天：任何消息都无法发送。'));
  if (s.sendWindow.enabled && s.sendWindow.from >= s.sendWindow.to)
    add('send-window-empty', 'sendWindow', L('The send window ends before it starts.', '发送时段的结束时间早于开始时间。'));
  if (s.quietHours.enabled && s.quietHours.start === s.quietHours.end)
    add('quiet-hours-empty', 'quietHours', L('Quiet hours start and end at the same time; they do nothing.', '免打扰开始和结束时间相同，不起作用。'), 'warning');
  const caps = [['global', s.caps.global], ...Object.entries(s.caps.perChannel)] as const;
  for (const [name, c] of caps) {
    if (c && c.perDay !== null && c.perWeek !== null && c.perWeek < c.perDay)
      add('cap-week-below-day', `caps.${name}`, L(`The ${name} weekly cap (${c.perWeek}) is below its daily cap (${c.perDay}).`, `${name} 每周上限（${c.perWeek}）低于每日上限（${c.perDay}）。`), 'warning');
  }
  if (s.reEntry.mode !== 'never' && s.maxEntries === 1)
    add('reentry-vs-limit', 'maxEntries', L('Re-entry is allowed but each member may enter only once.', '允许重复进入，但每位会员只能进入一次。'), 'warning');
  return out;
}
