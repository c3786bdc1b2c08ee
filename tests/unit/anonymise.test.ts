import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anonymise,
  classStats,
  type Criteria,
  type QuasiColumn,
  type SensitiveColumn,
} from '../../api/publication/anonymise';

/** What a record shows once released: its group in each attribute, or "*" where masked. */
function releasedTuples(columns: QuasiColumn[], levels: number[], n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    columns
      .map((c, q) =>
        levels[q]! >= c.levels.length ? '*' : String(c.levels[levels[q]!]![c.values[i]!]),
      )
      .join('|'),
  );
}

/** Each class's size and, per sensitive attribute, its distinct values: counted with strings. */
function classesOf(tuples: string[], sensitive: SensitiveColumn[]) {
  const classes = new Map<string, { size: number; values: Set<number>[] }>();
  tuples.forEach((t, i) => {
    let c = classes.get(t);
    if (!c) classes.set(t, (c = { size: 0, values: sensitive.map(() => new Set()) }));
    c.size++;
    sensitive.forEach((s, j) => c.values[j]!.add(s.values[i]!));
  });
  return [...classes.values()];
}

const meets = (tuples: string[], sensitive: SensitiveColumn[], { k, l }: Criteria) =>
  classesOf(tuples, sensitive).every(
    (c) => c.size >= k && c.values.every((values) => values.size >= l),
  );

/** Share of the entropy of a column lost at a level: the loss the search minimises. */
function lossAt(column: QuasiColumn, level: number, n: number): number {
  const entropy = (l: number) => {
    if (l >= column.levels.length) return 0;
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const g = column.levels[l]![column.values[i]!]!;
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    return [...counts.values()].reduce((h, c) => h - (c / n) * Math.log2(c / n), 0);
  };
  const full = entropy(0);
  return full > 0 ? 1 - entropy(level) / full : 0;
}

/** Every node of the lattice: one level per attribute, masked included. */
function* lattice(heights: number[]): Generator<number[]> {
  if (!heights.length) {
    yield [];
    return;
  }
  for (const rest of lattice(heights.slice(1)))
    for (let l = 0; l <= heights[0]!; l++) yield [l, ...rest];
}

/** A hierarchy of 1 to 7 values, each level a random merge of the groups of the one before. */
const hierarchy = fc
  .record({
    values: fc.integer({ min: 1, max: 7 }),
    merges: fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 7, maxLength: 7 }), {
      maxLength: 2,
    }),
  })
  .map(({ values, merges }) => {
    const levels: number[][] = [Array.from({ length: values + 1 }, (_, v) => v)];
    for (const merge of merges) {
      const previous = levels.at(-1)!;
      // Group g of the level before goes to 1 + merge[g - 1] (mod its group count), renumbered.
      const groups = Math.max(...previous);
      const target = previous.map((g) => (g === 0 ? 0 : 1 + (merge[g - 1]! % groups)));
      const renumber = new Map<number, number>([[0, 0]]);
      for (const t of target) if (!renumber.has(t)) renumber.set(t, renumber.size);
      levels.push(target.map((t) => renumber.get(t)!));
    }
    return { options: values, levels };
  });

