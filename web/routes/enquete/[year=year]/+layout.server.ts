import { error } from '@sveltejs/kit';
import { ApiError } from '$api/lib/errors';
import { findEdition } from '$api/survey/service.server';
import { dbOf } from '$lib/server/platform';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, platform }) => {
  try {
    const { questionnaire, year, status, opensOn, closesOn, k } = await findEdition(
      dbOf(platform),
      Number(params.year),
    );
    return { edition: { year, status, opensOn, closesOn, k }, questionnaire };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) error(404, e.message);
    throw e;
  }
};
