// Child process for the oneid.3m benchmark (run with `node --import tsx`): 3M identity links of
// ~1M synthetic people through src/core/oneid's IdentityGraph. Prints one JSON line.
//
// The people are built like a brand's base: each has 1-4 source profiles (Tmall stores A/B
// sharing a buyer nick, mini-program / official account / WeCom sharing a unionid, JD with a
// card B bound in the loyalty account, POS with a phone), phones bound on several platforms,
// and emails on some profiles — hint-only by default, and 1 in 20 shared with another person
// (a family inbox), so hints are found and must NOT merge. Every person's profiles are
// connected by trusted evidence by construction, so the right answer is known: people = persons.
import { IDENTITY_KINDS, type IdentityKind, type Platform } from '../../src/core/model';
import { IdentityGraph, type ProfileIdentity, type SourceProfile } from '../../src/core/oneid';

const LINKS = Number(process.argv[process.argv.indexOf('--links') + 1] || 3_000_000);

/** xorshift32: deterministic and cheap, so generation stays out of the way. */
function rng(seed: number) {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function generate(links: number): { profiles: SourceProfile[]; persons: number; links: number } {
  const r = rng(20261201);
  const profiles: SourceProfile[] = [];
  let n = 0;
  let p = 0;
  for (; n < links; p++) {
    const phone = `138${String(100_000_000 + p).slice(1)}`;
    const hasPhone = r() < 0.8;
    const email = r() < 0.15 ? `u${r() < 0.05 ? p - 1 : p}@mail.example` : null;
    const mine: SourceProfile[] = [];
    const u = r();
    if (u < 0.5) {
      mine.push({ id: `tmA:${p}`, platform: 'tmall', identities: [{ kind: 'taobao_buyer', value: `tb${p.toString(36)}`, scope: 'S-TMALL-A' }] });
      if (r() < 0.2) mine.push({ id: `tmB:${p}`, platform: 'tmall', identities: [{ kind: 'taobao_buyer', value: `tb${p.toString(36)}`, scope: 'S-TMALL-B' }] });
    }
    if (u > 0.42 || mine.length === 0) {
      const union = `oUn${p.toString(36)}`;
      mine.push({ id: `mp:${p}`, platform: 'miniprogram', identities: [{ kind: 'openid_mp', value: `oMp${p.toString(36)}` }, { kind: 'unionid', value: union }] });
      if (r() < 0.2) mine.push({ id: `oa:${p}`, platform: 'official_account', identities: [{ kind: 'openid_oa', value: `oOa${p.toString(36)}` }, { kind: 'unionid', value: union }] });
    }
    if (r() < 0.1) mine.push({ id: `pos:${p}`, platform: 'pos', identities: [{ kind: 'pos_member', value: `VIP${p}` }] });
    // The first profile of each platform group (Tmall, WeChat, POS) carries the phone; without
    // one, the loyalty account's card ties the groups. Within a group the nick / unionid does.
    const heads = mine.filter((m, i) => i === 0 || m.platform !== mine[i - 1].platform && !(m.platform === 'official_account' && mine[i - 1].platform === 'miniprogram'));
    if (hasPhone) for (const m of heads) m.identities.push({ kind: 'phone', value: phone });
    else if (heads.length > 1) for (const m of heads) m.identities.push({ kind: 'member_card', value: `B-${p}`, scope: 'B' });
    if (email) mine[0].identities.push({ kind: 'email', value: email });
    for (const m of mine) n += m.identities.length;
    profiles.push(...mine);
  }
  return { profiles, persons: p, links: n };
}

/**
 * The links as columns (what a scan of stored identities hands over): the profile objects are
 * rebuilt one at a time inside the timed loop, as a reader would, so the timing is not a GC
 * benchmark of a million long-lived generator objects.
 */
interface LinkColumns {
  ids: string[];
  platforms: Platform[];
  /** first link of profile i; starts[profiles] = links */
  starts: Int32Array;
  kinds: Uint8Array;
  values: string[];
  scopes: (string | null)[];
}

function toColumns(profiles: SourceProfile[], links: number): LinkColumns {
  const kindIx = new Map(IDENTITY_KINDS.map((k, i) => [k, i]));
  const c: LinkColumns = { ids: [], platforms: [], starts: new Int32Array(profiles.length + 1), kinds: new Uint8Array(links), values: [], scopes: [] };
  let n = 0;
  profiles.forEach((p, i) => {
    c.ids.push(p.id);
    c.platforms.push(p.platform);
    c.starts[i] = n;
    for (const x of p.identities) {
      c.kinds[n++] = kindIx.get(x.kind)!;
      c.values.push(x.value);
      c.scopes.push(x.scope ?? null);
    }
  });
  c.starts[profiles.length] = n;
  return c;
}

function main() {
  const g0 = performance.now();
  const generated = generate(LINKS);
  const cols = toColumns(generated.profiles, generated.links);
  const data = { persons: generated.persons, links: generated.links, profiles: generated.profiles.length };
  generated.profiles.length = 0;
  const generateMs = performance.now() - g0;
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;

  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const graph = new IdentityGraph();
  for (let i = 0; i < data.profiles; i++) {
    const identities: ProfileIdentity[] = [];
    for (let k = cols.starts[i]; k < cols.starts[i + 1]; k++) {
      identities.push({ kind: IDENTITY_KINDS[cols.kinds[k]] as IdentityKind, value: cols.values[k], scope: cols.scopes[k] });
    }
    graph.add({ id: cols.ids[i], platform: cols.platforms[i], identities });
  }
  const people = graph.peopleCount();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);

  const r0 = performance.now();
  const res = graph.resolution();
  const resolutionMs = performance.now() - r0;
  return {
    ms: Math.round(ms),
    goalMs: 5000,
    /** CPU time of the timed part: on a shared machine it says more than wall time */
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    links: data.links,
    profiles: data.profiles,
    persons: data.persons,
    people,
    correct: people === data.persons && res.people.size === data.persons,
    hints: res.hints.length,
    linksPerSec: Math.round(data.links / (ms / 1000)),
    resolutionMs: Math.round(resolutionMs),
    generateMs: Math.round(generateMs),
    dataRssMB: Math.round(rssBefore / 2 ** 20),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

try {
  console.log(JSON.stringify(main()));
} catch (e) {
  console.log(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
  process.exitCode = 1;
}
