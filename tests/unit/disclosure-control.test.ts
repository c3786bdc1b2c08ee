import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  suppressDistribution,
  suppressTable,
  type SuppressedTable,
} from '../../api/findings/disclosure';

type Table = readonly (readonly number[])[];
type Position = readonly [number, number];

/**
 * The table extended with its margins, as the attackers see it: row `rows` holds the column
 * totals, column `cols` the row totals, [rows][cols] the grand total.
 */
interface Extended {
  rows: number;
  cols: number;
  value: number[][];
  hidden: boolean[][];
}

function extend(counts: Table, suppressed: SuppressedTable): Extended {
  const rows = counts.length;
  const cols = counts[0]?.length ?? 0;
  const value = Array.from({ length: rows + 1 }, () => Array<number>(cols + 1).fill(0));
  const hidden = Array.from({ length: rows + 1 }, () => Array<boolean>(cols + 1).fill(false));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const n = counts[r]![c]!;
      value[r]![c] = n;
      value[r]![cols] = value[r]![cols]! + n;
      value[rows]![c] = value[rows]![c]! + n;
      value[rows]![cols] = value[rows]![cols]! + n;
      hidden[r]![c] = suppressed.cells[r]![c]!;
    }
    hidden[r]![cols] = suppressed.rowTotals[r]!;
  }
  for (let c = 0; c < cols; c++) hidden[rows]![c] = suppressed.colTotals[c]!;
  hidden[rows]![cols] = suppressed.grandTotal;
  return { rows, cols, value, hidden };
}

/** Every line of the extended table, its total last: rows with their totals, columns with theirs,
 * the column totals with the grand total (last row) and the row totals with it (last column). */
function linesOf(rows: number, cols: number): Position[][] {
  const lines: Position[][] = [];
  for (let r = 0; r <= rows; r++) {
    lines.push(Array.from({ length: cols + 1 }, (_, c): Position => [r, c]));
  }
  for (let c = 0; c <= cols; c++) {
    lines.push(Array.from({ length: rows + 1 }, (_, r): Position => [r, c]));
  }
  return lines;
}

const key = ([r, c]: Position): string => `${r},${c}`;

/**
 * The attacker of the brief: knows every published value and the structure, and solves any line
 * with exactly one unknown by subtraction, again and again until it learns nothing more. It also
 * knows counts are never negative: a line whose published total is already reached by its
 * published cells has only zeros left. Returns what it learned of the suppressed values.
 */
function attacker(counts: Table, suppressed: SuppressedTable): Map<string, number> {
  const { rows, cols, value, hidden } = extend(counts, suppressed);
  const known = value.map((row, r) => row.map((n, c) => (hidden[r]![c] ? undefined : n)));
  const learned = new Map<string, number>();
  const learn = (p: Position, n: number): void => {
    known[p[0]]![p[1]] = n;
    learned.set(key(p), n);
  };
  const lines = linesOf(rows, cols);
  let progress = true;
  while (progress) {
    progress = false;
    for (const line of lines) {
      const total = line[line.length - 1]!;
      const cells = line.slice(0, -1);
      const unknown = line.filter(([r, c]) => known[r]![c] === undefined);
      if (unknown.length === 0) continue;
      const knownCells = cells.reduce((s, [r, c]) => s + (known[r]![c] ?? 0), 0);
      const totalValue = known[total[0]]![total[1]];
      if (unknown.length === 1) {
        const [u] = unknown;
        learn(u!, u === total ? knownCells : totalValue! - knownCells);
        progress = true;
      } else if (totalValue !== undefined && totalValue - knownCells === 0) {
        for (const u of unknown) learn(u, 0);
        progress = true;
      }
    }
  }
  // The attacker must be right, or its silence would prove nothing.
  for (const [k, n] of learned) {
    const [r, c] = k.split(',').map(Number);
    expect(n).toBe(value[r!]![c!]);
  }
  return learned;
}

/**
 * A stronger attacker: any linear combination of the line equations. A suppressed value is
 * derivable iff its unit vector lies in the row space of the equations restricted to the
 * unknowns; Gaussian elimination decides it. Returns the derivable positions.
 */
