import type { RequestHandler } from './$types';
import app from '$api/app.server';

/** Hands every /api request to the Hono app, with the Worker's bindings and context. */
const toHono: RequestHandler = ({ request, platform }) => {
  if (!platform)
    throw new Error('The API needs the Cloudflare platform (wrangler dev or Workers).');
  return app.fetch(request, platform.env, platform.ctx);
};

export const GET = toHono;
export const POST = toHono;
export const PUT = toHono;
export const PATCH = toHono;
export const DELETE = toHono;
export const OPTIONS = toHono;
export const HEAD = toHono;
