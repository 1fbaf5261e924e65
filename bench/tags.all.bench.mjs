// All seed tag rules of a brand evaluated by the engine in ONE Web Worker in Chromium, warm
// (the second run), over a demo of BENCH_TAGS_MEMBERS members (10000, 100000 default, 1000000).
// Reports ms for all rules fused into one evaluation, and ms per rule evaluated alone.
// Also: snapshot build (first ensureSnapshot after the demo is written) and load (a fresh
// worker reading the stored snapshot), or the in-worker generation of a 1M demo's columns
// (bench/lib/engineDemo.mjs). Then the same rules as SQL (beside each rule below) in
// DuckDB-WASM in the same page, on the same columns copied out of the engine worker: both
// warm times, their ratio, and whether every count agrees (BENCH_TAGS_DUCKDB=0 skips it).
import { openEngineDemo } from './lib/engineDemo.mjs';
import { watchRendererRss } from './lib/memory.mjs';
import { loadavg } from 'node:os';

export const name = 'tags.all';
export const description = 'the ≥ 20 seed tag rules in one engine worker in Chromium, warm: ms for all and per rule';

// SQL helpers for the same rules in DuckDB (tables: src/engine/benchDuckdb.ts). `$asof` is the
// as-of day number; windows are inclusive, `last N days` = [asof − N + 1, asof]; nothing after
// the as-of day counts; money in cents (1000 → 100000); NULL dates never match.
const code = (dict, v) => `(SELECT code FROM d_${dict} WHERE v = '${v}')`;
const last = (n, col = 'day') => `${col} BETWEEN $asof - ${n - 1} AND $asof`;
const upTo = (col = 'day') => `${col} <= $asof`;
const SALE = 'kind = 0';
/** members with a row in a per-member aggregate that passes `having` */
const countHaving = (from, where, having) => `SELECT count(*) AS n FROM (SELECT m FROM ${from} WHERE ${where} GROUP BY m HAVING ${having})`;
const withCategory = (cat) => `id IN (SELECT o FROM l WHERE cat = ${code('category', cat)})`;
/** whole months from a day to the as-of day (src/core/time monthsBetween) */
const months = (col) => `((year(DATE '1970-01-01' + $asof) - year(DATE '1970-01-01' + ${col})) * 12 + month(DATE '1970-01-01' + $asof) - month(DATE '1970-01-01' + ${col}) - CASE WHEN day(DATE '1970-01-01' + $asof) < day(DATE '1970-01-01' + ${col}) THEN 1 ELSE 0 END)`;
const babyMonths = (lo, hi) => `SELECT count(DISTINCT m) AS n FROM s WHERE kind = 0 AND birth IS NOT NULL AND birth <= $asof AND ${months('birth')} BETWEEN ${lo} AND ${hi}`;
const noSale = (window) => `m.id NOT IN (SELECT m FROM o WHERE ${SALE} AND ${window})`;

/**
 * The seed tag rules (mother & baby demo brand), domain-flavoured: [tag, rule text, the same
 * rule as DuckDB SQL returning its member count as `n`].
 */
