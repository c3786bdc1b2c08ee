import { getKeyFindings } from '$api/releases/key-findings.server';
import { getReport } from '$api/report/report.server';
import { orPageError } from '$lib/server/domain';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => ({
  report: await orPageError(getReport(locals.db, Number(params.year))),
  keyFindings: await getKeyFindings(locals.db, Number(params.year)),
  // Printed links show where they lead, which needs absolute addresses.
  origin: url.origin,
});
