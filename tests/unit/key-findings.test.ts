import { describe, expect, it } from 'vitest';
import { INDICATORS, indicatorByCode } from '../../api/findings/definitions';
import {
  HEADLINE_INDICATORS,
  MAX_KEY_FINDINGS,
  TEMPLATES,
  formatChange,
  formatFigure,
  keyFindings,
  quantifier,
  type SummaryFigures,
} from '../../api/findings/key-findings';
import type { IndicatorFigure } from '../../api/findings/summary';

/** French percent signs and "h" follow a no-break space: narrow per Intl, plain for units. */
const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** A published figure of indicator `code`, as a release stores it. */
function figure(code: string, value: number, ci: [number, number] | null): IndicatorFigure {
  const def = indicatorByCode.get(code)!;
  return { code, label: def.label, unit: def.unit, value, ci, n: 400, suppressed: false };
}

function suppressed(code: string): IndicatorFigure {
  const def = indicatorByCode.get(code)!;
  return {
    code,
    label: def.label,
    unit: def.unit,
    value: null,
    ci: null,
    n: null,
    suppressed: true,
  };
}

/** Every headline indicator published at 30% ± 3 (a dull default), overridden by `figures`. */
function summary(edition: number, figures: IndicatorFigure[] = []): SummaryFigures {
  const given = new Map(figures.map((f) => [f.code, f]));
  return {
    edition,
    indicators: INDICATORS.map(
      (i) =>
        given.get(i.code) ??
        (i.unit === 'percent'
          ? figure(i.code, 30, [27, 33])
          : figure(i.code, 50, i.reduce.kind === 'median' ? null : [48, 52])),
    ),
  };
}

const find = (findings: ReturnType<typeof keyFindings>, code: string) =>
  findings.find((f) => f.code === code);

describe('keyFindings: sentences', () => {
  it('writes the issue’s example with a change beyond its interval, in both languages', () => {
    const findings = keyFindings(
      summary(2026, [figure('evenings_2plus', 57, [55.5, 58.5])]),
      summary(2024, [figure('evenings_2plus', 53, [51.4, 54.6])]),
    );
    const evenings = find(findings, 'evenings_2plus')!;
    expect(evenings.text.fr).toBe(
      `Plus d’un CM sur deux (57${NNBSP}%) travaille le soir au moins deux fois par semaine, en hausse de 4${NBSP}points depuis 2024, au-delà de la marge d’incertitude.`,
    );
    expect(evenings.text.en).toBe(
      'More than one CM in two (57%) works evenings at least twice a week, up 4\u00a0points since 2024, beyond its margin of uncertainty.',
    );
    expect(evenings.value).toBe(57);
    expect(evenings.previous).toEqual({ edition: 2024, value: 53 });
    expect(evenings.change).toEqual({
      difference: 4,
      ci: [1.81, 6.19],
      verdict: 'up',
    });
  });

  it('says "down" for a fall beyond the interval', () => {
    const [first] = keyFindings(
      summary(2026, [figure('evenings_2plus', 41.5, [39.1, 43.9])]),
      summary(2025, [figure('evenings_2plus', 48, [45.6, 50.4])]),
    );
    expect(first!.change?.verdict).toBe('down');
    expect(first!.change?.difference).toBe(-6.5);
    expect(first!.text.fr).toBe(
      `Plus d’un CM sur trois (41,5${NNBSP}%) travaille le soir au moins deux fois par semaine, en baisse de 6,5${NBSP}points depuis 2025, au-delà de la marge d’incertitude.`,
    );
    expect(first!.text.en).toBe(
      'More than one CM in three (41.5%) works evenings at least twice a week, down 6.5\u00a0points since 2025, beyond its margin of uncertainty.',
    );
  });

  it('calls a change within the interval stable, and says so', () => {
    const [first] = keyFindings(
      summary(2026, [figure('evenings_2plus', 57, [52, 62])]),
      summary(2024, [figure('evenings_2plus', 56, [51, 61])]),
    );
    expect(first!.change?.verdict).toBe('stable');
    expect(first!.text.fr).toBe(
      `Plus d’un CM sur deux (57${NNBSP}%) travaille le soir au moins deux fois par semaine, stable depuis 2024 (l’écart de 1${NBSP}point reste dans la marge d’incertitude).`,
    );
    expect(first!.text.en).toBe(
      'More than one CM in two (57%) works evenings at least twice a week, stable since 2024 (the difference of 1\u00a0point is within its margin of uncertainty).',
    );
  });

  it('says an unchanged figure is unchanged', () => {
    const [first] = keyFindings(
      summary(2026, [figure('evenings_2plus', 57, [52, 62])]),
      summary(2024, [figure('evenings_2plus', 57, [52.5, 61.5])]),
    );
    expect(first!.change).toMatchObject({ difference: 0, verdict: 'stable' });
    expect(first!.text.fr).toMatch(/, stable depuis 2024 \(aucun écart\)\.$/);
    expect(first!.text.en).toMatch(/, unchanged since 2024\.$/);
  });

  it('writes means in their own words, with their change in points', () => {
    // Every share suppressed: the means stand in.
    const shares = HEADLINE_INDICATORS.filter((c) => TEMPLATES[c].kind === 'share');
    const findings = keyFindings(
      summary(2026, [...shares.map(suppressed), figure('who5_mean', 52.3, [51.1, 53.5])]),
      summary(2025, [figure('who5_mean', 50.8, [49.6, 52])]),
    );
    expect(findings.map((f) => f.code)).toEqual(['who5_mean', 'cbi_mean']);
    const who5 = find(findings, 'who5_mean')!;
    expect(who5.text.fr).toBe(
      `Les CM déclarent en moyenne un bien-être de 52,3 sur 100 (indice WHO-5), stable depuis 2025 (l’écart de 1,5${NBSP}point reste dans la marge d’incertitude).`,
    );
    expect(who5.text.en).toBe(
      'CMs report an average wellbeing of 52.3 out of 100 (WHO-5 index), stable since 2025 (the difference of 1.5\u00a0points is within its margin of uncertainty).',
    );
  });

  it('makes the verb agree with the quantifier', () => {
    const [first] = keyFindings(summary(2026, [figure('evenings_2plus', 70, [65, 75])]), null);
    expect(first!.text.fr).toBe(
      `Près de trois CM sur quatre (70${NNBSP}%) travaillent le soir au moins deux fois par semaine.`,
    );
    expect(first!.text.en).toBe(
      'Nearly three CMs in four (70%) work evenings at least twice a week.',
    );
  });
});

