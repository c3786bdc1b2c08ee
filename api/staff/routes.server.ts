import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { ApiError, errorResponses } from '../lib/errors';
import { requireJson } from '../lib/json-body';
import { enforceLimit } from '../lib/rate-limit.server';
import { verifyAccess } from './access.server';
import { requireStaff, type StaffEnv } from './middleware.server';
import { listAudit } from '../audit/log.server';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import {
  factorsOf,
  hasSecondFactor,
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
  proveRecoveryCode,
  provePasskey,
  proveTotp,
  registerPasskey,
  relyingParty,
} from './second-factor.server';
import { SESSION_COOKIE, login, logout } from './service.server';

const Member = z
  .object({ email: z.string(), role: z.enum(['admin', 'moderator']) })
  .openapi('StaffMember');

const SignedIn = Member.extend({
  secondFactor: z
    .enum(['verify', 'enrol'])
    .describe(
      'The session is pending until a second factor is proven (verify), or, for an account without one, enrolled in the admin area (enrol).',
    ),
}).openapi('SignedIn');

const Code = z.object({ code: z.string().max(64) }).openapi('SecondFactorCode');

const b64 = (max: number) => z.string().min(1).max(max);
const Registration = z
  .looseObject({
    id: b64(1400),
    rawId: b64(1400),
    type: z.literal('public-key'),
    response: z.looseObject({
      clientDataJSON: b64(4096),
      attestationObject: b64(16384),
      transports: z.array(z.string().max(32)).max(8).optional(),
    }),
    clientExtensionResults: z.looseObject({}),
  })
  .openapi('PasskeyRegistration');
const Assertion = z
  .looseObject({
    id: b64(1400),
    rawId: b64(1400),
    type: z.literal('public-key'),
    response: z.looseObject({
      clientDataJSON: b64(4096),
      authenticatorData: b64(4096),
      signature: b64(1024),
      userHandle: z.string().max(1024).optional(),
    }),
    clientExtensionResults: z.looseObject({}),
  })
  .openapi('PasskeyAssertion');

const proveRoute = (path: string, summary: string) =>
  createRoute({
    method: 'post',
    path,
    tags: ['Staff'],
    summary,
    middleware: [requireJson, requireStaff('moderator', { pending: true })] as const,
    request: { body: { content: { 'application/json': { schema: Code } }, required: true } },
    responses: {
      204: { description: 'The session is verified.' },
      ...errorResponses(400, 401, 429),
    },
  });

const totpRoute = proveRoute('/second-factor/totp', 'Prove the second factor with a TOTP code');
const recoveryRoute = proveRoute(
  '/second-factor/recovery-code',
  'Prove the second factor with a single-use recovery code',
);

const optionsRoute = (path: string, summary: string) =>
  createRoute({
    method: 'post',
    path,
    tags: ['Staff'],
    summary,
    middleware: [requireStaff('moderator', { pending: true })] as const,
    responses: {
      200: {
        description: 'Options for navigator.credentials; the challenge lasts five minutes.',
        content: { 'application/json': { schema: z.looseObject({ challenge: z.string() }) } },
      },
      ...errorResponses(401, 409),
    },
  });

const registrationOptionsRoute = optionsRoute(
  '/passkeys/registration-options',
  'Start adding a passkey (at enrolment, or after a recent second factor)',
);
const authenticationOptionsRoute = optionsRoute(
  '/passkeys/authentication-options',
  'Start proving the second factor with a passkey',
);

const registrationRoute = createRoute({
  method: 'post',
  path: '/passkeys/registration',
  tags: ['Staff'],
  summary: 'Finish adding a passkey',
  middleware: [requireJson, requireStaff('moderator', { pending: true })] as const,
  request: { body: { content: { 'application/json': { schema: Registration } }, required: true } },
  responses: {
    204: { description: 'Added; the session is verified.' },
    ...errorResponses(400, 401),
  },
});

const authenticationRoute = createRoute({
  method: 'post',
  path: '/passkeys/authentication',
  tags: ['Staff'],
  summary: 'Prove the second factor with a passkey',
  middleware: [requireJson, requireStaff('moderator', { pending: true })] as const,
  request: { body: { content: { 'application/json': { schema: Assertion } }, required: true } },
  responses: { 204: { description: 'The session is verified.' }, ...errorResponses(400, 401) },
});

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
    200: {
      description: 'Password accepted; the session waits for its second factor.',
      content: { 'application/json': { schema: SignedIn } },
    },
    ...errorResponses(400, 401, 403, 429),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['Staff'],
  summary: 'End the session',
  middleware: [requireStaff('moderator', { pending: true })] as const,
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
    const factors = await factorsOf(c.var.db, session.member.id);
    return c.json(
      {
        email: session.member.email,
        role: session.member.role,
        secondFactor: hasSecondFactor(factors) ? ('verify' as const) : ('enrol' as const),
      },
      200,
    );
  })
  .openapi(totpRoute, async (c) => {
    await enforceLimit('login', c.env, c.req.raw.headers);
    await proveTotp(c.var.db, c.var.session, c.req.valid('json').code);
    return c.body(null, 204);
  })
  .openapi(recoveryRoute, async (c) => {
    await enforceLimit('login', c.env, c.req.raw.headers);
    await proveRecoveryCode(c.var.db, c.var.session, c.req.valid('json').code);
    return c.body(null, 204);
  })
  .openapi(registrationOptionsRoute, async (c) =>
    c.json(
      await passkeyRegistrationOptions(c.var.db, c.var.session, relyingParty(new URL(c.req.url))),
      200,
    ),
  )
  .openapi(registrationRoute, async (c) => {
    const body = c.req.valid('json') as unknown as RegistrationResponseJSON;
    await registerPasskey(c.var.db, c.var.session, body, relyingParty(new URL(c.req.url)));
    return c.body(null, 204);
  })
  .openapi(authenticationOptionsRoute, async (c) =>
    c.json(
      await passkeyAuthenticationOptions(c.var.db, c.var.session, relyingParty(new URL(c.req.url))),
      200,
    ),
  )
  .openapi(authenticationRoute, async (c) => {
    await enforceLimit('login', c.env, c.req.raw.headers);
    const body = c.req.valid('json') as unknown as AuthenticationResponseJSON;
    await provePasskey(c.var.db, c.var.session, body, relyingParty(new URL(c.req.url)));
    return c.body(null, 204);
  })
  .openapi(logoutRoute, async (c) => {
    await logout(c.var.db, c.get('sessionToken'), c.get('staff'));
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    return c.body(null, 204);
  })
  .openapi(auditRoute, async (c) =>
    c.json({ items: await listAudit(c.var.db, 100, c.req.valid('query').before) }, 200),
  );
