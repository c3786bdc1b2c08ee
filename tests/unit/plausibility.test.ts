import { describe, expect, it } from 'vitest';
import { plausibilityChecks } from '../../api/survey/plausibility';
import { getQuestionnaire } from '../../api/survey/questionnaires';
import type { ScaleQuestion } from '../../api/survey/model';

const questionnaire = getQuestionnaire('2026.1')!;
const ratings = questionnaire.sections
  .flatMap((s) => s.questions)
  .filter((q): q is ScaleQuestion => q.type === 'scale' && q.instrument !== undefined);
/** Every rating item answered at option `position`, or the first `count` of them. */
const rated = (position: (i: number) => number, count = ratings.length) =>
  Object.fromEntries(ratings.slice(0, count).map((q, i) => [q.code, q.options[position(i)]!.code]));

describe('plausibility checks', () => {
  it('ask about the same answer to every rating item, read over eight items or more', () => {
    expect(ratings).toHaveLength(12);
    expect(
      plausibilityChecks(
        questionnaire,
        rated(() => 0),
      ),
    ).toEqual([{ doubt: 'same_ratings', step: 5 }]);
    expect(
      plausibilityChecks(
        questionnaire,
        rated(() => 2, 8),
      ),
    ).toEqual([{ doubt: 'same_ratings', step: 5 }]);
    expect(
      plausibilityChecks(
        questionnaire,
        rated(() => 2, 7),
      ),
    ).toEqual([]);
    expect(
      plausibilityChecks(
        questionnaire,
        rated((i) => (i === 11 ? 1 : 0)),
      ),
    ).toEqual([]);
  });

  it('ask about hours beyond the legal week, or beyond twelve a day', () => {
    const hours = (contract: number, actual: number) =>
      plausibilityChecks(questionnaire, {
        'work.hours_contract': contract,
        'work.hours_actual': actual,
      });
    expect(hours(48, 84)).toEqual([]);
    expect(hours(49, 85)).toEqual([
      { doubt: 'contract_hours', step: 2 },
      { doubt: 'actual_hours', step: 2 },
    ]);
    expect(plausibilityChecks(questionnaire, {})).toEqual([]);
  });
});
