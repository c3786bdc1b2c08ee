import { error } from '@sveltejs/kit';
import { ApiError } from '$api/lib/errors';
import { packageResponse, packageStore } from '$api/publication/storage.server';
import { m } from '$lib/paraglide/messages';
import { dbOf } from '$lib/server/platform';
import type { RequestHandler } from './$types';

/** The zip itself: the same file as GET /api/v1/editions/{year}/package, in either language. */
export const GET: RequestHandler = async ({ params, platform }) => {
  const year = Number(params.year);
  try {
    return await packageResponse(dbOf(platform), packageStore(platform!.env), year);
  } catch (e) {
    // An endpoint's error gets the static error page: its message must say what to do.
    if (e instanceof ApiError && e.status === 404) error(404, m.data_no_package({ year }));
    if (e instanceof ApiError && e.status === 503) error(503, m.data_package_building({ year }));
    throw e;
  }
};
