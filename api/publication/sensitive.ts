/**
 * The sensitive attributes of the microdata (docs/architecture.md, privacy rules): what someone who knows a colleague's
 * profile must not learn from the class that profile falls in. Each must take at least l distinct
 * values in every class (distinct l-diversity), a missing answer counting as a value of its own.
 * The scores are read in the bands the findings use, so a class holding WHO-5 scores of 20 and
 * 24 still counts as saying "likely depression" for everyone in it. Pure.
 */
import {
  CBI_HIGH_AT_OR_ABOVE,
  CBI_ITEMS,
  cbiWorkScore,
  WHO5_DEPRESSION_AT_OR_BELOW,
  WHO5_ITEMS,
  WHO5_POOR_BELOW,
  who5Score,
} from '../findings/scoring';
import type { Localized, Questionnaire } from '../survey/model';
import { optionsOf, questionsOf } from '../survey/questionnaires';
import type { ResponseAnswers } from './microdata';

export interface SensitiveAttribute {
  name: string;
  label: Localized;
  /** The questions it is read from. */
  questions: readonly string[];
  /** Its values; value i is coded i + 1, and 0 is no answer. */
  values: { code: string; label: Localized }[];
  /** The code of one response's value. */
  codeOf(answers: ResponseAnswers): number;
}

/** Choice questions whose answer is sensitive, as they are, with a name short enough for a table. */
const CHOICES: Record<string, Localized> = {
  'exposure.harassment_12m': {
    fr: 'Harcèlement ou menaces (12 mois)',
    en: 'Harassment or threats (12 months)',
  },
  'career.intent_leave': { fr: 'Intention de quitter son poste', en: 'Intent to leave the job' },
  'career.salary_band': { fr: 'Tranche de salaire', en: 'Salary band' },
};

const scoreBand =
  (
    items: readonly string[],
    score: (items: (number | null)[]) => number | null,
    bandOf: (x: number) => number,
  ) =>
  (answers: ResponseAnswers) => {
    const value = score(items.map((c) => answers.get(c)?.num ?? null));
    return value === null ? 0 : bandOf(value) + 1;
  };

const WHO5_BAND: SensitiveAttribute = {
  name: 'score.who5.band',
  label: { fr: 'Score WHO-5, par tranche', en: 'WHO-5 score, banded' },
  questions: WHO5_ITEMS,
  values: [
    {
      code: `le${WHO5_DEPRESSION_AT_OR_BELOW}`,
      label: {
        fr: `${WHO5_DEPRESSION_AT_OR_BELOW} ou moins (dépression probable)`,
        en: `${WHO5_DEPRESSION_AT_OR_BELOW} or less (likely depression)`,
      },
    },
    {
      code: `${WHO5_DEPRESSION_AT_OR_BELOW + 1}_${WHO5_POOR_BELOW - 1}`,
      label: {
        fr: `${WHO5_DEPRESSION_AT_OR_BELOW + 1} à ${WHO5_POOR_BELOW - 1} (bien-être faible)`,
        en: `${WHO5_DEPRESSION_AT_OR_BELOW + 1} to ${WHO5_POOR_BELOW - 1} (poor wellbeing)`,
      },
    },
    {
      code: `ge${WHO5_POOR_BELOW}`,
      label: { fr: `${WHO5_POOR_BELOW} ou plus`, en: `${WHO5_POOR_BELOW} or more` },
    },
  ],
  codeOf: scoreBand(WHO5_ITEMS, who5Score, (x) =>
    x <= WHO5_DEPRESSION_AT_OR_BELOW ? 0 : x < WHO5_POOR_BELOW ? 1 : 2,
  ),
};

const CBI_BAND: SensitiveAttribute = {
  name: 'score.cbi_work.band',
  label: { fr: 'Score CBI (travail), par tranche', en: 'CBI work-related score, banded' },
  questions: CBI_ITEMS,
  values: [
    {
      code: `lt${CBI_HIGH_AT_OR_ABOVE}`,
      label: { fr: `Moins de ${CBI_HIGH_AT_OR_ABOVE}`, en: `Under ${CBI_HIGH_AT_OR_ABOVE}` },
    },
    {
      code: `ge${CBI_HIGH_AT_OR_ABOVE}`,
      label: {
        fr: `${CBI_HIGH_AT_OR_ABOVE} ou plus (épuisement élevé)`,
        en: `${CBI_HIGH_AT_OR_ABOVE} or more (high burnout)`,
      },
    },
  ],
  codeOf: scoreBand(CBI_ITEMS, cbiWorkScore, (x) => (x < CBI_HIGH_AT_OR_ABOVE ? 0 : 1)),
};

/** The sensitive attributes a questionnaire has, in a fixed order. */
export function sensitiveAttributes(questionnaire: Questionnaire): SensitiveAttribute[] {
  const questions = new Map(questionsOf(questionnaire).map((q) => [q.code, q]));
  const has = (codes: readonly string[]) => codes.every((c) => questions.has(c));
  const choice = (code: string): SensitiveAttribute => {
    const options = optionsOf(questionnaire, code);
    const index = new Map(options.map((o, i) => [o.code, i + 1]));
    return {
      name: code,
      label: CHOICES[code]!,
      questions: [code],
      values: options.map((o) => ({ code: o.code, label: o.label })),
      codeOf: (answers) => index.get(answers.get(code)?.codes[0] ?? '') ?? 0,
    };
  };
  const [harassment, ...career] = Object.keys(CHOICES);
  return [
    ...(has([harassment!]) ? [choice(harassment!)] : []),
    ...(has(WHO5_ITEMS) ? [WHO5_BAND] : []),
    ...(has(CBI_ITEMS) ? [CBI_BAND] : []),
    ...career.filter((c) => has([c])).map(choice),
  ];
}
