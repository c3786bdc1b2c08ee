import quantile from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';
import { getQuestionnaire, optionsOf } from '../../api/survey/questionnaires';
import {
  CBI_HIGH_AT_OR_ABOVE,
  CBI_ITEMS,
  CBI_REVERSED_ITEM,
  WHO5_ITEMS,
  WHO5_DEPRESSION_AT_OR_BELOW,
  WHO5_POOR_BELOW,
  cbiWorkScore,
  who5Score,
} from '../../api/findings/scoring';
import { Z95, meanWithCi, quartiles, wilson } from '../../api/findings/stats';

/** Rounds to 4 decimals, the precision of the published tables. */
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

describe('wilson', () => {
  // Newcombe RG (1998), Two-sided confidence intervals for the single proportion: comparison of
  // seven methods. Statistics in Medicine 17:857–872, Table I, method 3 (score, no correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → (%f, %f) as in Newcombe 1998 Table I', (x, n, lower, upper) => {
    const ci = wilson(x, n)!;
    expect(round4(ci[0])).toBe(lower);
    expect(round4(ci[1])).toBe(upper);
  });

  it('mirrors around one half and stays within 0..1', () => {
    const [lo, hi] = wilson(20, 20)!;
    expect(hi).toBe(1);
    expect(round4(lo)).toBe(round4(1 - 0.1611));
    const [a, b] = wilson(3, 10)!;
    const [c, d] = wilson(7, 10)!;
    expect(a).toBeCloseTo(1 - d, 12);
    expect(b).toBeCloseTo(1 - c, 12);
  });

  it('is null for n = 0 and rejects impossible counts', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(() => wilson(5, 4)).toThrow(RangeError);
    expect(() => wilson(-1, 4)).toThrow(RangeError);
  });

  it('uses the 97.5% normal quantile by default', () => {
    expect(Z95).toBeCloseTo(1.96, 2);
    expect(wilson(81, 263)).toEqual(wilson(81, 263, Z95));
  });
});

describe('meanWithCi', () => {
  it('gives the t quantiles of the printed tables', () => {
    expect(round4(quantile(0.975, 1))).toBe(12.7062);
    expect(round4(quantile(0.975, 30))).toBe(2.0423);
    expect(quantile(0.975, 7)).toBeCloseTo(2.364624, 6);
  });

  it('computes the mean, sample sd and 95% t interval', () => {
    const result = meanWithCi([2, 4, 4, 4, 5, 5, 7, 9])!;
    expect(result.n).toBe(8);
    expect(result.mean).toBe(5);
    // Population sd is 2 for this classic sample; the sample sd is sqrt(32 / 7).
    expect(result.sd).toBeCloseTo(2.138, 3);
    const [lo, hi] = result.ci!;
    expect(round4(hi - 5)).toBe(1.7875);
    expect(lo).toBeCloseTo(5 - 1.78749, 4);
    expect(hi).toBeCloseTo(5 + 1.78749, 4);
  });

  it('has no interval nor sd for a single value, and nothing for no values', () => {
    expect(meanWithCi([42])).toEqual({ n: 1, mean: 42, ci: null, sd: null });
    expect(meanWithCi([])).toBeNull();
  });

  it('keeps precision far from zero', () => {
    const result = meanWithCi([1e9 + 1, 1e9 + 2, 1e9 + 3])!;
    expect(result.mean).toBe(1e9 + 2);
    expect(result.sd).toBe(1);
  });
});

