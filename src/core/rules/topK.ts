/**
 * The k members with the highest values (NaN never ranks); ties at the cut go to the lower
 * member index — the same answer as core's topK, found by selection (quickselect on a copy
 * of the finite values, O(n) expected) instead of sorting a million numbers.
 */
export function topK(values: Float64Array, k: number): Uint8Array {
  const M = values.length;
  const out = new Uint8Array(M);
  if (k <= 0) return out;
  const finite = new Float64Array(M);
  let n = 0;
  for (let m = 0; m < M; m++) if (!Number.isNaN(values[m])) finite[n++] = values[m];
  if (n <= k) {
    for (let m = 0; m < M; m++) out[m] = Number.isNaN(values[m]) ? 0 : 1;
    return out;
  }
  // The k-th largest is the (n-k)-th smallest (0-based).
  const cut = select(finite, 0, n - 1, n - k);
  let above = 0;
  for (let m = 0; m < M; m++) {
    if (values[m] > cut) {
      out[m] = 1;
      above++;
    }
  }
  let room = k - above;
  for (let m = 0; m < M && room > 0; m++) {
    if (values[m] === cut) {
      out[m] = 1;
      room--;
    }
  }
  return out;
}

/** Hoare-partition quickselect with median-of-three pivots; reorders a[lo..hi]. */
function select(a: Float64Array, lo: number, hi: number, nth: number): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as pivot, guarding against sorted input
    const pivot = median(a[lo], a[mid], a[hi]);
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (nth <= j) hi = j;
    else if (nth >= i) lo = i;
    else return a[nth];
  }
  return a[nth];
}

function median(x: number, y: number, z: number): number {
  return x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
}