const dataset = (maxColumns: number, maxN: number) =>
  fc.integer({ min: 0, max: maxN }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      k: fc.integer({ min: 2, max: 12 }),
      l: fc.integer({ min: 1, max: 3 }),
      columns: fc.array(
        hierarchy.chain(({ options, levels }) =>
          fc
            .uint8Array({ minLength: n, maxLength: n, min: 0, max: options })
            .map((values): QuasiColumn => ({ values, levels })),
        ),
        { minLength: 1, maxLength: maxColumns },
      ),
      sensitive: fc.array(
        fc
          .uint8Array({ minLength: n, maxLength: n, min: 0, max: 3 })
          .map((values): SensitiveColumn => ({ values })),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  );

describe('anonymisation by global recoding', () => {
  it('leaves every class with k records and l distinct sensitive values, or releases nothing', () => {
    fc.assert(
      fc.property(dataset(5, 300), ({ n, k, l, columns, sensitive }) => {
        const result = anonymise(columns, sensitive, n, { k, l });
        const everythingMasked = columns.map((c) => c.levels.length);
        if (result.withheld) {
          // Only when even one class of every record fails.
          expect(meets(releasedTuples(columns, everythingMasked, n), sensitive, { k, l })).toBe(
            false,
          );
          return;
        }
        expect(meets(releasedTuples(columns, result.levels, n), sensitive, { k, l })).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the release that loses least, as a walk over the whole lattice does', () => {
    fc.assert(
      fc.property(dataset(4, 120), ({ n, k, l, columns, sensitive }) => {
        const result = anonymise(columns, sensitive, n, { k, l });
        if (result.withheld || n === 0) return;
        expect(result.optimal).toBe(true);
        let least = Infinity;
        for (const levels of lattice(columns.map((c) => c.levels.length))) {
          if (!meets(releasedTuples(columns, levels, n), sensitive, { k, l })) continue;
          least = Math.min(
            least,
            levels.reduce((s, lv, q) => s + lossAt(columns[q]!, lv, n), 0),
          );
        }
        expect(result.loss).toBeCloseTo(least, 9);
      }),
      { numRuns: 200 },
    );
  });

  it('still meets the criteria when the exact search has no budget left', () => {
    fc.assert(
      fc.property(dataset(5, 300), ({ n, k, l, columns, sensitive }) => {
        const result = anonymise(columns, sensitive, n, { k, l }, 0);
        if (result.withheld) return;
        expect(meets(releasedTuples(columns, result.levels, n), sensitive, { k, l })).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps full detail when the records already meet the criteria', () => {
    const values = new Uint8Array(40).map((_, i) => 1 + (i % 2));
    const sensitive = [{ values: new Uint8Array(40).map((_, i) => i % 3) }];
    const levels = [
      [0, 1, 2],
      [0, 1, 1],
    ];
    const result = anonymise([{ values, levels }], sensitive, 40, { k: 10, l: 2 });
    expect(result.levels).toEqual([0]);
    expect(result.loss).toBe(0);
  });

  it('prefers merging two groups of one attribute to masking another', () => {
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
      // Both values in every class of either release.
      [{ values: new Uint8Array(40).map((_, i) => Math.floor(i / 5) % 2) }],
      40,
      { k: 10, l: 2 },
    );
    expect(result.levels).toEqual([0, 1]);
  });

  it('coarsens everyone when a few records stand out, and never masks them alone', () => {
    // 200 records in 4 groups of 50, plus 3 singletons that join the two groups of level 1.
    const values = new Uint8Array(203).map((_, i) => (i < 200 ? 1 + (i % 4) : 5 + (i - 200)));
    const levels = [
      [0, 1, 2, 3, 4, 5, 6, 7],
      [0, 1, 1, 2, 2, 1, 2, 2],
    ];
    const sensitive = [{ values: new Uint8Array(203).map((_, i) => i % 2) }];
    const result = anonymise([{ values, levels }], sensitive, 203, { k: 10, l: 2 });
    expect(result.levels).toEqual([1]);
  });

  it('counts a missing sensitive answer as a value of its own', () => {
    const values = new Uint8Array(20).map((_, i) => 1 + (i % 2));
    // Group 1 answered "1" or skipped; group 2 answered "1" only.
    const harassed = new Uint8Array(20).map((_, i) => (i % 2 === 0 && i < 10 ? 0 : 1));
    const result = anonymise([{ values, levels: [[0, 1, 2]] }], [{ values: harassed }], 20, {
      k: 5,
      l: 2,
    });
    expect(result.levels).toEqual([1]);
    const [detailed, masked] = classStats(
      [{ values, levels: [[0, 1, 2]] }],
      [{ values: harassed }],
      20,
      [[0], [1]],
      { k: 5, l: 2 },
    );
    // In full detail group 2 is all "1"; masked, the skipped answers make a second value.
    expect(detailed!.distinct).toEqual([1]);
    expect(masked!.distinct).toEqual([2]);
  });

  it('masks every attribute when nothing coarser meets the criteria', () => {
    const values = new Uint8Array(20).map((_, i) => 1 + i);
    const identity = Array.from({ length: 21 }, (_, v) => v);
    const result = anonymise(
      [{ values, levels: [identity] }],
      [{ values: new Uint8Array(20).map((_, i) => i % 2) }],
      20,
      { k: 5, l: 2 },
    );
    expect(result).toMatchObject({ levels: [1], withheld: false });
  });

  it('withholds every record when there are fewer than k, or one sensitive value for all', () => {
    const column = { values: new Uint8Array([1, 1, 1]), levels: [[0, 1]] };
    const mixed = [{ values: new Uint8Array([0, 1, 2]) }];
    expect(anonymise([column], mixed, 3, { k: 5, l: 2 }).withheld).toBe(true);
    const same = [{ values: new Uint8Array([1, 1, 1]) }];
    expect(anonymise([column], same, 3, { k: 2, l: 2 }).withheld).toBe(true);
    expect(anonymise([column], same, 3, { k: 2, l: 1 }).withheld).toBe(false);
  });

  it('refuses a hierarchy whose level splits a group of the level before', () => {
    const column = {
      values: new Uint8Array([1, 2, 3]),
      levels: [
        [0, 1, 2, 3],
        [0, 1, 1, 2],
        [0, 1, 2, 2],
      ],
    };
    expect(() => anonymise([column], [{ values: new Uint8Array(3) }], 3, { k: 1, l: 1 })).toThrow(
      /splits a group/,
    );
  });
});
