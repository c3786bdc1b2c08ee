import { getKeyFindings } from '$api/releases/key-findings.server';
import { findingsEdition } from '$api/releases/read.server';
import { SALARY_QUESTION, getReport } from '$api/report/report.server';
import { questionOf } from '$lib/server/charts';
import { orPageError } from '$lib/server/domain';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => ({
  report: await orPageError(getReport(locals.db, Number(params.year))),
  keyFindings: await getKeyFindings(locals.db, Number(params.year)),
  salaryQuestion: questionOf(
    (await findingsEdition(locals.db, Number(params.year))).questionnaire,
    SALARY_QUESTION,
  ),
  // Printed links show where they lead, which needs absolute addresses.
  origin: url.origin,
});
