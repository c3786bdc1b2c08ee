import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { TESTIMONIAL_STATUSES } from '../../db/schema';
import { NewEditionBody } from '../publication/schemas';
import { createEdition, requestRelease, transitionEdition } from '../publication/service';
import { getDb } from '../lib/db';
import { ApiError, errorResponses } from '../lib/errors';
import { requireJson } from '../lib/json-body';
import { enforceLimit } from '../lib/rate-limit';
import { ModerationEdits, RejectBody } from '../testimonials/schemas';
import { listForModeration, publishTestimonial, rejectTestimonial } from '../testimonials/service';
import { verifyAccess } from './access';
import { requireStaff, type StaffEnv } from './middleware';
import { SESSION_COOKIE, listAudit, login, logout } from './service';

const Member = z
  .object({ email: z.string(), role: z.enum(['admin', 'moderator']) })
  .openapi('StaffMember');
const IdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{12}$/, 'Not a testimonial id.') });

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: ['Staff'],
  summary: 'Sign in; sets an HttpOnly, Secure, SameSite=Strict session cookie',
  middleware: [requireJson] as const,
  request: {
    body: {
      content: {
        'application/json': {
          schema: z
            .object({ email: z.string().max(254), password: z.string().max(1000) })
            .openapi('Login'),
        },
      },
      required: true,
    },
  },
  responses: {
    200: { description: 'Signed in.', content: { 'application/json': { schema: Member } } },
    ...errorResponses(400, 401, 403, 429),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['Staff'],
  summary: 'End the session',
  middleware: [requireStaff('moderator')] as const,
  responses: { 204: { description: 'Signed out.' }, ...errorResponses(401) },
});

const queueRoute = createRoute({
  method: 'get',
  path: '/testimonials',
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
  path: '/testimonials/{id}/publish',
  tags: ['Staff'],
  summary: 'Publish a testimonial, optionally with an edited text and themes',
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
    ...errorResponses(400, 401, 403, 404, 415),
  },
});

const rejectRoute = createRoute({
  method: 'post',
  path: '/testimonials/{id}/reject',
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

const auditRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['Staff'],
  summary: 'The audit log, newest first (admins only)',
  middleware: [requireStaff('admin')] as const,
  request: { query: z.object({ before: z.coerce.number().int().positive().optional() }) },
  responses: {
    200: {
      description: 'Entries.',
      content: { 'application/json': { schema: z.object({ items: z.array(z.unknown()) }) } },
    },
    ...errorResponses(400, 401, 403),
  },
});

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
  path: '/editions',
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
  path: '/editions/{year}/transition',
  tags: ['Staff'],
  summary: 'Open, close, reopen or publish an edition (admins only)',
  description:
    'Opening freezes the questionnaire; publishing freezes the figures. 409 for an illegal transition.',
  middleware: [requireStaff('admin'), requireJson] as const,
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
  path: '/editions/{year}/releases',
  tags: ['Staff'],
  summary: 'Ask for a provisional release now (admins only)',
  description:
    'Accepted only once the edition has at least R new responses since its last release; the release job builds and audits it within minutes. 409 says why otherwise.',
  middleware: [requireStaff('admin')] as const,
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

const notFound = () =>
  new ApiError(404, 'not_found', 'No testimonial has this id.', { id: 'Unknown.' });

export const staffApp = new OpenAPIHono<StaffEnv>()
  .openapi(loginRoute, async (c) => {
    await verifyAccess(c.env, c.req.raw.headers);
    await enforceLimit('login', c.env, c.req.raw.headers);
    const { email, password } = c.req.valid('json');
    const hours = Number(c.env.STAFF_SESSION_HOURS);
    const session = await login(getDb(c.env.DB), email, password, hours);
    if (!session) throw new ApiError(401, 'invalid_credentials', 'Wrong email or password.');
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: hours * 3600,
    });
    return c.json({ email: session.member.email, role: session.member.role }, 200);
  })
  .openapi(logoutRoute, async (c) => {
    await logout(getDb(c.env.DB), c.get('sessionToken'), c.get('staff'));
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    return c.body(null, 204);
  })
  .openapi(queueRoute, async (c) =>
    c.json({ items: await listForModeration(getDb(c.env.DB), c.req.valid('query').status) }, 200),
  )
  .openapi(publishRoute, async (c) => {
    const outcome = await publishTestimonial(
      getDb(c.env.DB),
      c.get('staff'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    if (outcome === 'not_found') throw notFound();
    return c.json({ status: 'published' as const }, 200);
  })
  .openapi(rejectRoute, async (c) => {
    const outcome = await rejectTestimonial(
      getDb(c.env.DB),
      c.get('staff'),
      c.req.valid('param').id,
      c.req.valid('json').reason,
    );
    if (outcome === 'not_found') throw notFound();
    return c.json({ status: 'rejected' as const }, 200);
  })
  .openapi(createEditionRoute, async (c) => {
    const body = c.req.valid('json');
    await createEdition(getDb(c.env.DB), c.get('staff'), body);
    return c.json({ year: body.year, status: 'draft' as const }, 201);
  })
  .openapi(transitionRoute, async (c) => {
    const { year } = c.req.valid('param');
    return c.json(
      await transitionEdition(getDb(c.env.DB), c.get('staff'), year, c.req.valid('json').to),
      200,
    );
  })
  .openapi(releaseRequestRoute, async (c) =>
    c.json(await requestRelease(getDb(c.env.DB), c.get('staff'), c.req.valid('param').year), 202),
  )
  .openapi(auditRoute, async (c) =>
    c.json({ items: await listAudit(getDb(c.env.DB), 100, c.req.valid('query').before) }, 200),
  );
