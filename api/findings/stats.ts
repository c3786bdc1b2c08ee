import quantile from '@stdlib/stats-base-dists-t-quantile';

/** The standard normal quantile at 0.975, for two-sided 95% intervals. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a proportion, as proportions in 0..1; null when n = 0.
 *
 * Wilson rather than the textbook Wald interval because survey subgroups are small and the Wald
 * interval collapses to zero width at 0 and 100% and overshoots 0..1 near them (Newcombe 1998).
 */
export function wilson(successes: number, n: number, z = Z95): [number, number] | null {
  if (!Number.isFinite(n) || !Number.isFinite(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilson: need 0 <= successes <= n, got ${successes}/${n}`);
  }
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p = 0 or 1 the bound is exactly 0 or 1 in theory; clamp away the rounding error.
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface MeanWithCi {
  n: number;
  mean: number;
  /** 95% Student t interval for the mean; null when n < 2 (no spread to estimate). */
  ci: [number, number] | null;
  /** Sample standard deviation (n − 1 denominator); null when n < 2. */
  sd: number | null;
}

/** Mean with its 95% t interval; null for no values. */
export function meanWithCi(values: readonly number[]): MeanWithCi | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n < 2) return { n, mean, ci: null, sd: null };
  // Two-pass variance: the one-pass sum-of-squares formula loses precision for large means.
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  const half = (quantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { n, mean, ci: [mean - half, mean + half], sd };
}

/**
 * Quartiles by R's default definition (type 7: linear interpolation between order statistics),
 * so published figures can be reproduced from the open data with `quantile()` in R or
 * `numpy.percentile`; null for no values.
 */
export function quartiles(
  values: readonly number[],
): { q1: number; median: number; q3: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    const below = sorted[lo]!;
    const above = sorted[Math.min(lo + 1, sorted.length - 1)]!;
    return below + (h - lo) * (above - below);
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}
