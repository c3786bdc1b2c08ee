import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY,
  KEY_SPACE,
  NOISE_BOUND,
  addCounted,
  noise,
  perturb,
  recordKey,
  type Counted,
} from '../../api/findings/cellkey';

const cellOf = (ids: number[]): Counted =>
  ids.map((id) => ({ n: 1, key: recordKey(id) })).reduce(addCounted, EMPTY);
const ids = fc.array(fc.integer({ min: 0, max: 2 ** 48 - 1 }), { minLength: 10, maxLength: 60 });

describe('cell-key perturbation', () => {
  it('has zero mean and stays within its bound', () => {
    const steps = 100_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < steps; i++) {
      const e = noise(Math.floor(((i + 0.5) / steps) * KEY_SPACE));
      expect(Math.abs(e)).toBeLessThanOrEqual(NOISE_BOUND);
      sum += e;
      squares += e * e;
    }
    expect(Math.abs(sum / steps)).toBeLessThan(1e-3);
    expect(squares / steps).toBeCloseTo(1.2, 2);
  });

  it('gives the same value to the same records, in any order and any table', () => {
    fc.assert(
      fc.property(ids, (list) => {
        const shuffled = [...list].reverse();
        expect(perturb(cellOf(shuffled))).toBe(perturb(cellOf(list)));
        const published = perturb(cellOf(list));
        expect(Math.abs(published - list.length)).toBeLessThanOrEqual(NOISE_BOUND);
      }),
    );
  });

  it('hides one added record: its published change is as often 0 as a change seen without it', () => {
    // For each random cell, one more record versus one record swapped for another (same count,
    // new key): the attacker sees published differences from both, and must not tell them apart.
    const added = new Map<number, number>();
    const swapped = new Map<number, number>();
    fc.assert(
      fc.property(ids, fc.integer({ min: 0, max: 2 ** 48 - 1 }), (list, extra) => {
        const before = perturb(cellOf(list));
        const plusOne = perturb(cellOf([...list, extra])) - before;
        const churn = perturb(cellOf([...list.slice(1), extra])) - before;
        added.set(plusOne, (added.get(plusOne) ?? 0) + 1);
        swapped.set(churn, (swapped.get(churn) ?? 0) + 1);
      }),
      // A fixed sample: the shares below are measured on it, not left to chance at each run.
      { numRuns: 4000, seed: 20261201 },
    );
    // A difference of 0 is common after an addition, and 1 is common without one.
    expect((added.get(0) ?? 0) / 4000).toBeGreaterThan(0.15);
    expect((swapped.get(1) ?? 0) / 4000).toBeGreaterThan(0.15);
  });
});
