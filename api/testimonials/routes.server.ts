import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { ApiError, errorResponses } from '../lib/errors';
import type { AppEnv } from '../lib/hono-env';
import { requireJson } from '../lib/json-body';
import { enforceLimit } from '../lib/rate-limit.server';
import { verifyTurnstile } from '../lib/turnstile.server';
import { WithdrawalCodeBody } from '../survey/schemas';
import { ListQuery, NewTestimonialBody, TestimonialSchema } from './schemas';
import {
  getPublished,
  listPublished,
  submitTestimonial,
  withdrawTestimonial,
} from './service.server';

const submitRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['Testimonials'],
  summary: 'Leave an anonymous testimonial',
  description:
    'Emails, phone numbers, links, @handles and IBAN- or social-security-like numbers are replaced by markers before anything is stored. Published only after a moderator approves it.',
  middleware: [requireJson] as const,
  request: {
    body: { content: { 'application/json': { schema: NewTestimonialBody } }, required: true },
  },
  responses: {
    201: {
      description: 'Stored, pending moderation. The withdrawal code is shown once.',
      content: {
        'application/json': {
          schema: z
            .object({ withdrawalCode: z.string(), redactedText: z.string() })
            .openapi('TestimonialReceipt'),
        },
      },
    },
    ...errorResponses(400, 403, 413, 415, 429),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Testimonials'],
  summary: 'Published testimonials, newest first',
  request: { query: ListQuery },
  responses: {
    200: {
      description: 'A page of published testimonials.',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(TestimonialSchema),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    ...errorResponses(400),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Testimonials'],
  summary: 'One published testimonial',
  request: {
    params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{12}$/, 'Not a testimonial id.') }),
  },
  responses: {
    200: {
      description: 'The testimonial.',
      content: { 'application/json': { schema: TestimonialSchema } },
    },
    ...errorResponses(400, 404),
  },
});

const withdrawRoute = createRoute({
  method: 'delete',
  path: '/',
  tags: ['Testimonials'],
  summary: 'Withdraw a testimonial with its withdrawal code',
  middleware: [requireJson] as const,
  request: {
    body: { content: { 'application/json': { schema: WithdrawalCodeBody } }, required: true },
  },
  responses: {
    204: { description: 'Deleted everywhere, search index included.' },
    ...errorResponses(400, 404, 415, 429),
  },
});

export const testimonialsApp = new OpenAPIHono<AppEnv>()
  .openapi(submitRoute, async (c) => {
    const body = c.req.valid('json');
    await enforceLimit('submit', c.env, c.req.raw.headers);
    await verifyTurnstile(c.env.TURNSTILE_SECRET, c.req.header('cf-turnstile-response'));
    const receipt = await submitTestimonial(c.var.db, { ...body, ...body.context });
    return c.json(receipt, 201);
  })
  .openapi(listRoute, async (c) => c.json(await listPublished(c.var.db, c.req.valid('query')), 200))
  .openapi(getRoute, async (c) => {
    return c.json(await getPublished(c.var.db, c.req.valid('param').id), 200);
  })
  .openapi(withdrawRoute, async (c) => {
    await enforceLimit('submit', c.env, c.req.raw.headers);
    if (!(await withdrawTestimonial(c.var.db, c.req.valid('json').withdrawalCode))) {
      throw new ApiError(404, 'unknown_code', 'No testimonial has this withdrawal code.', {
        withdrawalCode: 'Unknown code.',
      });
    }
    return c.body(null, 204);
  });
