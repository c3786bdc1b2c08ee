import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../api/lib/db.server';
import { renewRecoveryCodes } from '../../../api/staff/second-factor.server';
import {
  addStaff,
  api,
  clearDatabase,
  count,
  freshTotpCode,
  newClient,
  passwordOnly,
  postJson,
  signIn,
} from '../fixtures';

interface ErrorBody {
  error: { code: string; fields?: Record<string, string> };
}

const staffCall = (method: string, path: string, cookie: string, body?: unknown) =>
  api(`/api/v1/staff${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': newClient(), cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;

const memberId = async (email: string) =>
  (await env.DB.prepare('SELECT id FROM staff WHERE email = ?')
    .bind(email)
    .first<{ id: number }>())!.id;

beforeEach(async () => {
  await clearDatabase();
  await addStaff('mod@example.org', 'moderator');
  await addStaff('new@example.org', 'moderator', undefined, { totp: false });
});

describe('the second factor', () => {
  it('is asked after the password: until then the session opens nothing but its proof', async () => {
    const login = await postJson('/api/v1/staff/login', {
      email: 'mod@example.org',
      password: 'correct horse battery',
    });
    expect(await login.json()).toEqual({
      email: 'mod@example.org',
      role: 'moderator',
      secondFactor: 'verify',
    });
    const cookie = /__Host-cm_staff=[^;]+/.exec(login.headers.get('set-cookie')!)![0];
    const queue = await staffCall('GET', '/testimonials', cookie);
    expect(queue.status).toBe(401);
    expect((await errorOf(queue)).code).toBe('second_factor_required');

    const wrong = await staffCall('POST', '/second-factor/totp', cookie, { code: '000000' });
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).fields).toHaveProperty('code');
    expect((await staffCall('GET', '/testimonials', cookie)).status).toBe(401);

    const code = await freshTotpCode('mod@example.org');
    expect((await staffCall('POST', '/second-factor/totp', cookie, { code })).status).toBe(204);
    expect((await staffCall('GET', '/testimonials', cookie)).status).toBe(200);

    // The same code, seen over a shoulder, does not open a second session.
    const thief = await passwordOnly('mod@example.org');
    const replay = await staffCall('POST', '/second-factor/totp', thief, { code });
    expect(replay.status).toBe(400);
    expect((await staffCall('GET', '/testimonials', thief)).status).toBe(401);
    expect(await count('audit_log', "action = 'staff.verified'")).toBe(1);
  });

  it('takes a recovery code once, typed in any case and without dashes', async () => {
    const member = { id: await memberId('mod@example.org'), email: 'mod@example.org' };
    const [first, second] = await renewRecoveryCodes(getDb(env.DB), {
      ...member,
      role: 'moderator',
    });
    const typed = first!.toUpperCase().replaceAll('-', '');
    const once = await passwordOnly('mod@example.org');
    expect(
      (await staffCall('POST', '/second-factor/recovery-code', once, { code: typed })).status,
    ).toBe(204);
    expect((await staffCall('GET', '/testimonials', once)).status).toBe(200);

    const twice = await passwordOnly('mod@example.org');
    const spent = await staffCall('POST', '/second-factor/recovery-code', twice, { code: first });
    expect(spent.status).toBe(400);
    expect((await errorOf(spent)).fields).toHaveProperty('recoveryCode');
    expect(await count('recovery_codes')).toBe(9);
    expect(
      (await staffCall('POST', '/second-factor/recovery-code', twice, { code: second })).status,
    ).toBe(204);
  });

  it('is enrolled by a first sign-in without one, and never added on a password alone', async () => {
    const login = await postJson('/api/v1/staff/login', {
      email: 'new@example.org',
      password: 'correct horse battery',
    });
    expect(((await login.json()) as { secondFactor: string }).secondFactor).toBe('enrol');
    const first = /__Host-cm_staff=[^;]+/.exec(login.headers.get('set-cookie')!)![0];
    expect((await staffCall('GET', '/testimonials', first)).status).toBe(401);
    const options = await staffCall('POST', '/passkeys/registration-options', first);
    expect(options.status).toBe(200);
    expect(((await options.json()) as { challenge: string }).challenge).toMatch(/^[\w-]{16,}$/);

    // An account with a factor: a stolen password cannot add the thief's passkey.
    const pending = await passwordOnly('mod@example.org');
    const refused = await staffCall('POST', '/passkeys/registration-options', pending);
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).code).toBe('reauthentication_required');
    // Once verified (just now), it can.
    const verified = await signIn('mod@example.org');
    expect((await staffCall('POST', '/passkeys/registration-options', verified)).status).toBe(200);
    // A made-up registration is refused with the challenge spent, and nothing is stored.
    const forged = await staffCall('POST', '/passkeys/registration', verified, {
      id: 'AAAA',
      rawId: 'AAAA',
      type: 'public-key',
      response: { clientDataJSON: 'e30', attestationObject: 'oA' },
      clientExtensionResults: {},
    });
    expect(forged.status).toBe(400);
    // Refused for what it is, not for a challenge lost on the way.
    expect((await errorOf(forged)).code).toBe('passkey_refused');
    expect(await count('passkeys')).toBe(0);
    expect(
      (await staffCall('POST', '/passkeys/authentication-options', verified)).status,
      'no passkey to prove with',
    ).toBe(409);
  });

  it('answers hostile bodies with a 4xx and changes nothing', async () => {
    const pending = await passwordOnly('mod@example.org');
    const before = await env.DB.prepare(
      'SELECT (SELECT totp_last_step FROM staff WHERE email = ?1) AS step, (SELECT count(*) FROM sessions WHERE verified_at != ?2) AS verified',
    )
      .bind('mod@example.org', '')
      .first();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/second-factor/totp',
          '/second-factor/recovery-code',
          '/passkeys/registration',
          '/passkeys/authentication',
        ),
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.record({ code: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) }),
        ),
        async (path, body) => {
          const res = await staffCall('POST', path, pending, body);
          expect(res.status, `${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    const after = await env.DB.prepare(
      'SELECT (SELECT totp_last_step FROM staff WHERE email = ?1) AS step, (SELECT count(*) FROM sessions WHERE verified_at != ?2) AS verified',
    )
      .bind('mod@example.org', '')
      .first();
    expect(after).toEqual(before);
  });
});
