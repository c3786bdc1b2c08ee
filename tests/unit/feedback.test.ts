import { describe, expect, it } from 'vitest';
import { ownScores, personalFeedback } from '../../api/feedback/personal';
import type { IndicatorFigure, Summary } from '../../api/findings/summary';
import { getQuestionnaire } from '../../api/survey/questionnaires';
import { blocksOf } from '../../web/lib/survey/layout';

const questionnaire = getQuestionnaire('2026.1')!;
const who5 = (code: string) =>
  Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`wellbeing.who5_${i}`, code]));

const figure = (code: string, value: number | null, suppressed = false): IndicatorFigure => ({
  code,
  label: { fr: code, en: code },
  unit: code.endsWith('_mean') ? 'score' : 'percent',
  value,
  ci: value === null ? null : [value - 4, value + 4],
  n: value === null ? null : 400,
  suppressed,
});

function summary(indicators: IndicatorFigure[]): Summary {
  return {
    edition: 2026,
    k: 10,
    noise: 2,
    provisional: true,
    n: 400,
    indicators,
    breakdowns: {},
    questions: [],
  };
}

describe('a respondent’s own scores', () => {
  it('are read from the option scores of their answers', () => {
    const own = ownScores(questionnaire, {
      ...who5('f2'),
      'wellbeing.cbi_1': 'd75',
      'wellbeing.cbi_2': 'd50',
      'wellbeing.cbi_3': 'd100',
      'wellbeing.cbi_7': 'always',
      'exposure.harassment_12m': 'yes',
    });
    // WHO-5: 5 items at 2 → 10 × 4. CBI: (75 + 50 + 100 + (100 − 100)) / 4, item 7 reversed.
    expect(own).toEqual({ who5: 40, cbi: 56.25, harassed: true });
  });

  it('are null when too few items are answered, and harassment is a yes only', () => {
    const own = ownScores(questionnaire, {
      'wellbeing.who5_1': 'f5',
      'wellbeing.cbi_1': 'd75',
      'exposure.harassment_12m': 'undisclosed',
    });
    expect(own).toEqual({ who5: null, cbi: null, harassed: false });
    expect(ownScores(questionnaire, {})).toEqual({ who5: null, cbi: null, harassed: false });
  });
});

describe('personal feedback', () => {
  const released = summary([
    figure('who5_mean', 54.2),
    figure('who5_poor', 38),
    figure('who5_depression', 14),
    figure('cbi_mean', 47),
    figure('cbi_high', 41, true),
  ]);

  it('offers help for a WHO-5 of 28 or 49, or for harassment, and not for 52', () => {
    const care = (who5: number | null, harassed = false) =>
      personalFeedback({ who5, cbi: null, harassed }, released).care;
    expect(care(28)).toBe(true);
    expect(care(49)).toBe(true);
    expect(care(52)).toBe(false);
    expect(care(52, true)).toBe(true);
    expect(care(null)).toBe(false);
  });

  it('places the score against the released share on its side of the cut-off', () => {
    const at = (who5: number) => personalFeedback({ who5, cbi: null, harassed: false }, released);
    expect(at(28).who5).toMatchObject({
      band: 'depression',
      mean: 54.2,
      sameBand: { percent: 14 },
    });
    expect(at(40).who5).toMatchObject({ band: 'poor', sameBand: { percent: 38, ci: [34, 42] } });
    // Those at 50 or more are the complement of the released share under 50.
    expect(at(52).who5).toMatchObject({ band: 'fair', sameBand: { percent: 62, ci: [58, 66] } });
  });

  it('never reads a suppressed figure, and compares with nothing before the first release', () => {
    const cbi = personalFeedback({ who5: null, cbi: 60, harassed: false }, released).cbi;
    expect(cbi).toEqual({ score: 60, band: 'high', mean: 47, sameBand: null });
    const early = personalFeedback({ who5: 60, cbi: 20, harassed: false }, null);
    expect(early.who5).toEqual({ score: 60, band: 'fair', mean: null, sameBand: null });
    expect(early.cbi).toEqual({ score: 20, band: 'below', mean: null, sameBand: null });
  });
});

describe('a step’s layout', () => {
  it('groups the rating items that share a scale and follow each other', () => {
    const wellbeing = questionnaire.sections.find((s) => s.code === 'wellbeing')!;
    const blocks = blocksOf(wellbeing.questions);
    expect(
      blocks.map((b) => (b.kind === 'rating' ? b.items.map((q) => q.code) : b.question.code)),
    ).toEqual([
      Object.keys(who5('f0')),
      ['wellbeing.cbi_1', 'wellbeing.cbi_2', 'wellbeing.cbi_3'],
      ['wellbeing.cbi_4', 'wellbeing.cbi_5', 'wellbeing.cbi_6', 'wellbeing.cbi_7'],
    ]);
  });
});