describe('keyFindings: what feeds a sentence', () => {
  it('skips a suppressed current figure and takes the next headline indicator', () => {
    const findings = keyFindings(
      summary(2026, [suppressed('evenings_2plus')]),
      summary(2024, [figure('evenings_2plus', 53, [51.4, 54.6])]),
    );
    expect(findings.map((f) => f.code)).toEqual([
      'cbi_high',
      'harassed_12m',
      'intent_leave',
      'who5_poor',
    ]);
    for (const f of findings) {
      expect(f.text.fr).not.toMatch(/soir/);
      expect(f.text.en).not.toMatch(/evening/);
    }
  });

  it('never writes a suppressed figure whose value was left in', () => {
    const leaked = { ...figure('evenings_2plus', 57, [55.5, 58.5]), suppressed: true };
    const findings = keyFindings(summary(2026, [leaked]), null);
    expect(find(findings, 'evenings_2plus')).toBeUndefined();
  });

  it('drops the comparison when the previous figure is suppressed', () => {
    for (const hidden of [
      suppressed('evenings_2plus'),
      { ...figure('evenings_2plus', 53, [51.4, 54.6]), suppressed: true },
      { ...figure('evenings_2plus', 53, [51.4, 54.6]), value: null },
    ]) {
      const [first] = keyFindings(
        summary(2026, [figure('evenings_2plus', 57, [55.5, 58.5])]),
        summary(2024, [hidden]),
      );
      expect(first!.code).toBe('evenings_2plus');
      expect(first!.text.fr).toBe(
        `Plus d’un CM sur deux (57${NNBSP}%) travaille le soir au moins deux fois par semaine.`,
      );
      expect(first!.text.en).toBe(
        'More than one CM in two (57%) works evenings at least twice a week.',
      );
      expect(first!.previous).toBeUndefined();
      expect(first!.change).toBeUndefined();
    }
  });

  it('has no comparison for the first edition', () => {
    const findings = keyFindings(summary(2024), null);
    expect(findings).toHaveLength(MAX_KEY_FINDINGS);
    for (const f of findings) {
      expect(f.previous).toBeUndefined();
      expect(f.change).toBeUndefined();
      expect(f.text.fr).not.toMatch(/depuis|marge/);
      expect(f.text.en).not.toMatch(/since|margin/);
      expect(f.text.fr).toMatch(/\.$/);
    }
  });

  it('has no comparison when the previous edition did not publish the indicator', () => {
    const previous = summary(2024);
    const without = {
      ...previous,
      indicators: previous.indicators.filter((i) => i.code !== 'evenings_2plus'),
    };
    const [first] = keyFindings(summary(2026), without);
    expect(first!.code).toBe('evenings_2plus');
    expect(first!.change).toBeUndefined();
    expect(keyFindings(summary(2026), without)[1]!.change).toBeDefined();
  });

  it('shows the first four headline indicators in order, fewer when fewer are published', () => {
    expect(keyFindings(summary(2026), summary(2025)).map((f) => f.code)).toEqual(
      HEADLINE_INDICATORS.slice(0, MAX_KEY_FINDINGS),
    );
    const all = keyFindings(summary(2026, HEADLINE_INDICATORS.map(suppressed)), summary(2025));
    expect(all).toEqual([]);
    const one = keyFindings(
      summary(2026, HEADLINE_INDICATORS.filter((c) => c !== 'weekends').map(suppressed)),
      null,
    );
    expect(one.map((f) => f.code)).toEqual(['weekends']);
  });

  it('refuses a "previous" edition that is not earlier', () => {
    expect(() => keyFindings(summary(2026), summary(2026))).toThrow(RangeError);
  });

  it('has a template of the right kind for every headline indicator, each a real one', () => {
    for (const code of HEADLINE_INDICATORS) {
      const def = indicatorByCode.get(code);
      expect(def, code).toBeDefined();
      expect(TEMPLATES[code].kind, code).toBe(def!.unit === 'percent' ? 'share' : 'mean');
      if (def!.unit !== 'percent') expect(def!.reduce.kind, code).toBe('mean');
    }
  });
});

