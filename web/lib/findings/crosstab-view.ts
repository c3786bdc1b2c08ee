import type { Crosstab } from '$api/findings/crosstab';

/** What a cross-tab's cells show: counts, or shares of their row or of their column. */
export type CrosstabMode = 'row' | 'col' | 'count';
export const CROSSTAB_MODES: readonly CrosstabMode[] = ['row', 'col', 'count'];

export interface CrosstabCell {
  count: number | null;
  /** The cell's share of its row or column total, 0–100; null when either is suppressed. */
  percent: number | null;
}

/**
 * Shares from the published (perturbed) counts only, so they tell nothing the counts do not:
 * a suppressed cell or total gives no share, and a total's own share is 100 when it is published.
 */
export function crosstabCells(t: Crosstab, mode: CrosstabMode): CrosstabCell[][] {
  const share = (count: number | null, total: number | null) =>
    mode === 'count' || count === null || total === null || total === 0
      ? null
      : (count / total) * 100;
  return t.rows.map((_, i) =>
    t.cols.map((_, j) => {
      const count = t.counts[i]![j]!;
      return { count, percent: share(count, mode === 'row' ? t.rowTotals[i]! : t.colTotals[j]!) };
    }),
  );
}

export function crosstabMode(asked: string | null): CrosstabMode {
  return CROSSTAB_MODES.find((m) => m === asked) ?? 'row';
}
