/**
 * How much of a result's variance each uncertain assumption explains on its own: the
 * first-order index S_j = Var(E[Y | X_j]) / Var(Y), estimated from the replications' own draws
 * (no extra runs). The replications are sorted by X_j and cut into B = ⌊√n⌋ bins of equal size;
 * Var(E[Y | X_j]) is the variance of the bins' means less the part chance alone puts there,
 * (B − 1)/n times the pooled variance within bins; the index is clamped to [0, 1]. Chance (and
 * any interaction between assumptions) is what the indices leave: max(0, 1 − Σ S_j), the
 * indices being divided by their sum first when it is above 1.
 */
export interface VarianceShares {
  shares: number[];
  chance: number;
}

/** Replication indices sorted by a draw, ties by index, so the bins are the same every time. */
export function orderBy(x: ArrayLike<number>): Uint32Array {
  const order = Uint32Array.from({ length: x.length }, (_, i) => i);
  order.sort((a, b) => x[a]! - x[b]! || a - b);
  return order;
}

export function firstOrderShare(y: ArrayLike<number>, order: Uint32Array): number {
  const n = order.length;
  if (n < 4) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i]!;
  mean /= n;
  let total = 0;
  for (let i = 0; i < n; i++) total += (y[i]! - mean) ** 2;
  total /= n;
  if (!(total > 0)) return 0;
  const bins = Math.floor(Math.sqrt(n));
  let between = 0;
  let within = 0;
  for (let b = 0; b < bins; b++) {
    const from = Math.floor((b * n) / bins);
    const to = Math.floor(((b + 1) * n) / bins);
    let m = 0;
    for (let i = from; i < to; i++) m += y[order[i]!]!;
    m /= to - from;
    between += (to - from) * (m - mean) ** 2;
    for (let i = from; i < to; i++) within += (y[order[i]!]! - m) ** 2;
  }
  between /= n;
  within /= n - bins;
  const explained = between - ((bins - 1) / n) * within;
  return Math.min(1, Math.max(0, explained / total));
}

export function varianceShares(
  y: ArrayLike<number>,
  orders: readonly Uint32Array[],
): VarianceShares {
  const shares = orders.map((order) => firstOrderShare(y, order));
  const sum = shares.reduce((s, x) => s + x, 0);
  // Estimates of shares that move together can overshoot: they are scaled to sum to 1.
  if (sum > 1) return { shares: shares.map((s) => s / sum), chance: 0 };
  return { shares, chance: Math.max(0, 1 - sum) };
}
