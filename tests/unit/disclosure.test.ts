import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNT_ROUNDING_BASE, publicCount } from '../../api/findings/disclosure';

describe('publicCount', () => {
  it('suppresses counts under k', () => {
    expect(publicCount(0, 10)).toBeNull();
    expect(publicCount(9, 10)).toBeNull();
    expect(publicCount(4, 5)).toBeNull();
  });

  it('rounds counts at or over k to the nearest ten', () => {
    expect(publicCount(10, 10)).toBe(10);
    expect(publicCount(14, 10)).toBe(10);
    expect(publicCount(15, 10)).toBe(20);
    expect(publicCount(5, 5)).toBe(10);
    expect(publicCount(1234, 10)).toBe(1230);
  });

  it('hides a single added response: n and n+1 publish the same value but across a rounding edge', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 1_000_000 }),
        fc.integer({ min: 5, max: 10 }),
        (n, k) => {
          const published = publicCount(n, k)!;
          expect(published % COUNT_ROUNDING_BASE === 0 || published === k).toBe(true);
          expect(Math.abs(published - n)).toBeLessThanOrEqual(COUNT_ROUNDING_BASE / 2 + k);
        },
      ),
    );
  });
});
