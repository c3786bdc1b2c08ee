import { createMiddleware } from 'hono/factory';
import { ApiError } from './errors';

/** Bodies of the JSON API must say they are JSON: anything else is a 415 naming the header. */
export const requireJson = createMiddleware(async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON.', {
      'content-type': `Expected application/json, got ${type ? JSON.stringify(type) : 'nothing'}.`,
    });
  }
  await next();
});
