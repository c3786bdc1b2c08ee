import { describe, expect, it } from 'vitest';
import type { Crosstab } from '../../api/findings/crosstab';
import { crosstabCells, crosstabMode } from '../../web/lib/findings/crosstab-view';

const table: Crosstab = {
  row: 'profile.contract',
  col: 'career.intent_leave',
  k: 10,
  rows: ['cdi', 'cdd'],
  cols: ['yes', 'no'],
  counts: [
    [30, 90],
    [null, 40],
  ],
  rowTotals: [120, 48],
  colTotals: [38, 130],
  total: 168,
};

describe('cross-tab shares', () => {
  it('divides each cell by its row total, or by its column total', () => {
    const byRow = crosstabCells(table, 'row');
    expect(byRow[0]!.map((c) => c.percent)).toEqual([25, 75]);
    expect(byRow[1]![1]!.percent).toBeCloseTo((40 / 48) * 100, 10);
    const byCol = crosstabCells(table, 'col');
    expect(byCol[0]![1]!.percent).toBeCloseTo((90 / 130) * 100, 10);
    expect(byCol[1]![1]!.percent).toBeCloseTo((40 / 130) * 100, 10);
  });

  it('gives no share for a suppressed cell or total, nor when counts are asked for', () => {
    expect(crosstabCells(table, 'row')[1]![0]).toEqual({ count: null, percent: null });
    const noTotal = { ...table, rowTotals: [120, null] };
    expect(crosstabCells(noTotal, 'row')[1]![1]).toEqual({ count: 40, percent: null });
    expect(
      crosstabCells(table, 'count')
        .flat()
        .map((c) => c.percent),
    ).toEqual([null, null, null, null]);
  });

  it('reads the mode from the URL, row shares unless another known one is asked', () => {
    expect(crosstabMode('col')).toBe('col');
    expect(crosstabMode('count')).toBe('count');
    expect(crosstabMode(null)).toBe('row');
    expect(crosstabMode('<script>')).toBe('row');
  });
});
