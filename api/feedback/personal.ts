/**
 * A respondent's own feedback, right after they submit: their WHO-5 and CBI scores, what the
 * published cut-offs say of them, and how they compare with the edition's last release. It reads
 * their answers in that request and released aggregates only, and is stored nowhere.
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
import type { Figure, Summary } from '../findings/summary';
import type { Answers } from '../survey/answers';
import { hasOptions, questionsOf, type Questionnaire } from '../survey/model';

/** What the respondent's own answers say: their scores, and whether they reported harassment. */
export interface OwnScores {
  who5: number | null;
  cbi: number | null;
  harassed: boolean;
}

export type Who5Band = 'depression' | 'poor' | 'fair';
export type CbiBand = 'high' | 'below';

/** A released share, as a percentage, for the respondents on the same side of a cut-off. */
export interface ReleasedShare {
  percent: number;
  ci: [number, number] | null;
}

export interface ScoreFeedback<Band> {
  score: number;
  band: Band;
  /** The released mean of the edition, when it is published. */
  mean: number | null;
  /** The released share of respondents in the same band, when it is published. */
  sameBand: ReleasedShare | null;
}

export interface Feedback {
  who5: ScoreFeedback<Who5Band> | null;
  cbi: ScoreFeedback<CbiBand> | null;
  /** Help is offered: a low WHO-5, or harassment or threats reported. */
  care: boolean;
}

const HARASSMENT = { question: 'exposure.harassment_12m', yes: 'yes' } as const;

/** The option score of each item, null when unanswered. */
function itemScores(questionnaire: Questionnaire, answers: Answers, codes: readonly string[]) {
  const byCode = new Map(questionsOf(questionnaire).map((q) => [q.code, q]));
  return codes.map((code) => {
    const q = byCode.get(code);
    const answer = answers[code];
    if (!q || !hasOptions(q) || typeof answer !== 'string') return null;
    return q.options.find((o) => o.code === answer)?.score ?? null;
  });
}

export function ownScores(questionnaire: Questionnaire, answers: Answers): OwnScores {
  const who5Items = itemScores(questionnaire, answers, WHO5_ITEMS);
  const cbiItems = itemScores(questionnaire, answers, CBI_ITEMS);
  return {
    who5: who5Items.some((i) => i !== null) ? who5Score(who5Items) : null,
    cbi: cbiItems.some((i) => i !== null) ? cbiWorkScore(cbiItems) : null,
    harassed: answers[HARASSMENT.question] === HARASSMENT.yes,
  };
}

export function who5Band(score: number): Who5Band {
  if (score <= WHO5_DEPRESSION_AT_OR_BELOW) return 'depression';
  return score < WHO5_POOR_BELOW ? 'poor' : 'fair';
}

export const cbiBand = (score: number): CbiBand =>
  score >= CBI_HIGH_AT_OR_ABOVE ? 'high' : 'below';

/** A published figure, or null when it was suppressed or not computed. */
function released(summary: Summary | null, code: string): Figure | null {
  const figure = summary?.indicators.find((i) => i.code === code);
  return figure && !figure.suppressed && figure.value !== null ? figure : null;
}

const share = (figure: Figure | null): ReleasedShare | null =>
  figure ? { percent: figure.value!, ci: figure.ci } : null;

/** The complement of a released share: those on the other side of its cut-off. */
const complement = (figure: Figure | null): ReleasedShare | null =>
  figure
    ? { percent: 100 - figure.value!, ci: figure.ci && [100 - figure.ci[1], 100 - figure.ci[0]] }
    : null;

function who5Feedback(score: number, summary: Summary | null): ScoreFeedback<Who5Band> {
  const band = who5Band(score);
  const poor = released(summary, 'who5_poor');
  const depression = released(summary, 'who5_depression');
  return {
    score,
    band,
    mean: released(summary, 'who5_mean')?.value ?? null,
    sameBand:
      band === 'depression' ? share(depression) : band === 'poor' ? share(poor) : complement(poor),
  };
}

function cbiFeedback(score: number, summary: Summary | null): ScoreFeedback<CbiBand> {
  const band = cbiBand(score);
  const high = released(summary, 'cbi_high');
  return {
    score,
    band,
    mean: released(summary, 'cbi_mean')?.value ?? null,
    sameBand: band === 'high' ? share(high) : complement(high),
  };
}

/** `summary` is the edition's last release, or null before the first one. */
export function personalFeedback(own: OwnScores, summary: Summary | null): Feedback {
  return {
    who5: own.who5 === null ? null : who5Feedback(own.who5, summary),
    cbi: own.cbi === null ? null : cbiFeedback(own.cbi, summary),
    care: own.harassed || (own.who5 !== null && own.who5 < WHO5_POOR_BELOW),
  };
}
