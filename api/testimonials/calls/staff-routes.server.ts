import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { errorResponses } from '../../lib/errors';
import { requireJson } from '../../lib/json-body';
import { requireStaff, type StaffEnv } from '../../staff/middleware.server';
import { SlugParam } from './routes.server';
import { CallSchema, CallUpdateBody, NewCallBody } from './schemas';
import { createCall, updateCall } from './service.server';

const createCallRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['Staff'],
  summary: 'Create a call for testimonies (admins only)',
  middleware: [requireStaff('admin'), requireJson] as const,
  request: { body: { content: { 'application/json': { schema: NewCallBody } }, required: true } },
  responses: {
    201: { description: 'Created.', content: { 'application/json': { schema: CallSchema } } },
    ...errorResponses(400, 401, 403, 409, 415),
  },
});

const updateCallRoute = createRoute({
  method: 'patch',
  path: '/{slug}',
  tags: ['Staff'],
  summary: 'Change a call (admins only); closing it early is setting closesOn to today',
  middleware: [requireStaff('admin'), requireJson] as const,
  request: {
    params: SlugParam,
    body: { content: { 'application/json': { schema: CallUpdateBody } }, required: true },
  },
  responses: {
    200: { description: 'Changed.', content: { 'application/json': { schema: CallSchema } } },
    ...errorResponses(400, 401, 403, 404, 415),
  },
});

export const callsStaffApp = new OpenAPIHono<StaffEnv>()
  .openapi(createCallRoute, async (c) =>
    c.json(await createCall(c.var.db, c.get('staff'), c.req.valid('json')), 201),
  )
  .openapi(updateCallRoute, async (c) =>
    c.json(
      await updateCall(c.var.db, c.get('staff'), c.req.valid('param').slug, c.req.valid('json')),
      200,
    ),
  );