describe('quantifier', () => {
  it.each([
    [50, 'Un CM sur deux', 'One CM in two'],
    [50.1, 'Plus d’un CM sur deux', 'More than one CM in two'],
    [49.9, 'Près d’un CM sur deux', 'Nearly one CM in two'],
    [45, 'Près d’un CM sur deux', 'Nearly one CM in two'],
    [44.9, 'Plus d’un CM sur trois', 'More than one CM in three'],
    [33.3, 'Un CM sur trois', 'One CM in three'],
    [33.4, 'Plus d’un CM sur trois', 'More than one CM in three'],
    [30, 'Près d’un CM sur trois', 'Nearly one CM in three'],
    [25, 'Un CM sur quatre', 'One CM in four'],
    [66.7, 'Deux CM sur trois', 'Two CMs in three'],
    [66.8, 'Plus de deux CM sur trois', 'More than two CMs in three'],
    [60.2, 'Près de deux CM sur trois', 'Nearly two CMs in three'],
    [57, 'Plus d’un CM sur deux', 'More than one CM in two'],
    [90.1, 'Plus de neuf CM sur dix', 'More than nine CMs in ten'],
    [9, 'Près d’un CM sur dix', 'Nearly one CM in ten'],
    [8.9, 'Moins d’un CM sur dix', 'Fewer than one CM in ten'],
    [100, 'La quasi-totalité des CM', 'Nearly all CMs'],
    [0, 'Très peu de CM', 'Very few CMs'],
  ])('%f%% → %s / %s', (percent, fr, en) => {
    expect(quantifier(percent).text).toEqual({ fr, en });
  });

  it('is true of every published share from 0 to 100', () => {
    for (let tenths = 0; tenths <= 1000; tenths++) {
      const p = tenths / 10;
      const q = quantifier(p);
      const f = q.fraction * 100;
      const published = Math.round(q.fraction * 1000) / 10;
      switch (q.claim) {
        case 'exactly':
          expect(p, `${p}`).toBe(published);
          break;
        case 'more':
          expect(p, `${p}`).toBeGreaterThan(f);
          break;
        case 'nearly':
          expect(p, `${p}`).toBeLessThan(f);
          expect(p, `${p}`).toBeGreaterThanOrEqual(0.9 * published);
          break;
        case 'fewer':
          expect(p, `${p}`).toBeLessThan(f);
          break;
        case 'almost-all':
          expect(p).toBe(100);
          break;
        case 'very-few':
          expect(p).toBe(0);
          break;
      }
      // Singular after "un", "plus d’un", "près d’un", "moins d’un"; plural after two or more.
      expect(q.plural, `${p}`).toBe(!/^(Un|Plus d’un|Près d’un|Moins d’un) /.test(q.text.fr));
    }
  });
});

describe('formatting', () => {
  it('writes figures per locale', () => {
    expect(formatFigure(57, 'percent', 'fr')).toBe(`57${NNBSP}%`);
    expect(formatFigure(57.3, 'percent', 'fr')).toBe(`57,3${NNBSP}%`);
    expect(formatFigure(57.3, 'percent', 'en')).toBe('57.3%');
    expect(formatFigure(7.5, 'hours', 'fr')).toBe(`7,5${NBSP}h`);
    expect(formatFigure(7.5, 'hours', 'en')).toBe(`7.5${NBSP}h`);
    expect(formatFigure(62.7, 'score', 'fr')).toBe('62,7');
  });

  it('writes changes unsigned, with the plural of each language', () => {
    expect(formatChange(-1, 'percent', 'fr')).toBe(`1${NBSP}point`);
    expect(formatChange(1.5, 'percent', 'fr')).toBe(`1,5${NBSP}point`);
    expect(formatChange(2, 'percent', 'fr')).toBe(`2${NBSP}points`);
    expect(formatChange(1, 'score', 'en')).toBe(`1${NBSP}point`);
    expect(formatChange(1.5, 'score', 'en')).toBe(`1.5${NBSP}points`);
    expect(formatChange(-2.5, 'hours', 'en')).toBe(`2.5${NBSP}h`);
  });
});
