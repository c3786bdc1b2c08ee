import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { TESTIMONIAL_STATUSES } from '../../db/enums';
import { errorResponses } from '../lib/errors';
import { requireJson } from '../lib/json-body';
import { requireStaff, type StaffEnv } from '../staff/middleware.server';
import { withOpenFlags } from './flag-review';
import { ModerationEdits, RejectBody } from './schemas';
import { listForModeration, publishTestimonial, rejectTestimonial } from './service.server';

const IdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{12}$/, 'Not a testimonial id.') });

const queueRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Staff'],
  summary: 'Testimonials by moderation status (pending: oldest first)',
  middleware: [requireStaff('moderator')] as const,
  request: { query: z.object({ status: z.enum(TESTIMONIAL_STATUSES).default('pending') }) },
  responses: {
    200: {
      description: 'The queue.',
      content: { 'application/json': { schema: z.object({ items: z.array(z.unknown()) }) } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const publishRoute = createRoute({
  method: 'post',
  path: '/{id}/publish',
  tags: ['Staff'],
  summary:
    'Publish a testimonial, optionally with an edited text and themes; flags left open need confirmFlags',
  middleware: [requireStaff('moderator'), requireJson] as const,
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: ModerationEdits } }, required: true },
  },
  responses: {
    200: {
      description: 'Published.',
      content: { 'application/json': { schema: z.object({ status: z.literal('published') }) } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 415),
  },
});

const rejectRoute = createRoute({
  method: 'post',
  path: '/{id}/reject',
  tags: ['Staff'],
  summary: 'Reject a testimonial with a reason',
  middleware: [requireStaff('moderator'), requireJson] as const,
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: RejectBody } }, required: true },
  },
  responses: {
    200: {
      description: 'Rejected.',
      content: { 'application/json': { schema: z.object({ status: z.literal('rejected') }) } },
    },
    ...errorResponses(400, 401, 403, 404, 415),
  },
});

export const moderationApp = new OpenAPIHono<StaffEnv>()
  .openapi(queueRoute, async (c) => {
    const items = await listForModeration(c.var.db, c.req.valid('query').status);
    return c.json({ items: items.map(withOpenFlags) }, 200);
  })
  .openapi(publishRoute, async (c) => {
    await publishTestimonial(
      c.var.db,
      c.get('staff'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ status: 'published' as const }, 200);
  })
  .openapi(rejectRoute, async (c) => {
    await rejectTestimonial(
      c.var.db,
      c.get('staff'),
      c.req.valid('param').id,
      c.req.valid('json').reason,
    );
    return c.json({ status: 'rejected' as const }, 200);
  });