describe('quartiles (R type 7)', () => {
  it('matches quantile(1:10) in R', () => {
    expect(quartiles([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({ q1: 3.25, median: 5.5, q3: 7.75 });
  });

  it('matches the odd-n example of the Wikipedia "Quartile" article (linear interpolation)', () => {
    // quantile(c(6, 47, 49, 15, 42, 41, 7, 39, 43, 40, 36)) in R: 25.5, 40, 42.5.
    expect(quartiles([6, 47, 49, 15, 42, 41, 7, 39, 43, 40, 36])).toEqual({
      q1: 25.5,
      median: 40,
      q3: 42.5,
    });
    // quantile(c(1, 2, 4, 8, 16, 32, 64)): 3, 8, 24.
    expect(quartiles([64, 1, 32, 2, 16, 4, 8])).toEqual({ q1: 3, median: 8, q3: 24 });
  });

  it('handles one value, no value, and leaves the input unsorted', () => {
    expect(quartiles([7])).toEqual({ q1: 7, median: 7, q3: 7 });
    expect(quartiles([])).toBeNull();
    const input = [3, 1, 2];
    quartiles(input);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe('who5Score', () => {
  it('multiplies the raw sum by 4', () => {
    expect(who5Score([5, 5, 5, 5, 5])).toBe(100);
    expect(who5Score([0, 0, 0, 0, 0])).toBe(0);
    expect(who5Score([3, 3, 2, 2, 2])).toBe(48);
  });

  it('is null when any item is missing', () => {
    expect(who5Score([5, 5, null, 5, 5])).toBeNull();
    expect(who5Score([5, 5, 5, 5, undefined])).toBeNull();
  });

  it('rejects item scores off the 0..5 scale and a wrong number of items', () => {
    expect(() => who5Score([6, 0, 0, 0, 0])).toThrow(RangeError);
    expect(() => who5Score([5, 5, 5, 5])).toThrow(RangeError);
  });

  it('places the cut-offs as published', () => {
    expect(who5Score([3, 3, 2, 2, 2])!).toBeLessThan(WHO5_POOR_BELOW);
    expect(who5Score([2, 2, 1, 1, 1])!).toBeLessThanOrEqual(WHO5_DEPRESSION_AT_OR_BELOW);
    expect(who5Score([2, 2, 2, 1, 1])!).toBeGreaterThan(WHO5_DEPRESSION_AT_OR_BELOW);
  });
});

describe('item codes', () => {
  it('name the questions of the 2026 questionnaire, on the scales the scores assume', () => {
    const scores = (code: string): number[] =>
      optionsOf(getQuestionnaire('2026.1')!, code)
        .map((o) => o.score ?? NaN)
        .sort((a, b) => a - b);
    for (const code of WHO5_ITEMS) expect(scores(code)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const code of CBI_ITEMS) expect(scores(code)).toEqual([0, 25, 50, 75, 100]);
    expect(CBI_ITEMS[6]).toBe(CBI_REVERSED_ITEM);
  });
});

describe('cbiWorkScore', () => {
  it('reverses item 7', () => {
    expect(cbiWorkScore([100, 100, 100, 100, 100, 100, 0])).toBe(100);
    expect(cbiWorkScore([0, 0, 0, 0, 0, 0, 100])).toBe(0);
    expect(cbiWorkScore([50, 50, 50, 50, 50, 50, 50])).toBe(50);
  });

  it('averages the answered items when at least 4 of 7 are answered', () => {
    expect(cbiWorkScore([100, 75, 50, 25, 0, null, null])).toBe(50);
    expect(cbiWorkScore([100, 100, 100, null, null, null, 100])).toBe(75);
    expect(cbiWorkScore([100, 100, 100, null, null, null, null])).toBeNull();
    expect(cbiWorkScore([null, null, null, null, null, null, undefined])).toBeNull();
  });

  it('rejects item scores off the 0..100 scale and a wrong number of items', () => {
    expect(() => cbiWorkScore([101, 0, 0, 0, 0, 0, 0])).toThrow(RangeError);
    expect(() => cbiWorkScore([0, 0, 0, 0, 0, 0])).toThrow(RangeError);
  });

  it('reads 50 and over as high burnout', () => {
    expect(cbiWorkScore([50, 50, 50, 50, 50, 50, 50])! >= CBI_HIGH_AT_OR_ABOVE).toBe(true);
  });
});
