import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymise, MAX_SUPPRESSED_SHARE, type QuasiColumn } from '../../api/publication/anonymise';

/** What a record shows once released: its groups at the chosen levels, or "*" where suppressed. */
function released(columns: QuasiColumn[], n: number, k: number) {
  const result = anonymise(columns, n, k);
  const tuples = Array.from({ length: n }, (_, i) =>
    columns
      .map((c, q) => {
        const level = result.levels[q]!;
        if (result.suppressed[i] || level >= c.levels.length) return '*';
        return String(c.levels[level]![c.values[i]!]);
      })
      .join('|'),
  );
  return { result, tuples };
}

function classSizes(tuples: string[]) {
  const sizes = new Map<string, number>();
  for (const t of tuples) sizes.set(t, (sizes.get(t) ?? 0) + 1);
  return [...sizes.values()];
}

/** A quasi-identifier of 1 to 6 options with up to two random coarser levels. */
const column = (n: number) =>
  fc.integer({ min: 1, max: 6 }).chain((options) =>
    fc.record({
      values: fc.uint8Array({ minLength: n, maxLength: n, min: 0, max: options }),
      levels: fc
        .array(
          fc.array(fc.integer({ min: 1, max: 3 }), { minLength: options, maxLength: options }),
          {
            maxLength: 2,
          },
        )
        .map((coarser) => [
          Array.from({ length: options + 1 }, (_, i) => i),
          ...coarser.map((groups) => [0, ...groups]),
        ]),
    }),
  );

const dataset = fc.integer({ min: 0, max: 300 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    k: fc.integer({ min: 2, max: 12 }),
    columns: fc.array(column(n), { minLength: 1, maxLength: 5 }),
  }),
);

describe('k-anonymity of the microdata', () => {
  it('leaves no released combination with fewer than k records', () => {
    fc.assert(
      fc.property(dataset, ({ n, k, columns }) => {
        const { result, tuples } = released(columns, n, k);
        if (result.withheld) {
          expect(n).toBeLessThan(k);
          return;
        }
        for (const size of classSizes(tuples)) expect(size).toBeGreaterThanOrEqual(k);
        expect(result.suppressed.reduce((s, x) => s + x, 0)).toBe(result.suppressedCount);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps full detail when the data is already k-anonymous', () => {
    const values = new Uint8Array(40).map((_, i) => 1 + (i % 2));
    const result = anonymise(
      [
        {
          values,
          levels: [
            [0, 1, 2],
            [0, 1, 1],
          ],
        },
      ],
      40,
      10,
    );
    expect(result.levels).toEqual([0]);
    expect(result.suppressedCount).toBe(0);
  });

  it('suppresses a few outliers rather than coarsening everyone', () => {
    // 200 records in 4 groups of 50, plus 3 singletons: under 5%, so local suppression.
    const values = new Uint8Array(203).map((_, i) => (i < 200 ? 1 + (i % 4) : 5 + (i - 200)));
    const levels = [
      [0, 1, 2, 3, 4, 5, 6, 7],
      [0, 1, 1, 2, 2, 3, 3, 3],
    ];
    const result = anonymise([{ values, levels }], 203, 10);
    expect(result.levels).toEqual([0]);
    // The three outliers alone would make a class under k: seven records of a class of 50 join.
    expect(result.suppressedCount).toBe(10);
    expect(3 / 203).toBeLessThan(MAX_SUPPRESSED_SHARE);
  });

  it('generalises when outliers are too many to suppress', () => {
    // 20% of the records are in small groups that merge at level 1.
    const values = new Uint8Array(100).map((_, i) => (i < 80 ? 1 : 2 + (i % 5)));
    const levels = [
      [0, 1, 2, 3, 4, 5, 6],
      [0, 1, 2, 2, 2, 2, 2],
    ];
    const result = anonymise([{ values, levels }], 100, 10);
    expect(result.levels).toEqual([1]);
    expect(result.suppressedCount).toBe(0);
  });

  it('coarsens an attribute before it masks another one for everybody', () => {
    // Masking B or merging A's four values into two both make every class reach k.
    const b = new Uint8Array(40).map((_, i) => 1 + (i % 2));
    const a = new Uint8Array(40).map((_, i) => 1 + Math.floor(i / 10));
    const result = anonymise(
      [
        { values: b, levels: [[0, 1, 2]] },
        {
          values: a,
          levels: [
            [0, 1, 2, 3, 4],
            [0, 1, 1, 2, 2],
          ],
        },
      ],
      40,
      10,
    );
    expect(result.levels).toEqual([0, 1]);
    expect(result.suppressedCount).toBe(0);
  });

  it('withholds every record when there are fewer than k', () => {
    const result = anonymise([{ values: new Uint8Array([1, 1, 1]), levels: [[0, 1]] }], 3, 5);
    expect(result.withheld).toBe(true);
  });
});
