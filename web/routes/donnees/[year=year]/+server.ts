import { getPackage, packageStore } from '$api/publication/storage';
import { findingsOr404 } from '$lib/server/findings';
import { dbOf } from '$lib/server/platform';
import type { RequestHandler } from './$types';

/** The zip itself: the same file as GET /api/v1/editions/{year}/package, in either language. */
export const GET: RequestHandler = async ({ params, platform }) => {
  const object = await findingsOr404(() =>
    getPackage(dbOf(platform), packageStore(platform!.env), Number(params.year)),
  );
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set('etag', object.httpEtag);
  headers.set('content-length', String(object.size));
  return new Response(object.body, { headers });
};
