import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addStaff,
  api,
  clearDatabase,
  newClient,
  passwordOnly,
  postJson,
  signIn,
} from '../fixtures';

type Caller = 'pending' | 'moderator' | 'admin';
type Expected = Record<Caller, number>;

const staffCall = (method: string, path: string, cookie?: string, body?: unknown) =>
  api(`/api/v1/staff${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'cf-connecting-ip': newClient(),
      ...(cookie ? { cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const NEW_EDITION = {
  year: 2027,
  questionnaireVersion: '2026.1',
  opensOn: '2027-09-01',
  closesOn: '2027-12-01',
  k: 10,
};

beforeEach(async () => {
  await clearDatabase();
  await addStaff('admin@example.org', 'admin');
  await addStaff('mod@example.org', 'moderator');
});

describe('staff access', () => {
  it('walks every staff route of the OpenAPI document as anonymous, password-only, moderator and admin', async () => {
    const submitted = await postJson('/api/v1/testimonials', {
      text: "Je suis CM en agence depuis cinq ans. Les soirs de crise, je modère jusqu'à minuit, seule.",
      lang: 'fr',
    });
    expect(submitted.status).toBe(201);
    const { id } = (await env.DB.prepare('SELECT id FROM testimonials').first<{ id: string }>())!;

    // [method, path as the OpenAPI document names it, concrete path, body, expected status]
    const routes: [string, string, string, unknown, Expected][] = [
      [
        'GET',
        '/testimonials',
        '/testimonials?status=pending',
        undefined,
        { pending: 401, moderator: 200, admin: 200 },
      ],
      [
        'POST',
        '/testimonials/{id}/reject',
        `/testimonials/${id}/reject`,
        { reason: 'Test.' },
        { pending: 401, moderator: 200, admin: 200 },
      ],
      [
        'POST',
        '/testimonials/{id}/publish',
        `/testimonials/${id}/publish`,
        {},
        { pending: 401, moderator: 200, admin: 200 },
      ],
      ['GET', '/audit', '/audit', undefined, { pending: 401, moderator: 403, admin: 200 }],
      ['POST', '/editions', '/editions', NEW_EDITION, { pending: 401, moderator: 403, admin: 201 }],
      [
        'POST',
        '/editions/{year}/transition',
        '/editions/2027/transition',
        { to: 'open' },
        { pending: 401, moderator: 403, admin: 200 },
      ],
      // No response yet: the admin reaches the rule, which refuses.
      [
        'POST',
        '/editions/{year}/releases',
        '/editions/2027/releases',
        undefined,
        { pending: 401, moderator: 403, admin: 409 },
      ],
      // The proof routes are open to a pending session: a wrong code is a 400, never a 401.
      [
        'POST',
        '/second-factor/totp',
        '/second-factor/totp',
        { code: 'abcdef' },
        { pending: 400, moderator: 400, admin: 400 },
      ],
      [
        'POST',
        '/second-factor/recovery-code',
        '/second-factor/recovery-code',
        { code: 'aaaa-bbbb-cccc-dddd' },
        { pending: 400, moderator: 400, admin: 400 },
      ],
      // Adding a passkey on a password alone, to an account that has a factor, is refused.
      [
        'POST',
        '/passkeys/registration-options',
        '/passkeys/registration-options',
        undefined,
        { pending: 401, moderator: 200, admin: 200 },
      ],
      [
        'POST',
        '/passkeys/registration',
        '/passkeys/registration',
        {},
        { pending: 400, moderator: 400, admin: 400 },
      ],
      [
        'POST',
        '/passkeys/authentication-options',
        '/passkeys/authentication-options',
        undefined,
        { pending: 409, moderator: 409, admin: 409 },
      ],
      [
        'POST',
        '/passkeys/authentication',
        '/passkeys/authentication',
        {},
        { pending: 400, moderator: 400, admin: 400 },
      ],
      [
        'POST',
        '/calls',
        '/calls',
        {
          slug: 'appel',
          title: { fr: 'Un appel', en: 'A call' },
          prompt: { fr: 'Racontez-nous votre semaine.', en: 'Tell us about your week.' },
          opensOn: '2026-01-01',
          closesOn: '2026-02-01',
        },
        { pending: 401, moderator: 403, admin: 201 },
      ],
      [
        'PATCH',
        '/calls/{slug}',
        '/calls/appel',
        { closesOn: '2026-01-15' },
        { pending: 401, moderator: 403, admin: 200 },
      ],
      ['POST', '/logout', '/logout', undefined, { pending: 204, moderator: 204, admin: 204 }],
    ];

    const documented = Object.entries(
      ((await (await api('/api/openapi.json')).json()) as { paths: Record<string, object> }).paths,
    ).flatMap(([path, methods]) =>
      path.startsWith('/api/v1/staff/') && path !== '/api/v1/staff/login'
        ? Object.keys(methods).map(
            (m) => `${m.toUpperCase()} ${path.slice('/api/v1/staff'.length)}`,
          )
        : [],
    );
    expect(routes.map(([method, path]) => `${method} ${path}`).sort()).toEqual(documented.sort());

    const cookies: Record<Caller, string> = {
      pending: await passwordOnly('admin@example.org'),
      moderator: await signIn('mod@example.org'),
      admin: await signIn('admin@example.org'),
    };
    for (const [method, , path, body, expected] of routes) {
      expect((await staffCall(method, path, undefined, body)).status, `anonymous ${path}`).toBe(
        401,
      );
      expect(
        (await staffCall(method, path, '__Host-cm_staff=forged', body)).status,
        `forged ${path}`,
      ).toBe(401);
      for (const caller of ['pending', 'moderator', 'admin'] as const)
        expect(
          (await staffCall(method, path, cookies[caller], body)).status,
          `${caller} ${method} ${path}`,
        ).toBe(expected[caller]);
    }
    // Signed out: the same cookies no longer open anything.
    for (const cookie of Object.values(cookies))
      expect((await staffCall('GET', '/testimonials', cookie)).status).toBe(401);

    const audit = await staffCall('GET', '/audit', await signIn('admin@example.org'));
    const actions = ((await audit.json()) as { items: { action: string }[] }).items.map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'staff.login',
        'staff.verified',
        'staff.logout',
        'testimonial.publish',
        'testimonial.reject',
        'edition.create',
        'edition.open',
        'call.create',
        'call.update',
      ]),
    );
  });
});
