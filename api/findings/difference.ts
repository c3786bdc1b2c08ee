/**
 * How far apart two editions' published figures are, with a 95% interval for the difference.
 * Pure: it reads only what the releases published (values and intervals), so it discloses nothing
 * a reader of both releases could not compute.
 *
 * The interval is the MOVER ("method of variance estimates recovery", Zou & Donner 2008) or
 * Newcombe "square-and-add" interval: each side's distance from its estimate to its own bound
 * stands for that side's uncertainty in that direction, and the two add in quadrature. With the
 * Wilson intervals the releases carry for shares this is Newcombe's (1998) method 10, which keeps
 * its coverage for small groups and shares near 0 or 100% where the Wald difference does not; with
 * the symmetric t intervals of means it reduces to the usual ±√(h₁² + h₂²), hᵢ the half-widths,
 * that is z·√(se₁² + se₂²) once the t quantiles are close to z.
 *
 * Editions are independent samples (no panel: responses are anonymous and unlinked), which is
 * what adding the variances assumes.
 */

/** What a difference needs of a published figure: its value and its 95% interval. */
export interface ComparableFigure {
  value: number | null;
  ci: [number, number] | null;
  suppressed: boolean;
}

/** Whether the change is beyond its interval: 'stable' when the interval contains 0. */
export type Verdict = 'up' | 'down' | 'stable';

export interface Difference {
  /** current − previous, in the figures' unit (percentage points for shares). */
  difference: number;
  /** 95% interval of the difference. */
  ci: [number, number];
  verdict: Verdict;
}

/**
 * The MOVER / Newcombe square-and-add 95% interval of p1 − p2, from each estimate and its own 95%
 * interval [l, u]: L = d − √((p1 − l1)² + (u2 − p2)²), U = d + √((u1 − p1)² + (p2 − l2)²).
 */
export function moverInterval(
  p1: number,
  [l1, u1]: readonly [number, number],
  p2: number,
  [l2, u2]: readonly [number, number],
): [number, number] {
  for (const [p, l, u] of [
    [p1, l1, u1],
    [p2, l2, u2],
  ] as const) {
    if (![p, l, u].every(Number.isFinite) || l > u) {
      throw new RangeError(`moverInterval: need finite l <= u, got ${p} in [${l}, ${u}]`);
    }
  }
  const d = p1 - p2;
  return [d - Math.hypot(p1 - l1, u2 - p2), d + Math.hypot(u1 - p1, p2 - l2)];
}

/** 'up' or 'down' when the whole interval lies on one side of 0, else 'stable'. */
export function verdictOf([lower, upper]: readonly [number, number]): Verdict {
  if (lower > 0) return 'up';
  if (upper < 0) return 'down';
  return 'stable';
}

const usable = (
  f: ComparableFigure | null | undefined,
): f is ComparableFigure & {
  value: number;
  ci: [number, number];
} => !!f && !f.suppressed && f.value !== null && f.ci !== null;

/**
 * The change from `previous` to `current` with its 95% interval and verdict; null when either
 * figure is suppressed, has no value or has no interval (a median, or a mean of one response):
 * a suppressed figure never enters a comparison, and a change without an interval cannot be
 * told from noise.
 */
export function difference(
  current: ComparableFigure | null | undefined,
  previous: ComparableFigure | null | undefined,
): Difference | null {
  if (!usable(current) || !usable(previous)) return null;
  const ci = moverInterval(current.value, current.ci, previous.value, previous.ci);
  return { difference: current.value - previous.value, ci, verdict: verdictOf(ci) };
}
