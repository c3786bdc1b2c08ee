/**
 * Answers worth a second look before sending: the same answer to every rating item, or numbers
 * that can hardly be true. The respondent is asked, kindly, to confirm; nothing is stored about
 * it, so a response carries no quality flag that could set it apart.
 */
import type { Answers } from './answers';
import type { Questionnaire, ScaleQuestion } from './model';

export type Doubt = 'same_ratings' | 'contract_hours' | 'actual_hours';

/** France's legal maximum working week: a contract above it is most likely a typo. */
export const LEGAL_MAX_WEEK_HOURS = 48;
/** Twelve hours every day of the week. */
export const PLAUSIBLE_MAX_ACTUAL_HOURS = 84;
/** Straight-lining is only read over enough items to mean something. */
export const MIN_RATINGS_FOR_SAME = 8;

export interface Check {
  doubt: Doubt;
  /** The step (1-based) that asks it, for a link back. */
  step: number;
}

export function plausibilityChecks(questionnaire: Questionnaire, answers: Answers): Check[] {
  const stepOf = (code: string) =>
    questionnaire.sections.findIndex((s) => s.questions.some((q) => q.code === code)) + 1;
  const checks: Check[] = [];

  const ratings = questionnaire.sections
    .flatMap((s) => s.questions)
    .filter((q): q is ScaleQuestion => q.type === 'scale' && q.instrument !== undefined);
  const positions = ratings
    .filter((q) => typeof answers[q.code] === 'string')
    .map((q) => q.options.findIndex((o) => o.code === answers[q.code]));
  if (positions.length >= MIN_RATINGS_FOR_SAME && new Set(positions).size === 1)
    checks.push({ doubt: 'same_ratings', step: stepOf(ratings[0]!.code) });

  const hours = (code: string) => (typeof answers[code] === 'number' ? answers[code] : null);
  const contract = hours('work.hours_contract');
  if (contract !== null && contract > LEGAL_MAX_WEEK_HOURS)
    checks.push({ doubt: 'contract_hours', step: stepOf('work.hours_contract') });
  const actual = hours('work.hours_actual');
  if (actual !== null && actual > PLAUSIBLE_MAX_ACTUAL_HOURS)
    checks.push({ doubt: 'actual_hours', step: stepOf('work.hours_actual') });
  return checks;
}
