import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../lib/errors';
import { requireJson } from '../lib/json-body';
import { requireRecentFactor, requireStaff, type StaffEnv } from '../staff/middleware.server';
import { NewEditionBody } from './schemas';
import { createEdition, requestRelease, transitionEdition } from './service.server';

const EditionYearParam = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .openapi({ param: { name: 'year', in: 'path' } }),
});

const createEditionRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['Staff'],
  summary: 'Create an edition (admins only), in the draft state',
  middleware: [requireStaff('admin'), requireJson] as const,
  request: {
    body: { content: { 'application/json': { schema: NewEditionBody } }, required: true },
  },
  responses: {
    201: {
      description: 'Created.',
      content: {
        'application/json': { schema: z.object({ year: z.int(), status: z.literal('draft') }) },
      },
    },
    ...errorResponses(400, 401, 403, 409, 415),
  },
});

const transitionRoute = createRoute({
  method: 'post',
  path: '/{year}/transition',
  tags: ['Staff'],
  summary: 'Open, close, reopen or publish an edition (admins only)',
  description:
    'Opening freezes the questionnaire; publishing freezes the figures. 409 for an illegal transition; 401 reauthentication_required unless the second factor was proven in the last ten minutes.',
  middleware: [requireStaff('admin'), requireRecentFactor, requireJson] as const,
  request: {
    params: EditionYearParam,
    body: {
      content: {
        'application/json': {
          schema: z
            .object({ to: z.enum(['open', 'closed', 'published']) })
            .strict()
            .openapi('Transition'),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: 'Done.',
      content: { 'application/json': { schema: z.object({ year: z.int(), status: z.string() }) } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 415),
  },
});

const releaseRequestRoute = createRoute({
  method: 'post',
  path: '/{year}/releases',
  tags: ['Staff'],
  summary: 'Ask for a provisional release now (admins only)',
  description:
    'Accepted only once the edition has at least R new responses since its last release; the release job builds and audits it within minutes. 409 says why otherwise; 401 reauthentication_required unless the second factor was proven in the last ten minutes.',
  middleware: [requireStaff('admin'), requireRecentFactor] as const,
  request: {
    params: EditionYearParam,
  },
  responses: {
    202: {
      description: 'Requested.',
      content: {
        'application/json': {
          schema: z.object({ year: z.int(), requested: z.literal('provisional') }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const editionsStaffApp = new OpenAPIHono<StaffEnv>()
  .openapi(createEditionRoute, async (c) => {
    const body = c.req.valid('json');
    await createEdition(c.var.db, c.get('staff'), body);
    return c.json({ year: body.year, status: 'draft' as const }, 201);
  })
  .openapi(transitionRoute, async (c) => {
    const { year } = c.req.valid('param');
    return c.json(
      await transitionEdition(c.var.db, c.get('staff'), year, c.req.valid('json').to),
      200,
    );
  })
  .openapi(releaseRequestRoute, async (c) =>
    c.json(await requestRelease(c.var.db, c.get('staff'), c.req.valid('param').year), 202),
  );
