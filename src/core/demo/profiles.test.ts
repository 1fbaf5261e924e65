import { describe, expect, it } from 'vitest';
import { explain, profilesOf, resolve } from '../oneid';
import { generateDemo } from '.';

/** OneID over the demo's source profiles must find the demo's members: no more, no fewer. */
describe('demo source profiles resolve to the demo members', () => {
  const d = generateDemo({ template: 'mother_baby', members: 2000, seed: 3 }).range(0, 2000);
  const memberOfProfile = new Map(d.identities.map((i) => [i.profileId, i.memberId]));

  it('resolving every profile of a 2k demo gives exactly its members', () => {
    const res = resolve(profilesOf(d.identities));
    const people = [...res.people.values()].map((ps) => [...new Set(ps.map((p) => memberOfProfile.get(p)))]);
    // every person is one member, and every member is one person
    expect(people.filter((ms) => ms.length !== 1)).toEqual([]);
    expect(people.length).toBe(d.members.length);
    expect(new Set(people.map((ms) => ms[0]))).toEqual(new Set(d.members.map((m) => m.id)));
  });

  it('profiles are realistic: several per member on average, and the joins use the domain evidence', () => {
    const res = resolve(profilesOf(d.identities));
    const kinds = new Set([...res.edges.values()].flat().map((e) => e.evidence.split(':')[0]));
    for (const k of ['phone', 'unionid', 'taobao_buyer', 'member_card']) expect(kinds).toContain(k);
    expect(memberOfProfile.size / d.members.length).toBeGreaterThan(2);
    // Each profile's identities share one platform, and a member's two profiles are explained by a chain.
    for (const p of profilesOf(d.identities)) expect(p.identities.length).toBeGreaterThan(0);
    const m = d.members.find((x) => new Set(d.identities.filter((i) => i.memberId === x.id).map((i) => i.profileId)).size >= 4)!;
    const ps = [...new Set(d.identities.filter((i) => i.memberId === m.id).map((i) => i.profileId))];
    expect(explain(res, ps[0], ps[ps.length - 1])?.length).toBeGreaterThan(0);
  });

  it('phone-less members on several platforms are joined through the loyalty account', () => {
    const byMember = new Map<string, typeof d.identities>();
    for (const i of d.identities) byMember.set(i.memberId, [...(byMember.get(i.memberId) ?? []), i]);
    // platform groups: the Tmall stores share a nick and WeChat surfaces a unionid; the rest need more
    const group: Record<string, string> = { tmA: 'tmall', tmB: 'tmall', mp: 'wechat', oa: 'wechat', wc: 'wechat', jd: 'jd', dy: 'douyin', pos: 'pos', crm: '' };
    const groups = (ids: typeof d.identities) => new Set(ids.map((i) => group[i.profileId.split('.')[1]]).filter(Boolean)).size;
    const noPhone = [...byMember.values()].filter((ids) => !ids.some((i) => i.kind === 'phone') && groups(ids) > 1);
    expect(noPhone.length).toBeGreaterThan(10);
    for (const ids of noPhone) expect(ids.some((i) => i.profileId.endsWith('.crm'))).toBe(true);
  });
});
