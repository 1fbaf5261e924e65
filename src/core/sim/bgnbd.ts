import type { MemberColumns } from '../columnar/types';
import { hyp2f1, lnBeta, lnGamma, logAddExp } from './special';
import { nelderMead } from './optimize';

/**
 * The BG/NBD model of Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way":
 * while alive a customer buys as a Poisson process of rate λ ~ Gamma(r, α); after each purchase
 * they drop out with probability p ~ Beta(a, b). Fitted by maximum likelihood on each customer's
 * (x, t_x, T): repeat purchases, time of the last one, and time observed since the first.
 * Time is in whatever unit the summary uses (weeks for CDNOW, days for a workspace).
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Customers as columns; `weight` counts identical customers folded into one row. */
export interface CustomerSummary {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  weight?: ArrayLike<number>;
}

/** The paper's equation (6), summed over customers. */
export function bgnbdLogLikelihood(p: BgNbdParams, d: CustomerSummary): number {
  const { r, alpha, a, b } = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return -Infinity;
  const lnAB = lnBeta(a, b);
  const lgR = lnGamma(r);
  const rLnAlpha = r * Math.log(alpha);
  let ll = 0;
  const n = d.x.length;
  for (let i = 0; i < n; i++) {
    const x = d.x[i];
    const tx = d.tx[i];
    const T = d.T[i];
    const w = d.weight ? d.weight[i] : 1;
    // L = Γ(r+x)α^r/Γ(r) · [ B(a,b+x)/B(a,b) · (α+T)^-(r+x) + δ(x>0) · B(a+1,b+x−1)/B(a,b) · (α+t_x)^-(r+x) ]
    const a1 = lnGamma(r + x) - lgR + rLnAlpha;
    const stillAlive = lnBeta(a, b + x) - lnAB - (r + x) * Math.log(alpha + T);
    const droppedAfterLast = x > 0 ? lnBeta(a + 1, b + x - 1) - lnAB - (r + x) * Math.log(alpha + tx) : -Infinity;
    ll += w * (a1 + logAddExp(stillAlive, droppedAfterLast));
  }
  return ll;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  customers: number;
  iterations: number;
  converged: boolean;
}

export class BgNbdFitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BgNbdFitError';
  }
}

/** Maximum likelihood over log-parameters (so they stay positive), from r = α = a = b = 1. */
export function fitBgNbd(d: CustomerSummary): BgNbdFit {
  const n = d.x.length;
  let customers = 0;
  let repeaters = 0;
  for (let i = 0; i < n; i++) {
    const w = d.weight ? d.weight[i] : 1;
    const { x, tx, T } = { x: d.x[i], tx: d.tx[i], T: d.T[i] };
    if (!(x >= 0 && Number.isInteger(x) && tx >= 0 && T >= tx && T > 0)) {
      throw new BgNbdFitError(`customer ${i}: expected whole x ≥ 0 and 0 ≤ t_x ≤ T, T > 0 (got x = ${x}, t_x = ${tx}, T = ${T})`);
    }
    customers += w;
    if (x > 0) repeaters += w;
  }
  if (customers < 10) throw new BgNbdFitError(`too few customers to fit the model (${customers}; at least 10 are needed)`);
  if (repeaters === 0) throw new BgNbdFitError('no customer bought twice: the purchase rate cannot be estimated');
  const nll = (v: number[]) => -bgnbdLogLikelihood({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) }, d);
  const res = nelderMead(nll, [0, 0, 0, 0], { step: 0.5, tol: 1e-12, maxIter: 20000 });
  const [r, alpha, a, b] = res.x.map(Math.exp);
  return { params: { r, alpha, a, b }, logLikelihood: -res.value, customers, iterations: res.iterations, converged: res.converged };
}

/** P(alive | x, t_x, T): the chance the customer has not dropped out (paper eq. 12). */
export function pAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

/** E[X(t)]: expected purchases in (0, t] of a customer just acquired (paper eq. 7). */
export function expectedPurchases(p: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = p;
  if (t <= 0) return 0;
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t of a customer with this history (eq. 10). */
export function conditionalExpected(p: BgNbdParams, x: number, tx: number, T: number, t: number): number {
  const { r, alpha, a, b } = p;
  if (t <= 0) return 0;
  const head = (a + b + x - 1) / (a - 1);
  const body = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
  const tail = x > 0 ? 1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 1;
  return (head * body) / tail;
}

/**
 * Each member's (x, t_x, T) in days as of `asOf` from the columnar snapshot: purchases are sale
 * days (several orders on one day count once, as the model's purchases are occasions), x the
 * repeat days, t_x the last minus the first, T the as-of day minus the first (+1, so a member who
 * first bought today is observed for one day). Members without a sale by then are left out;
 * identical triples are folded into one weighted row, which makes a 1M-member fit cheap.
 */
export function summarizeMembers(cols: MemberColumns, asOf: number): CustomerSummary & { weight: Float64Array; members: number } {
  const rows = new Map<string, number>();
  const xs: number[] = [];
  const txs: number[] = [];
  const Ts: number[] = [];
  const ws: number[] = [];
  let members = 0;
  const { orderOffsets: off, oDay, oKind } = cols;
  for (let m = 0; m < cols.memberCount; m++) {
    let first = NaN;
    let last = NaN;
    let x = -1;
    for (let o = off[m]; o < off[m + 1]; o++) {
      const day = oDay[o];
      if (day > asOf) break;
      if (oKind[o] !== 0) continue;
      if (day !== last) {
        x++;
        if (x === 0) first = day;
        last = day;
      }
    }
    if (x < 0) continue;
    members++;
    const tx = last - first;
    const T = asOf - first + 1;
    const key = `${x}|${tx}|${T}`;
    const row = rows.get(key);
    if (row !== undefined) ws[row]++;
    else {
      rows.set(key, xs.length);
      xs.push(x);
      txs.push(tx);
      Ts.push(T);
      ws.push(1);
    }
  }
  return { x: Float64Array.from(xs), tx: Float64Array.from(txs), T: Float64Array.from(Ts), weight: Float64Array.from(ws), members };
}
