import { keyFindingsOf } from '$api/releases/key-findings.server';
import { findingsEdition, getSummary } from '$api/releases/read.server';
import { SALARY_QUESTION } from '$api/report/report.server';
import { questionOf } from '$lib/server/charts';
import { orPageError } from '$lib/server/domain';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const year = Number(params.year);
  const summary = await orPageError(getSummary(locals.db, year));
  const { questionnaire } = await findingsEdition(locals.db, year);
  return {
    summary,
    salary: questionOf(questionnaire, SALARY_QUESTION),
    keyFindings: await keyFindingsOf(locals.db, summary),
  };
};
