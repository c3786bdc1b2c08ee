/** What changed between two releases, as the releases page lists it. Pure. */
import type { Summary } from '../findings/summary';

export interface ReleaseChanges {
  /** Published n of the previous release (null: none, or under k) and of this one. */
  previousN: number | null;
  n: number | null;
  /** Headline indicators whose published value moved, appeared or was suppressed. */
  indicators: { code: string; from: number | null; to: number | null }[];
}

export function releaseChanges(previous: Summary | null, next: Summary): ReleaseChanges {
  const before = new Map(previous?.indicators.map((i) => [i.code, i.value]));
  return {
    previousN: previous?.n ?? null,
    n: next.n,
    indicators: next.indicators
      .map((i) => ({ code: i.code, from: before.get(i.code) ?? null, to: i.value }))
      .filter((c) => c.from !== c.to),
  };
}
