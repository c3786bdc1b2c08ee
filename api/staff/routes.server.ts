import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { ApiError, errorResponses } from '../lib/errors';
import { requireJson } from '../lib/json-body';
import { enforceLimit } from '../lib/rate-limit.server';
import { verifyAccess } from './access.server';
import { requireStaff, type StaffEnv } from './middleware.server';
import { listAudit } from '../audit/log.server';
import { SESSION_COOKIE, login, logout } from './service.server';

const Member = z
  .object({ email: z.string(), role: z.enum(['admin', 'moderator']) })
  .openapi('StaffMember');

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

export const staffApp = new OpenAPIHono<StaffEnv>()
  .openapi(loginRoute, async (c) => {
    await verifyAccess(c.env, c.req.raw.headers);
    await enforceLimit('login', c.env, c.req.raw.headers);
    const { email, password } = c.req.valid('json');
    const hours = Number(c.env.STAFF_SESSION_HOURS);
    const session = await login(c.var.db, email, password, hours);
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
    await logout(c.var.db, c.get('sessionToken'), c.get('staff'));
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    return c.body(null, 204);
  })
  .openapi(auditRoute, async (c) =>
    c.json({ items: await listAudit(c.var.db, 100, c.req.valid('query').before) }, 200),
  );
