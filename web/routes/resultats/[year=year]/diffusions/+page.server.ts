import { listReleases } from '$api/releases/read.server';
import { orPageError } from '$lib/server/domain';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const year = Number(params.year);
  return { year, releases: await orPageError(listReleases(locals.db, year)) };
};
