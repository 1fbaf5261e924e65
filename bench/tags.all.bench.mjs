// All seed tag rules of a brand evaluated by the engine in ONE Web Worker in Chromium, warm
// (the second run), over a demo of BENCH_TAGS_MEMBERS members (10000, 100000 default, 1000000).
// Reports ms for all rules fused into one evaluation, and ms per rule evaluated alone.
// Also: snapshot build (first ensureSnapshot after the demo is written) and load (a fresh
// worker reading the stored snapshot). DuckDB-WASM comparison: not done (see docs/engine.md).
import { openEngineDemo } from './lib/engineDemo.mjs';

export const name = 'tags.all';
export const description = 'the ≥ 20 seed tag rules in one engine worker in Chromium, warm: ms for all and per rule';

/** The seed tag rules (mother & baby demo brand), domain-flavoured. */
export const SEED_TAG_RULES = [
  ['mid-value customer', 'net_spend(last 90 days) > 1000'],
  ['high-value customer', 'net_spend(last 90 days) > 2000'],
  ['silent 180 days', 'days_since_last_order >= 180 and orders >= 1'],
  ['never bought', 'orders = 0'],
  ['formula twice in 90 days', 'orders(category = "奶粉", last 90 days) >= 2'],
  ['diaper regular', 'orders(category = "纸尿裤", last 180 days) >= 3'],
  ['baby 6-12 months', 'any baby(age_months between 6 and 12)'],
  ['baby 0-5 months', 'any baby(age_months between 0 and 5)'],
  ['late pregnancy', 'any baby(pregnancy_week between 28 and 40)'],
  ['WeCom reached, no order', 'touches(channel = wecom_1v1) > 0 and orders = 0'],
  ['SMS fatigue', 'touches(channel = sms, last 90 days) >= 2'],
  ['SMS never opened', 'touches(channel = sms, last 90 days) >= 2 and touches(channel = sms, outcome = opened, last 90 days) = 0'],
  ['top 10% by spend', 'top 10% by net_spend(last 365 days)'],
  ['coupon redeemer', 'coupons_redeemed(last 180 days) >= 1'],
  ['618 coupon unused', 'coupons_granted(template = "618", last 365 days) >= 1 and coupons_redeemed(template = "618", last 365 days) = 0'],
  ['refund prone', 'refunds(last 365 days) >= 2 or refund_amount(last 365 days) > 500'],
  ['omnichannel buyer', 'distinct_platforms(last 365 days) >= 2'],
  ['discount lover', 'discount(last 365 days) > 200'],
  ['big basket', 'aov(last 365 days) > 400'],
  ['about to go dormant', 'days_since_last_order between 60 and 89'],
  ['loyal (7+ orders)', 'orders >= 7'],
  ['new in 30 days', 'days_since_first_order <= 30'],
  ['Tmall only', 'orders(platform = tmall, last 365 days) >= 1 and orders(platform = jd, last 365 days) = 0'],
  ['store shopper', 'orders(platform = pos, last 90 days) >= 1'],
  ['slow repurchaser', 'avg_interval > 60 and orders >= 3'],
  ['senior member lapsing', 'level >= 3 and orders(last 90 days) = 0'],
];

export async function run(ctx) {
  const members = Number(process.env.BENCH_TAGS_MEMBERS || 100000);
  const { disk, page, workspaceId } = await openEngineDemo(ctx, members, (m) => console.error(`[tags.all] ${m}`));
  try {
    console.error('[tags.all] evaluating');
    const r = await page.evaluate(
      async ({ workspaceId, rules }) => {
        const h = window.__meridianEngine;
        const asts = rules.map(([, text]) => h.parseRule(text));
        // One worker: the figure is what one core does.
        let engine = h.createEngineClient(workspaceId, undefined, 1);
        let t = performance.now();
        const build = await engine.ensureSnapshot();
        const buildWallMs = performance.now() - t;
        engine.dispose();
        engine = h.createEngineClient(workspaceId, undefined, 1);
        t = performance.now();
        const load = await engine.ensureSnapshot();
        const loadWallMs = performance.now() - t;
        const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
        const cold = await engine.evaluateRules(asts);
        // Warm: the median of 5 runs after the first (the machine may be shared).
        const runs = [];
        const walls = [];
        let warm = null;
        for (let k = 0; k < 5; k++) {
          t = performance.now();
          warm = await engine.evaluateRules(asts);
          walls.push(performance.now() - t);
          runs.push(warm.ms);
        }
        const unfused = await engine.evaluateRules(asts, { fused: false });
        const perRule = [];
        for (let i = 0; i < asts.length; i++) {
          await engine.evaluateRules([asts[i]]);
          const ms = [];
          for (let k = 0; k < 3; k++) ms.push((await engine.evaluateRules([asts[i]])).ms);
          perRule.push({ tag: rules[i][0], ms: Math.round(median(ms) * 10) / 10, count: warm.counts[i] });
        }
        engine.dispose();
        return { build, buildWallMs, load, loadWallMs, cold: cold.ms, warm: median(runs), warmRuns: runs.map((x) => Math.round(x)), warmWallMs: median(walls), unfused: unfused.ms, counts: warm.counts, perRule };
      },
      { workspaceId, rules: SEED_TAG_RULES },
    );
    const round = (x) => Math.round(x);
    return {
      ms: round(r.warm),
      members,
      orders: r.load.orders,
      rules: SEED_TAG_RULES.length,
      allRulesWarmMs: round(r.warm),
      allRulesWarmRoundTripMs: round(r.warmWallMs),
      allRulesColdMs: round(r.cold),
      allRulesWarmRunsMs: r.warmRuns,
      oneByOneWarmMs: round(r.unfused),
      perRuleSumMs: round(r.perRule.reduce((s, x) => s + x.ms, 0)),
      snapshotBuildMs: round(r.buildWallMs),
      snapshotBuilt: r.build.built,
      snapshotLoadMs: round(r.loadWallMs),
      perRule: r.perRule,
      duckdb: 'not done (see docs/engine.md)',
      goal: '1M members: all rules within reach of the hand-written pass (~0.7 s, stack-notes)',
    };
  } finally {
    await disk.close();
  }
}
