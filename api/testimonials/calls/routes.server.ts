import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../lib/errors';
import type { AppEnv } from '../../lib/hono-env';
import { CallDetailSchema, CallSchema, CallSlug } from './schemas';
import { callThemeCounts, getCall, listCalls } from './service.server';

export const SlugParam = z.object({
  slug: CallSlug.openapi({ param: { name: 'slug', in: 'path' } }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Calls'],
  summary: 'Calls for testimonies: open ones first, then upcoming, then closed',
  responses: {
    200: {
      description: 'Every call.',
      content: { 'application/json': { schema: z.object({ items: z.array(CallSchema) }) } },
    },
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{slug}',
  tags: ['Calls'],
  summary: 'One call, with the themes of its published testimonies',
  description:
    'Its testimonies are listed by GET /api/v1/testimonials?call={slug}. Theme counts under k are null.',
  request: { params: SlugParam },
  responses: {
    200: {
      description: 'The call.',
      content: { 'application/json': { schema: CallDetailSchema } },
    },
    ...errorResponses(400, 404),
  },
});

export const callsApp = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => c.json({ items: await listCalls(c.var.db) }, 200))
  .openapi(getRoute, async (c) => {
    const { slug } = c.req.valid('param');
    const call = await getCall(c.var.db, slug);
    return c.json({ ...call, ...(await callThemeCounts(c.var.db, slug)) }, 200);
  });