function linearAttacker(counts: Table, suppressed: SuppressedTable): string[] {
  const { rows, cols, hidden } = extend(counts, suppressed);
  const unknowns: Position[] = [];
  hidden.forEach((row, r) => row.forEach((h, c) => h && unknowns.push([r, c])));
  const index = new Map(unknowns.map((p, i) => [key(p), i]));
  const matrix = linesOf(rows, cols).map((line) => {
    const coefficients = Array<number>(unknowns.length).fill(0);
    line.forEach((p, i) => {
      const j = index.get(key(p));
      if (j !== undefined) coefficients[j] = i === line.length - 1 ? -1 : 1;
    });
    return coefficients;
  });
  // Reduced row echelon form.
  const pivots: { row: number[]; col: number }[] = [];
  const remaining = matrix.map((row) => [...row]);
  for (let col = 0; col < unknowns.length; col++) {
    const at = remaining.findIndex((row) => Math.abs(row[col]!) > 1e-9);
    if (at === -1) continue;
    const [pivotRow] = remaining.splice(at, 1);
    const scale = pivotRow![col]!;
    const row = pivotRow!.map((x) => x / scale);
    for (const other of [...remaining, ...pivots.map((p) => p.row)]) {
      const factor = other[col]!;
      if (factor !== 0) row.forEach((x, j) => (other[j] = other[j]! - factor * x));
    }
    pivots.push({ row, col });
  }
  return unknowns
    .filter((_, i) => {
      const v: number[] = unknowns.map((__, j) => (j === i ? 1 : 0));
      for (const { row, col } of pivots) {
        const factor = v[col]!;
        if (factor !== 0) row.forEach((x, j) => (v[j] = v[j]! - factor * x));
      }
      return v.every((x) => Math.abs(x) < 1e-9);
    })
    .map(key);
}

/** A suppression pattern with only the primary suppression, to show the attackers bite. */
function primaryOnly(counts: Table, k: number): SuppressedTable {
  const { value } = extend(counts, suppressTable(counts, k));
  const rows = counts.length;
  const cols = counts[0]?.length ?? 0;
  return {
    cells: counts.map((row) => row.map((n) => n < k)),
    rowTotals: counts.map((_, r) => value[r]![cols]! < k),
    colTotals: Array.from({ length: cols }, (_, c) => value[rows]![c]! < k),
    grandTotal: value[rows]![cols]! < k,
  };
}

/** Every invariant of a suppression, checked against both attackers. */
function checkSafe(counts: Table, k: number): SuppressedTable {
  const suppressed = suppressTable(counts, k);
  const { rows, cols, value, hidden } = extend(counts, suppressed);
  // Shape.
  expect(suppressed.cells.length).toBe(rows);
  for (const row of suppressed.cells) expect(row.length).toBe(cols);
  expect(suppressed.rowTotals.length).toBe(rows);
  expect(suppressed.colTotals.length).toBe(cols);
  // Primary: every value under k, margins included, is suppressed.
  value.forEach((row, r) =>
    row.forEach((n, c) => {
      if (n < k) expect(hidden[r]![c], `value ${n} at ${r},${c}`).toBe(true);
    }),
  );
  // Complementary: nothing recoverable by either attacker.
  expect([...attacker(counts, suppressed).keys()]).toEqual([]);
  expect(linearAttacker(counts, suppressed)).toEqual([]);
  // A line with a published total never narrows its suppressed values below k.
  for (const line of linesOf(rows, cols)) {
    const total = line[line.length - 1]!;
    if (hidden[total[0]]![total[1]]) continue;
    const cells = line.filter(([r, c]) => hidden[r]![c]);
    expect(cells.length).not.toBe(1);
    const sum = cells.reduce((s, [r, c]) => s + value[r]![c]!, 0);
    if (cells.length > 0) expect(sum).toBeGreaterThanOrEqual(k);
  }
  return suppressed;
}

const T = true;
const F = false;

