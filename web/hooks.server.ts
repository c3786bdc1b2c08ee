import { error, type Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { maxBodyBytes } from '$api/lib/body-limit';
import { getDb } from '$api/lib/db.server';
import { applySecurityHeaders } from '$api/lib/security-headers';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { checkedFormPost } from '$lib/server/form-body';

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

/** Form posts to pages; the API under /api guards its own bodies (api/app.server.ts). */
const formBodies: Handle = async ({ event, resolve }) => {
  if (event.request.method === 'POST' && !event.url.pathname.startsWith('/api/'))
    event.request = await checkedFormPost(event.request, maxBodyBytes(event.platform!.env));
  return resolve(event);
};

export const handle = sequence(securityHeaders, i18n, formBodies, database);
