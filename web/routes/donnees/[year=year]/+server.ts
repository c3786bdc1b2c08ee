import { error } from '@sveltejs/kit';
import { packageResponse, packageStore } from '$api/publication/storage.server';
import { m } from '$lib/paraglide/messages';
import { orPageError } from '$lib/server/domain';
import type { RequestHandler } from './$types';

/** The zip itself: the same file as GET /api/v1/editions/{year}/package, in either language. */
export const GET: RequestHandler = async ({ params, platform, locals }) => {
  const year = Number(params.year);
  // An endpoint's error gets the static error page: its message must say what to do.
  const building = () => error(503, m.data_package_building({ year }));
  return orPageError(packageResponse(locals.db, packageStore(platform!.env), year), {
    package_not_found: () => error(404, m.data_no_package({ year })),
    release_pending: building,
    package_building: building,
  });
};