describe('suppressTable: hand-made tables', () => {
  it('suppresses nothing when every cell is at least k', () => {
    expect(
      checkSafe(
        [
          [5, 6],
          [7, 8],
        ],
        5,
      ),
    ).toEqual({
      cells: [
        [F, F],
        [F, F],
      ],
      rowTotals: [F, F],
      colTotals: [F, F],
      grandTotal: F,
    });
    const big = [
      [10, 11, 12],
      [13, 14, 15],
      [16, 17, 18],
    ];
    const result = checkSafe(big, 10);
    expect(result.cells.flat().some(Boolean)).toBe(false);
    expect([...result.rowTotals, ...result.colTotals, result.grandTotal].some(Boolean)).toBe(false);
  });

  it('hides one small cell in a row behind the classic 2 × 2 rectangle', () => {
    const counts = [
      [20, 3, 30],
      [25, 40, 35],
    ];
    // The attacks work on the primary suppression alone...
    expect([...attacker(counts, primaryOnly(counts, 5))]).toEqual([['0,1', 3]]);
    // ...not on the full one: the smallest cells of its row and column, then the one closing it.
    expect(checkSafe(counts, 5)).toEqual({
      cells: [
        [T, T, F],
        [T, T, F],
      ],
      rowTotals: [F, F],
      colTotals: [F, F, F],
      grandTotal: F,
    });
  });

  it('takes the first of equal candidates', () => {
    const result = checkSafe(
      [
        [20, 3, 20],
        [20, 20, 20],
      ],
      5,
    );
    expect(result.cells).toEqual([
      [T, T, F],
      [T, T, F],
    ]);
  });

  it('protects a small cell alone in its column', () => {
    const counts = [
      [20, 30, 2],
      [25, 40, 50],
      [30, 35, 60],
    ];
    const result = checkSafe(counts, 5);
    expect(result.cells[0]![2]).toBe(true);
    expect(result.cells.map((row) => row[2])).toEqual([T, T, F]);
    expect(result.colTotals).toEqual([F, F, F]);
  });

  it('protects a small row total and the cells under it', () => {
    const counts = [
      [2, 1, 1],
      [20, 30, 40],
      [25, 35, 45],
    ];
    const result = checkSafe(counts, 5);
    expect(result.cells[0]).toEqual([T, T, T]);
    expect(result.rowTotals[0]).toBe(true);
    // The row total needs a partner among the row totals, the smallest.
    expect(result.rowTotals).toEqual([T, T, F]);
    expect(result.grandTotal).toBe(false);
  });

  it('treats a single-column table, where each cell is its own row total', () => {
    const counts = [[3], [20], [30]];
    const result = checkSafe(counts, 5);
    expect(result).toEqual({
      cells: [[T], [T], [F]],
      rowTotals: [T, T, F],
      colTotals: [F],
      grandTotal: F,
    });
  });

  it('treats a single-row table, where each cell is its own column total', () => {
    const result = checkSafe([[3, 20, 30]], 5);
    expect(result).toEqual({
      cells: [[T, T, F]],
      rowTotals: [F],
      colTotals: [T, T, F],
      grandTotal: F,
    });
  });

  it('suppresses everything small, keeping the grand total when it reaches k', () => {
    const result = checkSafe(
      [
        [1, 2],
        [3, 4],
      ],
      5,
    );
    expect(result.cells.flat().every(Boolean)).toBe(true);
    expect(result.grandTotal).toBe(false);
    expect(
      checkSafe(
        [
          [1, 1],
          [1, 1],
        ],
        5,
      ),
    ).toEqual({
      cells: [
        [T, T],
        [T, T],
      ],
      rowTotals: [T, T],
      colTotals: [T, T],
      grandTotal: T,
    });
  });

  it('never shows a zero, not even through a total that its published cells already reach', () => {
    const counts = [
      [0, 20, 30],
      [0, 25, 35],
    ];
    // Primary suppression alone: the column total is 0, the zeros can be read off the rows.
    expect(primaryOnly(counts, 5).colTotals[0]).toBe(true);
    expect(attacker(counts, primaryOnly(counts, 5)).size).toBeGreaterThan(0);
    const result = checkSafe(counts, 5);
    expect(result.cells).toEqual([
      [T, T, F],
      [T, T, F],
    ]);
    // Two zeros side by side: each row's suppressed values add up to 0 without a partner.
    const zeros = [
      [0, 0, 20, 30],
      [40, 45, 50, 55],
    ];
    expect(attacker(zeros, primaryOnly(zeros, 5))).toEqual(
      new Map([
        ['0,0', 0],
        ['0,1', 0],
      ]),
    );
    expect(checkSafe(zeros, 5).cells[0]).toEqual([T, T, T, F]);
  });

  it('handles 1 × 1 tables and all-zero tables', () => {
    expect(checkSafe([[3]], 5)).toEqual({
      cells: [[T]],
      rowTotals: [T],
      colTotals: [T],
      grandTotal: T,
    });
    expect(checkSafe([[30]], 5).cells).toEqual([[F]]);
    const zeros = checkSafe(
      [
        [0, 0],
        [0, 0],
      ],
      5,
    );
    expect(zeros.cells.flat().every(Boolean) && zeros.grandTotal).toBe(true);
  });

  it('closes a suppression that only a combination of lines reveals', () => {
    // Two suppressed 2 × 2 blocks joined by one suppressed cell (0, 2): every line holds two
    // unknowns or more, yet rows 0 + 1 minus columns 0 + 1 leave that cell alone.
    const counts = [
      [1, 2, 3, 20],
      [4, 3, 30, 40],
      [30, 40, 3, 4],
      [50, 60, 4, 3],
    ];
    const naive = primaryOnly(counts, 5);
    expect(attacker(counts, naive).size).toBe(0);
    expect(linearAttacker(counts, naive)).toEqual(['0,2']);
    const result = checkSafe(counts, 5);
    // The smallest published cell between the two blocks closes a cycle through (0, 2).
    expect(result.cells[0]).toEqual([T, T, T, T]);
    expect(result.cells.flat().filter(Boolean).length).toBe(10);
  });

  it('rejects k under 5, fractional k, and tables that are not counts', () => {
    expect(() => suppressTable([[10]], 4)).toThrow(RangeError);
    expect(() => suppressTable([[10]], 5.5)).toThrow(RangeError);
    expect(() => suppressTable([[10], [10, 10]], 5)).toThrow(RangeError);
    expect(() => suppressTable([[-1]], 5)).toThrow(RangeError);
    expect(() => suppressTable([[1.5]], 5)).toThrow(RangeError);
    expect(() => suppressDistribution([10], 3)).toThrow(RangeError);
    expect(suppressTable([[10]], 5).cells).toEqual([[F]]);
  });

  it('handles an empty table', () => {
    expect(suppressTable([], 5)).toEqual({
      cells: [],
      rowTotals: [],
      colTotals: [],
      grandTotal: T,
    });
    expect(suppressDistribution([], 5)).toEqual({ cells: [], total: T });
  });
});

