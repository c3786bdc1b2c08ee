import { getReport } from '$api/report/report.server';
import { dbOf } from '$lib/server/platform';
import { findingsOr404 } from '$lib/server/findings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, platform, url }) => ({
  report: await findingsOr404(() => getReport(dbOf(platform), Number(params.year))),
  // Printed links show where they lead, which needs absolute addresses.
  origin: url.origin,
});
