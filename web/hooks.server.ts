import { error, type Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getDb } from '$api/lib/db.server';
import { applySecurityHeaders } from '$api/lib/security-headers';
import { paraglideMiddleware } from '$lib/paraglide/server';

const i18n: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    return resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale),
    });
  });

const securityHeaders: Handle = async ({ event, resolve }) => {
  const resolved = await resolve(event);
  // Responses passed through from fetch() have immutable headers; copy before setting.
  const response = new Response(resolved.body, resolved);
  applySecurityHeaders(response.headers, event.url.pathname);
  return response;
};

/** Pages call domain modules with the request's database, never the API over HTTP. */
const database: Handle = ({ event, resolve }) => {
  if (!event.platform)
    error(500, 'The Cloudflare platform is missing: run the Worker with wrangler.');
  event.locals.db = getDb(event.platform.env.DB);
  return resolve(event);
};

export const handle = sequence(securityHeaders, i18n, database);
