import { describe, expect, it } from 'vitest';
import { difference, moverInterval, verdictOf } from '../../api/findings/difference';
import { wilson } from '../../api/findings/stats';

/** Rounds to 4 decimals, the precision of Newcombe's tables. */
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** A published share as the releases hold it: value and Wilson interval, in 0..1 here. */
const share = (x: number, n: number) => ({
  value: x / n,
  ci: wilson(x, n),
  suppressed: false,
});

describe('moverInterval', () => {
  // Newcombe RG (1998), Interval estimation for the difference between independent proportions:
  // comparison of eleven methods. Statistics in Medicine 17:873–890, Table II, method 10 (score
  // interval for each proportion, combined by square-and-add).
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('%i/%i − %i/%i → (%f, %f) as in Newcombe 1998', (x1, n1, x2, n2, lower, upper) => {
    const ci = moverInterval(x1 / n1, wilson(x1, n1)!, x2 / n2, wilson(x2, n2)!);
    expect(round4(ci[0])).toBe(lower);
    expect(round4(ci[1])).toBe(upper);
  });

  it('takes the lower bound from the current side below and the previous side above', () => {
    // Asymmetric on purpose: swapping a bound changes the result.
    const [lower, upper] = moverInterval(50, [47, 52], 40, [39, 44]);
    expect(lower).toBeCloseTo(10 - Math.hypot(3, 4), 12);
    expect(upper).toBeCloseTo(10 + Math.hypot(2, 1), 12);
  });

  it('reduces to ±√(h₁² + h₂²) for the symmetric intervals of means', () => {
    const [lower, upper] = moverInterval(62.5, [60.5, 64.5], 58, [56.5, 59.5]);
    const half = Math.sqrt(2 ** 2 + 1.5 ** 2);
    expect(lower).toBeCloseTo(4.5 - half, 12);
    expect(upper).toBeCloseTo(4.5 + half, 12);
  });

  it('rejects an inverted or non-finite interval', () => {
    expect(() => moverInterval(0.5, [0.6, 0.4], 0.5, [0.4, 0.6])).toThrow(RangeError);
    expect(() => moverInterval(0.5, [0.4, 0.6], Number.NaN, [0.4, 0.6])).toThrow(RangeError);
  });
});

describe('verdictOf', () => {
  it('is up or down only when the interval excludes 0', () => {
    expect(verdictOf([0.1, 2])).toBe('up');
    expect(verdictOf([-2, -0.1])).toBe('down');
    expect(verdictOf([-1, 1])).toBe('stable');
    // A bound at exactly 0: the interval contains 0.
    expect(verdictOf([0, 2])).toBe('stable');
    expect(verdictOf([-2, 0])).toBe('stable');
  });
});

describe('difference', () => {
  it('gives the change, its interval and verdict for two published figures', () => {
    const d = difference(share(56, 70), share(48, 80))!;
    expect(d.difference).toBeCloseTo(0.2, 12);
    expect(round4(d.ci[0])).toBe(0.0524);
    expect(round4(d.ci[1])).toBe(0.3339);
    expect(d.verdict).toBe('up');
    const back = difference(share(48, 80), share(56, 70))!;
    expect(round4(back.ci[0])).toBe(-0.3339);
    expect(round4(back.ci[1])).toBe(-0.0524);
    expect(back.verdict).toBe('down');
  });

  it('is stable when the interval contains 0', () => {
    const d = difference(share(30, 60), share(25, 60))!;
    expect(d.ci[0]).toBeLessThan(0);
    expect(d.ci[1]).toBeGreaterThan(0);
    expect(d.verdict).toBe('stable');
  });

  it('is null when either side is suppressed, has no value or no interval', () => {
    const shown = { value: 57.3, ci: [52.1, 62.3] as [number, number], suppressed: false };
    const hidden = { value: null, ci: null, suppressed: true };
    expect(difference(shown, shown)).not.toBeNull();
    expect(difference(hidden, shown)).toBeNull();
    expect(difference(shown, hidden)).toBeNull();
    // Flagged suppressed though its value was left in: still never compared.
    expect(difference(shown, { ...shown, suppressed: true })).toBeNull();
    expect(difference(shown, { ...shown, value: null })).toBeNull();
    // A median is published without an interval.
    expect(difference(shown, { ...shown, ci: null })).toBeNull();
    expect(difference({ ...shown, ci: null }, shown)).toBeNull();
    expect(difference(shown, null)).toBeNull();
    expect(difference(undefined, shown)).toBeNull();
  });
});
