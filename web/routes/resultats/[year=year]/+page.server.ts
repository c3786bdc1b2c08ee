import { getSummary } from '$api/releases/read.server';
import { orPageError } from '$lib/server/domain';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => ({
  summary: await orPageError(getSummary(locals.db, Number(params.year))),
});
