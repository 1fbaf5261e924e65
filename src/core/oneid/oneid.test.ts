import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { explain, IdentityGraph, normalizeIdentity, resolve, type SourceProfile } from './index';

const people = (profiles: SourceProfile[], ...rest: Parameters<typeof resolve> extends [unknown, ...infer R] ? R : never) =>
  [...resolve(profiles, ...rest).people.values()].map((ids) => ids.join('+')).sort();

describe('phone normalisation', () => {
  it('reads the forms phones are written in', () => {
    for (const raw of ['13812345678', '+86 138 1234 5678', '0086-138-1234-5678', '8613812345678', '(138)1234-5678'])
      expect(normalizeIdentity('phone', raw), raw).toBe('13812345678');
  });
  it('refuses what is not a mainland mobile', () => {
    for (const raw of ['1234567', '23812345678', '', '   ']) expect(normalizeIdentity('phone', raw), raw).toBeNull();
  });
});

describe('OneID merges on the domain\'s evidence', () => {
  it('same platform, no phone: official account, mini-program and WeCom joined by the WeChat unionid', () => {
    const r = people([
      { id: 'oa:1', platform: 'official_account', identities: [{ kind: 'openid_oa', value: 'oa-x' }, { kind: 'unionid', value: 'U1' }] },
      { id: 'mp:1', platform: 'miniprogram', identities: [{ kind: 'openid_mp', value: 'mp-x' }, { kind: 'unionid', value: 'U1' }] },
      { id: 'wc:1', platform: 'wecom', identities: [{ kind: 'wecom_external', value: 'wm-1' }, { kind: 'unionid', value: 'U1' }] },
      { id: 'mp:2', platform: 'miniprogram', identities: [{ kind: 'openid_mp', value: 'mp-y' }, { kind: 'unionid', value: 'U2' }] },
    ]);
    expect(r).toEqual(['mp:1+oa:1+wc:1', 'mp:2']);
  });
  it('a buyer of Taobao store A is recognised in store B of the same brand (the nick is one across the platform)', () => {
    const r = people([
      { id: 'tm-a:1', platform: 'tmall', identities: [{ kind: 'taobao_buyer', value: 'nick1', scope: 'S-TMALL-A' }, { kind: 'member_card', value: 'C-9', scope: 'A' }] },
      { id: 'tm-b:1', platform: 'tmall', identities: [{ kind: 'taobao_buyer', value: 'nick1', scope: 'S-TMALL-B' }] },
      { id: 'tm-b:2', platform: 'tmall', identities: [{ kind: 'taobao_buyer', value: 'nick2', scope: 'S-TMALL-B' }] },
    ]);
    expect(r).toEqual(['tm-a:1+tm-b:1', 'tm-b:2']);
  });
  it('across platforms: one member card system binds Tmall, JD and Douyin; card numbers of different systems never collide', () => {
    const r = people([
      { id: 'tm:1', platform: 'tmall', identities: [{ kind: 'member_card', value: '1001', scope: 'A' }] },
      { id: 'jd:1', platform: 'jd', identities: [{ kind: 'jd_pin', value: 'pin1' }, { kind: 'member_card', value: '1001', scope: 'A' }] },
      { id: 'dy:1', platform: 'douyin', identities: [{ kind: 'douyin_openid', value: 'd1' }, { kind: 'member_card', value: '1001', scope: 'A' }] },
      { id: 'dy:2', platform: 'douyin', identities: [{ kind: 'member_card', value: '1001', scope: 'B' }] },
    ]);
    expect(r).toEqual(['dy:1+jd:1+tm:1', 'dy:2']);
  });
  it('identical phone numbers join across platforms, however written', () => {
    const r = people([
      { id: 'pos:1', platform: 'pos', identities: [{ kind: 'pos_member', value: 'P1' }, { kind: 'phone', value: '+86 139 0000 0001' }] },
      { id: 'jd:1', platform: 'jd', identities: [{ kind: 'phone', value: '13900000001' }] },
    ]);
    expect(r).toEqual(['jd:1+pos:1']);
  });
  it('hint-only evidence (email by default) suggests but does not merge', () => {
    const res = resolve([
      { id: 'a', platform: 'tmall', identities: [{ kind: 'email', value: 'X@Y.com' }] },
      { id: 'b', platform: 'jd', identities: [{ kind: 'email', value: 'x@y.com' }] },
    ]);
    expect(res.people.size).toBe(2);
    expect(res.hints).toEqual([{ a: 'a', b: 'b', evidence: 'email:x@y.com' }]);
    expect(people([
      { id: 'a', platform: 'tmall', identities: [{ kind: 'email', value: 'X@Y.com' }] },
      { id: 'b', platform: 'jd', identities: [{ kind: 'email', value: 'x@y.com' }] },
    ], { email: 'merge' })).toEqual(['a+b']);
  });
});

