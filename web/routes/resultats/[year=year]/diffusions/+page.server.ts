import { listReleases } from '$api/releases/read.server';
import { dbOf } from '$lib/server/platform';
import { findingsOr404 } from '$lib/server/findings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, platform }) => {
  const year = Number(params.year);
  return { year, releases: await findingsOr404(() => listReleases(dbOf(platform), year)) };
};
