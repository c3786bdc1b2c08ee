/**
 * A chart from its explorer state (the query of its URL): the chart pages, their SVG and their
 * embed read the current releases through this, as the results pages do.
 */
import { DEFAULT_K } from '$api/findings/disclosure';
import {
  DIMENSIONS,
  INDICATORS,
  dimensionByCode,
  indicatorByCode,
  type DimensionDef,
} from '$api/findings/definitions';
import { ApiError } from '$api/lib/errors';
import { findingsEdition, getSummary, getTrend } from '$api/releases/read.server';
import { questionsOf, type Locale, type Question, type Questionnaire } from '$api/survey/model';
import { questionnaires } from '$api/survey/questionnaires';
import type { Db } from '$api/lib/db.server';
import {
  breakdownChart,
  questionChart,
  scoresChart,
  sharesChart,
  trendChart,
  type ChartKind,
  type ChartView,
} from '$lib/charts/figures';

export async function loadChart(
  db: Db,
  kind: ChartKind,
  query: URLSearchParams,
  locale: Locale,
): Promise<ChartView> {
  if (kind === 'trend') {
    const indicator = pick(query, 'indicator', indicatorByCode, INDICATORS);
    return trendChart(indicator, await getTrend(db, indicator.code), DEFAULT_K, locale);
  }
  const s = await getSummary(db, edition(query));
  if (kind === 'shares') return sharesChart(s, locale);
  if (kind === 'scores') return scoresChart(s, locale);
  if (kind === 'question') {
    const code = query.get('question') ?? '';
    const { questionnaire } = await findingsEdition(db, s.edition);
    const question = questionOf(questionnaire, code);
    const figure = s.questions.find((q) => q.code === code);
    if (!question || figure?.type !== 'choice')
      throw new ApiError(
        400,
        'invalid_parameter',
        `Unknown question "${code.slice(0, 60)}": expected a choice question of ${s.edition}.`,
        {
          question: 'Expected the code of a choice question of this edition.',
        },
      );
    return questionChart(s, question, figure.options, locale);
  }
  const indicator = pick(query, 'indicator', indicatorByCode, INDICATORS);
  const by = pick(query, 'by', dimensionByCode, DIMENSIONS);
  const cells = s.breakdowns[indicator.code]?.[by.code] ?? [];
  return breakdownChart(s, indicator, { ...by, ordered: isOrdered(by) }, cells, locale);
}

function edition(query: URLSearchParams): number {
  const year = query.get('edition') ?? '';
  if (!/^20\d\d$/.test(year))
    throw new ApiError(400, 'invalid_parameter', 'The edition must be a year such as 2025.', {
      edition: 'Expected a year such as 2025.',
    });
  return Number(year);
}

/** A code from the query, which must be one of `all`; absent, the first of them. */
function pick<T extends { code: string }>(
  query: URLSearchParams,
  field: string,
  byCode: ReadonlyMap<string, T>,
  all: readonly T[],
): T {
  const code = query.get(field);
  if (code === null) return all[0]!;
  const found = byCode.get(code);
  if (!found)
    throw new ApiError(400, 'invalid_parameter', `Unknown ${field} "${code.slice(0, 40)}".`, {
      [field]: `Expected one of ${all.map((a) => a.code).join(', ')}.`,
    });
  return found;
}

/** A question as its charts name it; null for free text, which has no figures. */
export function questionOf(questionnaire: Questionnaire, code: string) {
  const q = questionsOf(questionnaire).find((x) => x.code === code);
  return q && q.type !== 'text'
    ? { code: q.code, label: q.label, ordered: isOrderedQuestion(q) }
    : null;
}

/** Scales, and choices whose options run in order (bands, frequencies), keep their order. */
export function isOrderedQuestion(q: Question): boolean {
  return q.type === 'scale' || ((q.type === 'single' || q.type === 'multi') && q.ordered === true);
}

/** Whether the characteristic's options are ordered in any questionnaire (age, experience, size). */
export function isOrdered(by: DimensionDef): boolean {
  return Object.values(questionnaires).some((q) =>
    questionsOf(q).some((question) => question.code === by.question && isOrderedQuestion(question)),
  );
}
