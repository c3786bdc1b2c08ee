import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorFigure } from '../../api/findings/summary';
import { compareIndicators } from '../../api/report/comparison';
import { pickPerTheme } from '../../api/report/testimonial-selection';
import { formatDifference } from '../../web/lib/findings/format';

const figure = (
  code: string,
  value: number | null,
  unit: IndicatorFigure['unit'] = 'percent',
): IndicatorFigure => ({
  code,
  label: { fr: code, en: code },
  unit,
  value,
  ci: value === null ? null : [value - 1, value + 1],
  n: value === null ? null : 100,
  suppressed: value === null,
});

describe('compareIndicators', () => {
  it('subtracts the previous value, rounded to the published decimal', () => {
    const [evenings, wellbeing, overtime] = compareIndicators(
      [figure('evenings', 57.2), figure('who5', 53.3, 'score'), figure('overtime', 6, 'hours')],
      [figure('evenings', 51.4), figure('who5', 53.7, 'score'), figure('overtime', 6, 'hours')],
    );
    // 57.2 − 51.4 is 5.800000000000004 in floating point.
    expect(evenings).toMatchObject({ current: 57.2, previous: 51.4, difference: 5.8 });
    expect(wellbeing).toMatchObject({ unit: 'score', difference: -0.4 });
    expect(Object.is(overtime!.difference, 0)).toBe(true);
  });

  it('computes nothing from a suppressed figure, on either side', () => {
    const rows = compareIndicators(
      [figure('a', null), figure('b', 40), figure('c', null)],
      [figure('a', 30), figure('b', null), figure('c', null)],
    );
    expect(rows.map((r) => [r.current, r.previous, r.difference])).toEqual([
      [null, 30, null],
      [40, null, null],
      [null, null, null],
    ]);
  });

  it('trusts the suppressed flag over a value left in place', () => {
    const leaky = { ...figure('a', 12), suppressed: true };
    const [row] = compareIndicators([leaky], [figure('a', 10)]);
    expect(row).toMatchObject({ current: null, difference: null });
  });

  it('tells an indicator the previous edition did not measure from a suppressed one', () => {
    const [added, hidden] = compareIndicators(
      [figure('added', 20), figure('hidden', 20)],
      [figure('hidden', null)],
    );
    expect(added).toMatchObject({ previous: null, measuredBefore: false, difference: null });
    expect(hidden).toMatchObject({ previous: null, measuredBefore: true, difference: null });
  });

  it('has a difference exactly when both figures are published', () => {
    const value = fc.option(fc.integer({ min: 0, max: 1000 }).map((x) => x / 10));
    fc.assert(
      fc.property(value, value, (now, then) => {
        const [row] = compareIndicators([figure('x', now)], [figure('x', then)]);
        if (now === null || then === null) return row!.difference === null;
        return row!.difference === Math.round((now - then) * 10) / 10;
      }),
    );
  });
});

describe('pickPerTheme', () => {
  const t = (id: string) => ({ id });

  it('keeps the themes’ order, quotes each testimonial once and drops empty themes', () => {
    const picked = pickPerTheme(
      [
        { theme: 'isolation', items: [t('a'), t('b'), t('c')] },
        { theme: 'crisis', items: [t('a'), t('b')] },
        { theme: 'workload', items: [t('b'), t('d'), t('e'), t('f')] },
        { theme: 'career', items: [] },
      ],
      2,
    );
    expect(picked).toEqual([
      { theme: 'isolation', items: [t('a'), t('b')] },
      { theme: 'workload', items: [t('d'), t('e')] },
    ]);
  });
});

describe('formatDifference', () => {
  it('signs the change and gives shares in percentage points', () => {
    expect(formatDifference(5.8, 'percent', 'fr')).toBe('+5,8\u00a0pts');
    expect(formatDifference(-0.4, 'score', 'en')).toBe('-0.4');
    expect(formatDifference(0, 'hours', 'fr')).toBe('0\u00a0h');
    expect(formatDifference(null, 'percent', 'en')).toBe('—');
  });
});