export const SEED_TAG_RULES = [
  ['mid-value customer', 'net_spend(last 90 days) > 1000', countHaving('o', last(90), 'sum(paid) - sum(refund) > 100000')],
  ['high-value customer', 'net_spend(last 90 days) > 2000', countHaving('o', last(90), 'sum(paid) - sum(refund) > 200000')],
  ['silent 180 days', 'days_since_last_order >= 180 and orders >= 1', countHaving('o', `${SALE} AND ${upTo()}`, '$asof - max(day) >= 180')],
  ['never bought', 'orders = 0', `SELECT count(*) AS n FROM m WHERE ${noSale(upTo())}`],
  ['formula twice in 90 days', 'orders(category = "奶粉", last 90 days) >= 2', countHaving('o', `${SALE} AND ${last(90)} AND ${withCategory('奶粉')}`, 'count(*) >= 2')],
  ['diaper regular', 'orders(category = "纸尿裤", last 180 days) >= 3', countHaving('o', `${SALE} AND ${last(180)} AND ${withCategory('纸尿裤')}`, 'count(*) >= 3')],
  ['baby 6-12 months', 'any baby(age_months between 6 and 12)', babyMonths(6, 12)],
  ['baby 0-5 months', 'any baby(age_months between 0 and 5)', babyMonths(0, 5)],
  ['late pregnancy', 'any baby(pregnancy_week between 28 and 40)',
    'SELECT count(DISTINCT m) AS n FROM s WHERE kind = 0 AND due IS NOT NULL AND NOT coalesce(birth <= $asof, false) AND floor((280 - (due - $asof)) / 7) BETWEEN 28 AND 40'],
  ['WeCom reached, no order', 'touches(channel = wecom_1v1) > 0 and orders = 0',
    `SELECT count(*) AS n FROM m WHERE m.id IN (SELECT m FROM t WHERE ch = ${code('channel', 'wecom_1v1')} AND ${upTo()}) AND ${noSale(upTo())}`],
  ['SMS fatigue', 'touches(channel = sms, last 90 days) >= 2', countHaving('t', `ch = ${code('channel', 'sms')} AND ${last(90)}`, 'count(*) >= 2')],
  ['SMS never opened', 'touches(channel = sms, last 90 days) >= 2 and touches(channel = sms, outcome = opened, last 90 days) = 0',
    countHaving('t', `ch = ${code('channel', 'sms')} AND ${last(90)}`, 'count(*) >= 2 AND count(*) FILTER (WHERE outcome = 2) = 0')],
  // top N%: k = ceil(N% of members); ties at the cut go to the lower member index; no orders = 0.
  ['top 10% by spend', 'top 10% by net_spend(last 365 days)',
    `SELECT count(*) AS n FROM (SELECT m.id FROM m LEFT JOIN (SELECT m, sum(paid) - sum(refund) AS v FROM o WHERE ${last(365)} GROUP BY m) x ON x.m = m.id
      QUALIFY row_number() OVER (ORDER BY coalesce(x.v, 0) DESC, m.id) <= ceil(0.1 * (SELECT count(*) FROM m)))`],
  ['coupon redeemer', 'coupons_redeemed(last 180 days) >= 1', `SELECT count(DISTINCT m) AS n FROM c WHERE ${last(180, 'redeem_day')}`],
  ['618 coupon unused', 'coupons_granted(template = "618", last 365 days) >= 1 and coupons_redeemed(template = "618", last 365 days) = 0',
    countHaving('c', `tpl = ${code('couponTemplate', '618')}`, `count(*) FILTER (WHERE ${last(365, 'grant_day')}) >= 1 AND count(*) FILTER (WHERE ${last(365, 'redeem_day')}) = 0`)],
  ['refund prone', 'refunds(last 365 days) >= 2 or refund_amount(last 365 days) > 500', countHaving('o', `kind = 1 AND ${last(365)}`, 'count(*) >= 2 OR sum(refund) > 50000')],
  ['omnichannel buyer', 'distinct_platforms(last 365 days) >= 2', countHaving('o', `${SALE} AND ${last(365)}`, 'count(DISTINCT plat) >= 2')],
  ['discount lover', 'discount(last 365 days) > 200', countHaving('o', last(365), 'sum(discount) > 20000')],
  ['big basket', 'aov(last 365 days) > 400', countHaving('o', `${SALE} AND ${last(365)}`, 'sum(paid)::DOUBLE / count(*) > 40000')],
  ['about to go dormant', 'days_since_last_order between 60 and 89', countHaving('o', `${SALE} AND ${upTo()}`, '$asof - max(day) BETWEEN 60 AND 89')],
  ['loyal (7+ orders)', 'orders >= 7', countHaving('o', `${SALE} AND ${upTo()}`, 'count(*) >= 7')],
  ['new in 30 days', 'days_since_first_order <= 30', countHaving('o', `${SALE} AND ${upTo()}`, '$asof - min(day) <= 30')],
  ['Tmall only', 'orders(platform = tmall, last 365 days) >= 1 and orders(platform = jd, last 365 days) = 0',
    countHaving('o', `${SALE} AND ${last(365)}`, `count(*) FILTER (WHERE plat = ${code('platform', 'tmall')}) >= 1 AND count(*) FILTER (WHERE plat = ${code('platform', 'jd')}) = 0`)],
  ['store shopper', 'orders(platform = pos, last 90 days) >= 1', `SELECT count(DISTINCT m) AS n FROM o WHERE ${SALE} AND ${last(90)} AND plat = ${code('platform', 'pos')}`],
  ['slow repurchaser', 'avg_interval > 60 and orders >= 3', countHaving('o', `${SALE} AND ${upTo()}`, 'count(*) >= 3 AND (max(day) - min(day))::DOUBLE / (count(*) - 1) > 60')],
  ['senior member lapsing', 'level >= 3 and orders(last 90 days) = 0', `SELECT count(*) AS n FROM m WHERE level >= 3 AND ${noSale(last(90))}`],
];

