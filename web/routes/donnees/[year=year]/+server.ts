import { error } from '@sveltejs/kit';
import {
  BUILDING_RETRY_AFTER,
  packageDownload,
  packageStore,
} from '$api/publication/storage.server';
import { m } from '$lib/paraglide/messages';
import { orPageError } from '$lib/server/domain';
import type { RequestHandler } from './$types';

/**
 * The zip itself: the same file as GET /api/v1/editions/{year}/package, in either language.
 * While the release job builds it: 202, Retry-After, and a sentence that says to come back.
 */
export const GET: RequestHandler = async ({ params, platform, locals }) => {
  const year = Number(params.year);
  // An endpoint's error gets the static error page: its message must say what to do.
  const download = await orPageError(
    packageDownload(locals.db, packageStore(platform!.env), year),
    { package_not_found: () => error(404, m.data_no_package({ year })) },
  );
  return (
    download ??
    new Response(m.data_package_building({ year }), {
      status: 202,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'retry-after': String(BUILDING_RETRY_AFTER),
      },
    })
  );
};
