import { findEdition } from '$api/survey/service.server';
import { orPageError } from '$lib/server/domain';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, locals }) => {
  const { questionnaire, year, status, opensOn, closesOn, k, releaseThreshold } = await orPageError(
    findEdition(locals.db, Number(params.year)),
  );
  return { edition: { year, status, opensOn, closesOn, k, releaseThreshold }, questionnaire };
};
