import type { Journey, JourneySettings } from '../../model/journey';
import { printRule, RuleSchema, stripSpans, type Rule } from '../../rules';
import { dayNumber } from '../../time';
import { nodeType, type CompileContext } from '../catalogue';
import { validateJourney, type ValidationContext, type ValidationIssue } from '../validate';
import { PLAN_VERSION, PlanIRSchema, type PlanIR, type PlanNode, type PlanSettings } from './ir';

export type CompileOutcome = { ok: true; plan: PlanIR; warnings: ValidationIssue[] } | { ok: false; issues: ValidationIssue[] };

/**
 * Compile a journey (a published version, or a draft for a forecast) into its Plan IR. Only a
 * journey without validation errors compiles; the same journey always gives the same plan:
 * nodes in id order, rules interned in the order nodes and fields first use them, no clock.
 */
export function compileJourney(j: Journey, ctx: ValidationContext): CompileOutcome {
  const issues = validateJourney(j, ctx);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) return { ok: false, issues: errors };

  const nodes = [...j.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const rules: { rule: Rule; text: string }[] = [];
  const ruleIndex = new Map<string, number>();
  const cx: CompileContext = {
    rule: (r) => {
      const rule = stripSpans(RuleSchema.parse(r));
      const text = printRule(rule);
      let i = ruleIndex.get(text);
      if (i === undefined) {
        ruleIndex.set(text, (i = rules.length));
        rules.push({ rule, text });
      }
      return i;
    },
    cents: (v) => Math.round((typeof v === 'number' ? v : 0) * 100),
    day: (d) => dayNumber(String(d)),
    minute: (t) => {
      const [h, m] = String(t).split(':').map(Number);
      return h * 60 + m;
    },
    audienceName: (id) => ctx.audiences.get(id) ?? id,
  };

  // Each node's outgoing edges, grouped once (not a pass over every edge per node).
  const out = new Map<string, [string, number][]>();
  for (const e of j.edges) {
    const list = out.get(e.source) ?? [];
    list.push([e.sourcePort, index.get(e.target)!]);
    out.set(e.source, list);
  }
  const planNodes: PlanNode[] = nodes.map((n) => {
    const nt = nodeType(n.type)!; // validation refuses unknown types
    const next: Record<string, number> = Object.fromEntries(out.get(n.id) ?? []);
    if (n.type === 'flow.jump') next.next = index.get(String(n.config.target))!;
    const sortedNext = Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : 1)));
    return { id: n.id, type: n.type, step: nt.compile(n.config, cx), next: sortedNext };
  });
  const plan: PlanIR = {
    planVersion: PLAN_VERSION,
    journey: { id: j.id, name: j.name, revision: j.revision },
    nodes: planNodes,
    entries: planNodes.flatMap((n, i) => (nodeType(n.type)?.category === 'entry' ? [i] : [])),
    rules,
    settings: compileSettings(j.settings, cx),
  };
  // The compiler's own output must be a valid plan; a failure here is a bug, not bad input.
  PlanIRSchema.parse(plan);
  return { ok: true, plan, warnings: issues };
}

function compileSettings(s: JourneySettings, cx: CompileContext): PlanSettings {
  return {
    maxEntries: s.maxEntries,
    reEntry: s.reEntry.mode === 'after' ? { mode: 'after', days: s.reEntry.afterDays } : { mode: s.reEntry.mode },
    caps: {
      global: { ...s.caps.global },
      perChannel: Object.fromEntries(
        Object.entries(s.caps.perChannel)
          .filter(([, c]) => c && (c.perDay !== null || c.perWeek !== null))
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      ),
    },
    quietHours: s.quietHours.enabled ? { start: cx.minute(s.quietHours.start), end: cx.minute(s.quietHours.end) } : null,
    sendWindow: s.sendWindow.enabled ? { days: [...new Set(s.sendWindow.days)].sort(), from: cx.minute(s.sendWindow.from), to: cx.minute(s.sendWindow.to) } : null,
    goal: s.goal.rule ? { rule: cx.rule(s.goal.rule), windowDays: s.goal.windowDays } : null,
    exitRule: s.exitRule ? cx.rule(s.exitRule) : null,
    controlPercent: s.controlPercent,
    startDay: s.startDate ? dayNumber(s.startDate) : null,
    endDay: s.endDate ? dayNumber(s.endDate) : null,
  };
}

export type PlanLoad = { ok: true; plan: PlanIR } | { ok: false; message: string };

/** Read a stored plan: refuses a plan of another planVersion or one that does not fit the schema, saying where. */
export function loadPlan(input: unknown): PlanLoad {
  const v = (input as { planVersion?: unknown } | null)?.planVersion;
  if (typeof v === 'number' && v > PLAN_VERSION) return { ok: false, message: `the plan is version ${v}, newer than this app runs (${PLAN_VERSION}); update Meridian` };
  if (v !== PLAN_VERSION) return { ok: false, message: `not a plan this app runs (planVersion ${JSON.stringify(v)}; expected ${PLAN_VERSION}): compile the journey again` };
  const r = PlanIRSchema.safeParse(input);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, message: `invalid plan at ${i.path.map(String).join('.') || '(root)'}: ${i.message}` };
  }
  for (const [k, n] of r.data.nodes.entries()) {
    for (const [port, to] of Object.entries(n.next)) {
      if (to >= r.data.nodes.length) return { ok: false, message: `invalid plan: node ${k} (${n.id}) port ${port} leads to node ${to}, which does not exist` };
    }
  }
  return { ok: true, plan: r.data };
}
