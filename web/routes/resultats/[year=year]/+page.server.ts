import { getSummary } from '$api/releases/read.server';
import { dbOf } from '$lib/server/platform';
import { findingsOr404 } from '$lib/server/findings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, platform }) => ({
  summary: await findingsOr404(() => getSummary(dbOf(platform), Number(params.year))),
});