describe('suppressDistribution', () => {
  it('pairs a lone small category with the smallest other one', () => {
    expect(suppressDistribution([40, 3, 12, 25], 5)).toEqual({
      cells: [F, T, T, F],
      total: F,
    });
  });

  it('publishes the total unless it is under k', () => {
    expect(suppressDistribution([1, 1, 1, 1, 1], 5)).toEqual({
      cells: [T, T, T, T, T],
      total: F,
    });
    expect(suppressDistribution([1, 1, 1], 5)).toEqual({ cells: [T, T, T], total: T });
    expect(suppressDistribution([12, 13], 10)).toEqual({ cells: [F, F], total: F });
  });

  it('does not let zeros be read off the total', () => {
    expect(suppressDistribution([0, 0, 20, 30], 5)).toEqual({ cells: [T, T, T, F], total: F });
  });

  it('agrees with the one-row table and resists the attackers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 5, max: 11 }),
        (counts, k) => {
          const result = suppressDistribution(counts, k);
          const table = checkSafe([counts], k);
          expect(result.cells).toEqual(table.cells[0]);
          const total = counts.reduce((s, n) => s + n, 0);
          expect(result.total).toBe(total < k);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('suppressTable: random tables against the attackers', () => {
  const table = (count: fc.Arbitrary<number>): fc.Arbitrary<number[][]> =>
    fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([rows, cols]) =>
      fc.array(fc.array(count, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
    );

  it('holds on tables 1–6 × 1–6 with counts 0–60', () => {
    fc.assert(
      fc.property(
        table(fc.integer({ min: 0, max: 60 })),
        fc.integer({ min: 5, max: 11 }),
        (t, k) => {
          checkSafe(t, k);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('holds on tables dominated by small counts and zeros', () => {
    const count = fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 12 }), weight: 3 },
      { arbitrary: fc.constant(0), weight: 1 },
      { arbitrary: fc.integer({ min: 0, max: 60 }), weight: 1 },
    );
    fc.assert(
      fc.property(table(count), fc.integer({ min: 5, max: 11 }), (t, k) => {
        checkSafe(t, k);
      }),
      { numRuns: 500 },
    );
  });

  it('suppresses nothing when every cell is at least k', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 5, max: 11 })
          .chain((k) => fc.tuple(fc.constant(k), table(fc.integer({ min: k, max: 60 })))),
        ([k, t]) => {
          const result = checkSafe(t, k);
          expect(result.cells.flat().some(Boolean)).toBe(false);
          expect([...result.rowTotals, ...result.colTotals, result.grandTotal]).not.toContain(T);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic and leaves its input alone', () => {
    const counts = [
      [3, 20, 0],
      [15, 2, 40],
    ];
    const copy = counts.map((row) => [...row]);
    expect(suppressTable(counts, 5)).toEqual(suppressTable(copy, 5));
    expect(counts).toEqual(copy);
  });
});
