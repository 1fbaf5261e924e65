import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bgnbdLogLikelihood, BgNbdFitError, conditionalExpected, expectedPurchases, fitBgNbd, pAlive, type CustomerSummary } from './bgnbd';
import { hyp2f1, lnGamma } from './special';

/** The paper's 2,357 CDNOW customers (fixtures/README.md says where they come from). */
function cdnow(): CustomerSummary {
  const rows = readFileSync(join(__dirname, 'fixtures', 'cdnow-summary.csv'), 'utf8').trim().split('\n').slice(1);
  const cols = rows.map((l) => l.split(',').map(Number));
  return { x: cols.map((c) => c[1]), tx: cols.map((c) => c[2]), T: cols.map((c) => c[3]) };
}
const sig3 = (v: number) => Number(v.toPrecision(3));

describe('special functions', () => {
  it('lnGamma matches known values', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 9); // ln(100!)
  });
  it('2F1 matches closed forms', () => {
    // 2F1(1,1;2;z) = -ln(1-z)/z ; 2F1(a,b;b;z) = (1-z)^-a
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(-Math.log(0.5) / 0.5, 12);
    expect(hyp2f1(0.7, 3, 3, 0.3)).toBeCloseTo(Math.pow(0.7, -0.7), 12);
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/\|z\| must be < 1/);
  });
});

describe('BG/NBD on the CDNOW sample (Fader, Hardie & Lee 2005)', () => {
  const data = cdnow();
  const fit = fitBgNbd(data);

  it('reproduces the paper\'s estimates and log-likelihood to 3 significant digits', () => {
    expect(data.x.length).toBe(2357);
    expect(fit.converged).toBe(true);
    expect(sig3(fit.params.r)).toBe(0.243);
    expect(sig3(fit.params.alpha)).toBe(4.41);
    expect(sig3(fit.params.a)).toBe(0.793);
    expect(sig3(fit.params.b)).toBe(2.43);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('the paper\'s published parameters give the same log-likelihood (the likelihood is right, not only the optimiser)', () => {
    expect(bgnbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, data)).toBeCloseTo(-9582.4, 0);
  });

  it('expectations match Hardie\'s spreadsheet for the paper (E[X(t)] and E[Y(39) | 2, 30.43, 38.86])', () => {
    const p = fit.params;
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const sheet = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(expectedPurchases(p, t)).toBeCloseTo(sheet[i], 3));
    expect(expectedPurchases(p, 0)).toBe(0);
    expect(conditionalExpected(p, 2, 30.43, 38.86, 39)).toBeCloseTo(1.226, 3);
  });

  it('P(alive): 1 without repeat purchases; lower for a customer silent since long ago', () => {
    const p = fit.params;
    expect(pAlive(p, 0, 0, 30)).toBe(1);
    expect(pAlive(p, 5, 35, 38)).toBeGreaterThan(pAlive(p, 5, 5, 38));
  });

  it('folding identical customers into weights changes nothing', () => {
    const key = (i: number) => `${data.x[i]}|${data.tx[i]}|${data.T[i]}`;
    const rows = new Map<string, number>();
    const x: number[] = [];
    const tx: number[] = [];
    const T: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < data.x.length; i++) {
      const k = rows.get(key(i));
      if (k !== undefined) w[k]++;
      else {
        rows.set(key(i), x.length);
        x.push(data.x[i]);
        tx.push(data.tx[i]);
        T.push(data.T[i]);
        w.push(1);
      }
    }
    expect(x.length).toBeLessThan(data.x.length);
    const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(bgnbdLogLikelihood(p, { x, tx, T, weight: w })).toBeCloseTo(bgnbdLogLikelihood(p, data), 8);
  });

  it('refuses data it cannot fit, saying why', () => {
    expect(() => fitBgNbd({ x: [1, 2], tx: [3, 1], T: [2, 5] })).toThrow(BgNbdFitError);
    expect(() => fitBgNbd({ x: [1], tx: [3], T: [2] })).toThrow(/customer 0: expected whole x/);
    expect(() => fitBgNbd({ x: Array(20).fill(0), tx: Array(20).fill(0), T: Array(20).fill(10) })).toThrow(/no customer bought twice/);
  });
});

describe('summarizeMembers', () => {
  it('turns each member\'s sale days into (x, t_x, T) as of a day, folding identical members', async () => {
    const { ColumnsBuilder } = await import('../columnar/build');
    const { summarizeMembers } = await import('./bgnbd');
    const { dayNumber } = await import('../time');
    const member = (id: string) => ({
      v: 1 as const, id, name: id, gender: 'u' as const, birthday: null, region: '', city: '', level: 1, joinedAt: '2011-01-01T00:00:00',
      firstPlatform: 'import' as const, homeStoreId: null, guideId: null, wecomFriend: false, attributes: {},
    });
    let seq = 0;
    const order = (memberId: string, day: string, kind: 'sale' | 'refund' = 'sale') => ({
      v: 1 as const, id: `o${++seq}`, memberId, externalId: `x${seq}`, kind, platform: 'tmall' as const, storeId: null, placedAt: `${day}T10:00:00`,
      gross: 100, discount: 0, storeCredit: 0, paid: kind === 'sale' ? 100 : 0, refund: kind === 'refund' ? 100 : 0, couponId: null, lines: [{ sku: 'A', qty: 1, unitPrice: 100 }],
    });
    const b = new ColumnsBuilder(new Map([['A', { v: 1, sku: 'A', name: 'A', category: 'c', role: 'main', price: 100 }]]) as never);
    const bundle = (id: string, orders: ReturnType<typeof order>[]) => ({ member: member(id), orders, touches: [], coupons: [], subprofiles: [] });
    b.add(bundle('twice', [order('twice', '2011-01-01'), order('twice', '2011-01-01'), order('twice', '2011-01-11'), order('twice', '2011-02-01')]));
    b.add(bundle('same', [order('same', '2011-01-01'), order('same', '2011-01-11'), order('same', '2011-01-20', 'refund')]));
    b.add(bundle('never', [order('never', '2011-01-05', 'refund')]));
    b.add(bundle('later', [order('later', '2011-03-01')]));
    const cols = b.finish();
    const asOf = dayNumber('2011-01-31');
    const s = summarizeMembers(cols, asOf);
    // 'twice' as of Jan 31: sale days Jan 1 (twice, one occasion) and Jan 11 -> x = 1, t_x = 10, T = 31; 'same' is identical.
    expect(s.members).toBe(2);
    expect(Array.from(s.x)).toEqual([1]);
    expect(Array.from(s.tx)).toEqual([10]);
    expect(Array.from(s.T)).toEqual([31]);
    expect([...s.weight]).toEqual([2]);
  });
});
