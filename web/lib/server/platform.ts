import { error } from '@sveltejs/kit';
import { getDb } from '$api/lib/db.server';

/** The D1 handle of the request; pages call domain modules with it, never the API over HTTP. */
export function dbOf(platform: App.Platform | undefined) {
  if (!platform) error(500, 'The Cloudflare platform is missing: run the Worker with wrangler.');
  return getDb(platform.env.DB);
}
