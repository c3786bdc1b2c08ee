import { error } from '@sveltejs/kit';
import { crosstabAxes } from '$api/findings/crosstab';
import { DIMENSIONS } from '$api/findings/definitions';
import { findingsEdition, getQuestionTrend, getSummary } from '$api/releases/read.server';
import { questionsOf } from '$api/survey/model';
import { questionOf } from '$lib/server/charts';
import { orPageError } from '$lib/server/domain';
import type { PageServerLoad } from './$types';

/** A question of an edition: its codebook entry, its answers, its cross-tabs and its trend. */
export const load: PageServerLoad = async ({ params, locals }) => {
  const year = Number(params.year);
  const { questionnaire } = await orPageError(findingsEdition(locals.db, year));
  const question = questionsOf(questionnaire).find((q) => q.code === params.code);
  const charted = question && questionOf(questionnaire, question.code);
  if (!question || !charted)
    error(404, `The ${year} questionnaire has no question ${params.code}.`);
  const all = questionsOf(questionnaire);
  const condition = question.showIf && all.find((q) => q.code === question.showIf!.question);
  const axes = crosstabAxes(questionnaire);
  const summary = await getSummary(locals.db, year);
  return {
    year,
    question: {
      ...charted,
      type: question.type,
      help: question.help ?? null,
      required: question.required === true,
      options:
        'options' in question
          ? question.options.map((o) => ({ code: o.code, label: o.label }))
          : [],
    },
    section: questionnaire.sections.find((s) => s.questions.includes(question))!.title,
    routing: condition && {
      question: condition.label,
      options: question.showIf!.anyOf.map(
        (code) =>
          ('options' in condition ? condition.options : []).find((o) => o.code === code)?.label ?? {
            fr: code,
            en: code,
          },
      ),
    },
    summary,
    figure: summary.questions.find((q) => q.code === question.code) ?? null,
    // Its cross-tabs by profile, when it is a single choice outside the profile.
    breakdowns: axes.cols.some((c) => c.code === question.code)
      ? axes.rows.map((r) => ({
          code: r.code,
          label: DIMENSIONS.find((d) => d.question === r.code)?.label ?? r.label,
        }))
      : [],
    trend: await getQuestionTrend(locals.db, question.code),
  };
};
