import { describe, expect, it } from 'vitest';
import type { Identity } from '../model';
import { planEvidenceMerges } from './incremental';

const idn = (id: string, memberId: string, profileId: string, kind: Identity['kind'], value: string, scope: string | null = null): Identity => ({
  v: 2, id, memberId, kind, value, platform: 'tmall', scope, firstSeen: '2024-01-01T00:00:00', profileId,
});
const bySeniority: Record<string, string> = { old: '1', mid: '2', young: '3', other: '4' };
const seniority = (m: string) => bySeniority[m] ?? m;

describe('planEvidenceMerges', () => {
  it('a chain of new evidence folds every member into the most senior, each merge naming its evidence', () => {
    const held = [idn('h1', 'old', 'p-old', 'phone', '13800000001'), idn('h2', 'mid', 'p-mid', 'member_card', '7', 'A')];
    const incoming = [idn('n1', 'young', 'p-young', 'phone', '+86 13800000001'), idn('n2', 'young', 'p-young', 'member_card', '7', 'A')];
    const plan = planEvidenceMerges(incoming, held, {}, new Set(), seniority);
    // keys in sorted order: the card joins young to mid first, then the phone joins them to old
    expect(plan.merges).toEqual([
      { into: 'old', from: 'young', evidence: 'member_card:A:7', profiles: ['p-mid', 'p-young'] },
      { into: 'old', from: 'mid', evidence: 'member_card:A:7', profiles: ['p-young', 'p-mid'] },
    ]);
    expect(new Set(plan.merges.map((m) => m.into))).toEqual(new Set(['old']));
    expect(plan.merges.map((m) => m.from).sort()).toEqual(['mid', 'young']);
    expect(plan.hints).toEqual([]);
  });
  it('card numbers of another card system, evidence already shared by stored members, and split profiles never merge', () => {
    const held = [idn('h1', 'old', 'p-old', 'member_card', '7', 'B'), idn('h2', 'mid', 'p-mid', 'email', 'a@b.cn'), idn('h3', 'other', 'p-other', 'email', 'a@b.cn')];
    const incoming = [idn('n1', 'young', 'p-young', 'member_card', '7', 'A'), idn('n2', 'young', 'p-split', 'phone', '13800000009'), idn('n3', 'mid', 'p-mid2', 'phone', '13800000009')];
    const plan = planEvidenceMerges(incoming, held, {}, new Set(['p-split']), seniority);
    expect(plan.merges).toEqual([]);
    // the split profile's phone is a hint; the stored email pair is old news, not re-hinted
    expect(plan.hints).toEqual([{ a: 'mid', b: 'young', evidence: 'phone:13800000009', profiles: ['p-mid2', 'p-split'] }]);
  });
  it('trust set to merge for email merges on it', () => {
    const plan = planEvidenceMerges([idn('n', 'young', 'p1', 'email', 'A@B.cn')], [idn('h', 'old', 'p0', 'email', 'a@b.cn')], { email: 'merge' }, new Set(), seniority);
    expect(plan.merges).toEqual([{ into: 'old', from: 'young', evidence: 'email:a@b.cn', profiles: ['p0', 'p1'] }]);
  });
});