export async function run(ctx) {
  const members = Number(process.env.BENCH_TAGS_MEMBERS || 100000);
  const withDuckdb = process.env.BENCH_TAGS_DUCKDB !== '0';
  const { disk, page, workspaceId, mode } = await openEngineDemo(ctx, members, (m) => console.error(`[tags.all] ${m}`));
  const rss = watchRendererRss(disk.profile);
  try {
    console.error(`[tags.all] evaluating (${mode} data${withDuckdb ? ', then DuckDB-WASM' : ''})`);
    page.on('console', (m) => m.text().startsWith('[tags.all]') && console.error(m.text()));
    const r = await page.evaluate(
      async ({ workspaceId, rules, members, mode, withDuckdb }) => {
        const h = window.__meridianEngine;
        const log = (m) => console.log(`[tags.all] ${m}`);
        const asts = rules.map(([, text]) => h.parseRule(text));
        const asOf = h.demoAsOf;
        const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
        // One worker: the figure is what one core does.
        let engine = h.createEngineClient(workspaceId, undefined, 1);
        let t = performance.now();
        let build, buildWallMs, load = null, loadWallMs = null;
        if (mode === 'generated') {
          build = await engine.benchDemo(members, (p) => p.done % 100000 === 0 && log(`generating ${p.done}/${p.total}`));
          buildWallMs = performance.now() - t;
        } else {
          build = await engine.ensureSnapshot();
          buildWallMs = performance.now() - t;
          engine.dispose();
          engine = h.createEngineClient(workspaceId, undefined, 1);
          t = performance.now();
          load = await engine.ensureSnapshot();
          loadWallMs = performance.now() - t;
        }
        log(`snapshot ready: ${build.members} members, ${build.orders} orders`);
        const cold = await engine.evaluateRules(asts, { asOf });
        // Warm: the median of 5 runs after the first (the machine may be shared).
        const runs = [];
        const walls = [];
        let warm = null;
        for (let k = 0; k < 5; k++) {
          t = performance.now();
          warm = await engine.evaluateRules(asts, { asOf });
          walls.push(performance.now() - t);
          runs.push(warm.ms);
        }
        const unfused = await engine.evaluateRules(asts, { asOf, fused: false });
        const perRule = [];
        for (let i = 0; i < asts.length; i++) {
          await engine.evaluateRules([asts[i]], { asOf });
          const ms = [];
          for (let k = 0; k < 3; k++) ms.push((await engine.evaluateRules([asts[i]], { asOf })).ms);
          perRule.push({ tag: rules[i][0], ms: Math.round(median(ms) * 10) / 10, count: warm.counts[i] });
        }
        log(`engine: ${Math.round(median(runs))} ms warm`);
        let duck = null;
        if (withDuckdb) {
          const db = await h.duckdbWithMembers(engine);
          log(`DuckDB loaded (${Math.round(db.loadMs)} ms) and filled (${Math.round(db.insertMs)} ms): ${JSON.stringify(db.rows)}`);
          const day = h.dayNumber(asOf);
          const sqls = rules.map(([, , sql]) => sql.replaceAll('$asof', String(day)));
          const all = async () => {
            const out = [];
            for (const sql of sqls) out.push(await db.query(sql));
            return { counts: out.map((x) => Number(x.rows[0].n)), ms: out.map((x) => x.ms) };
          };
          const first = await all();
          const dRuns = [];
          let dWarm = null;
          for (let k = 0; k < 3; k++) {
            dWarm = await all();
            dRuns.push(dWarm.ms.reduce((s, x) => s + x, 0));
          }
          duck = { loadMs: db.loadMs, insertMs: db.insertMs, rows: db.rows, coldMs: first.ms.reduce((s, x) => s + x, 0), warmMs: median(dRuns), warmRuns: dRuns.map(Math.round), counts: dWarm.counts, perRule: dWarm.ms };
          await db.close();
        }
        engine.dispose();
        return { build, buildWallMs, load, loadWallMs, cold: cold.ms, warm: median(runs), warmRuns: runs.map((x) => Math.round(x)), warmWallMs: median(walls), unfused: unfused.ms, counts: warm.counts, perRule, duck };
      },
      { workspaceId, rules: SEED_TAG_RULES, members, mode, withDuckdb },
    );
    const round = (x) => (x === null ? null : Math.round(x));
    const disagree = r.duck ? SEED_TAG_RULES.map(([tag], i) => ({ tag, engine: r.counts[i], duckdb: r.duck.counts[i] })).filter((x) => x.engine !== x.duckdb) : null;
    return {
      ms: round(r.warm),
      members,
      orders: r.build.orders,
      data: mode,
      rules: SEED_TAG_RULES.length,
      allRulesWarmMs: round(r.warm),
      allRulesWarmRoundTripMs: round(r.warmWallMs),
      allRulesColdMs: round(r.cold),
      allRulesWarmRunsMs: r.warmRuns,
      oneByOneWarmMs: round(r.unfused),
      perRuleSumMs: round(r.perRule.reduce((s, x) => s + x.ms, 0)),
      ...(mode === 'generated'
        ? { columnsGeneratedMs: round(r.buildWallMs), columnMB: Math.round(r.build.columnBytes / 2 ** 20) }
        : { snapshotBuildMs: round(r.buildWallMs), snapshotBuilt: r.build.built, snapshotLoadMs: round(r.loadWallMs) }),
      perRule: r.perRule.map((p, i) => ({ ...p, duckdbMs: r.duck ? Math.round(r.duck.perRule[i]) : undefined })),
      duckdb: r.duck
        ? {
            warmMs: round(r.duck.warmMs), warmRunsMs: r.duck.warmRuns, coldMs: round(r.duck.coldMs), loadMs: round(r.duck.loadMs), insertMs: round(r.duck.insertMs), rows: r.duck.rows,
            bundle: 'eh (single-threaded)', countsAgree: disagree.length === 0, disagree,
          }
        : 'skipped (BENCH_TAGS_DUCKDB=0)',
      ratioToDuckdb: r.duck ? Math.round((r.warm / r.duck.warmMs) * 1000) / 1000 : null,
      rendererPeakRssMB: rss.stop(),
      loadAvg: loadavg().map((x) => Math.round(x * 100) / 100),
      goal: '1M members: < 1000 ms and <= 0.5 x DuckDB-WASM on the same data (the hand-written pass: ~0.7 s, stack-notes)',
    };
  } finally {
    rss.stop();
    await disk.close();
  }
}
