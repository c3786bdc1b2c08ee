/**
 * The disclosure rule (DESIGN §3) for counts published on their own. Counts
 * of an open edition change one response at a time, so exact values would
 * let an observer see a single submission: they are rounded to a base.
 */
export const COUNT_ROUNDING_BASE = 10;

/** The smallest cell published where no edition setting applies (DESIGN §3). */
export const DEFAULT_K = 10;

/** A count as it may be published: null when fewer than k records stand behind it. */
export function publicCount(n: number, k: number): number | null {
  if (n < k) return null;
  return Math.round(n / COUNT_ROUNDING_BASE) * COUNT_ROUNDING_BASE;
}