describe('explain and split', () => {
  const profiles: SourceProfile[] = [
    { id: 'p1', platform: 'tmall', identities: [{ kind: 'phone', value: '13800000001' }] },
    { id: 'p2', platform: 'pos', identities: [{ kind: 'phone', value: '13800000001' }, { kind: 'unionid', value: 'U' }] },
    { id: 'p3', platform: 'wecom', identities: [{ kind: 'unionid', value: 'U' }, { kind: 'wecom_external', value: 'W' }] },
    { id: 'p4', platform: 'miniprogram', identities: [{ kind: 'unionid', value: 'U' }] },
  ];
  it('explains a merge by the chain of evidence', () => {
    const res = resolve(profiles);
    expect(explain(res, 'p1', 'p3')).toEqual([
      { a: 'p1', b: 'p2', evidence: 'phone:13800000001' },
      { a: 'p2', b: 'p3', evidence: 'unionid:U' },
    ]);
    expect(explain(res, 'p1', 'nope')).toBeNull();
  });
  it('an operator split takes a profile out and keeps the rest together; its shared evidence becomes a hint', () => {
    const res = resolve(profiles, {}, [{ profileId: 'p2', by: 'ops', at: '2026-11-23T10:00:00', note: 'shared family phone' }]);
    expect([...res.people.values()].map((x) => x.join('+')).sort()).toEqual(['p1', 'p2', 'p3+p4']);
    expect(res.hints.map((h) => h.evidence).sort()).toEqual(['phone:13800000001', 'unionid:U', 'unionid:U']);
  });
});

describe('properties', () => {
  const profileArb = fc.array(
    fc.record({
      kind: fc.constantFrom('phone', 'unionid', 'member_card' as const),
      n: fc.integer({ min: 0, max: 6 }),
    }),
    { maxLength: 3 },
  );
  const toProfiles = (xs: { kind: 'phone' | 'unionid' | 'member_card'; n: number }[][]): SourceProfile[] =>
    xs.map((ids, i) => ({
      id: `p${String(i).padStart(3, '0')}`,
      platform: 'tmall',
      identities: ids.map((x) => ({ kind: x.kind, value: x.kind === 'phone' ? `1380000000${x.n}` : `v${x.n}`, scope: 'A' })),
    }));
  it('the same people whatever order profiles arrive in, and incremental = batch', () => {
    fc.assert(
      fc.property(fc.array(profileArb, { maxLength: 25 }), fc.integer(), (raw, seed) => {
        const profiles = toProfiles(raw);
        const shuffled = [...profiles].sort((a, b) => ((a.id.charCodeAt(3) * seed) % 7) - ((b.id.charCodeAt(3) * seed) % 7));
        const g = new IdentityGraph();
        shuffled.forEach((p) => g.add(p));
        expect(g.resolution().people).toEqual(resolve(profiles).people);
      }),
    );
  });
  it('two profiles are one person exactly when evidence connects them (checked against a naive closure)', () => {
    fc.assert(
      fc.property(fc.array(profileArb, { maxLength: 15 }), (raw) => {
        const profiles = toProfiles(raw);
        const res = resolve(profiles);
        const keys = profiles.map((p) => new Set(p.identities.map((i) => `${i.kind}:${i.value}`)));
        const n = profiles.length;
        const reach = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j || [...keys[i]].some((k) => keys[j].has(k))));
        for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (reach[i][k] && reach[k][j]) reach[i][j] = true;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            expect(res.personOf.get(profiles[i].id) === res.personOf.get(profiles[j].id)).toBe(reach[i][j]);
            if (reach[i][j]) expect(explain(res, profiles[i].id, profiles[j].id)).not.toBeNull();
          }
      }),
    );
  });
});
