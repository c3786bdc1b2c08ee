import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { SignJWT, importJWK } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import app from '../../../api/app.server';
import { getDb } from '../../../api/lib/db.server';
import { login } from '../../../api/staff/service.server';
import { ACCESS_TEAM } from '../outbound';
import { addStaff, api, clearDatabase, count, newClient, postJson, signIn } from '../fixtures';

const TEXT =
  "Je suis CM en agence depuis cinq ans. Les soirs de crise, je modère jusqu'à minuit, seule. Écrivez-moi : prenom.nom@exemple.fr ou au 06 12 34 56 78.";

interface Receipt {
  withdrawalCode: string;
  redactedText: string;
}
interface Page {
  items: { id: string; text: string; themes: string[] }[];
  nextCursor: string | null;
}

const submit = async (body: Record<string, unknown> = {}) =>
  (await postJson('/api/v1/testimonials', {
    text: TEXT,
    lang: 'fr',
    themes: ['isolation', 'crisis'],
    ...body,
  })) as Response;
const list = async (query = '') =>
  (await (await api(`/api/v1/testimonials${query}`)).json()) as Page;
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
const pendingIds = async () =>
  (
    await env.DB.prepare("SELECT id FROM testimonials WHERE status = 'pending' ORDER BY seq").all<{
      id: string;
    }>()
  ).results.map((r) => r.id);

beforeEach(async () => {
  await clearDatabase();
  await addStaff('admin@example.org', 'admin');
  await addStaff('mod@example.org', 'moderator');
});

describe('submitting', () => {
  it('redacts contact details before storage and answers the redacted text', async () => {
    const res = await submit();
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as Receipt;
    expect(receipt.redactedText).toContain('[email]');
    expect(receipt.redactedText).toContain('[téléphone]');
    const stored = await env.DB.prepare('SELECT * FROM testimonials').first<
      Record<string, unknown>
    >();
    expect(JSON.stringify(stored)).not.toMatch(/prenom\.nom|06 12 34/);
    expect(stored!.status).toBe('pending');
    expect(stored!.submitted_week).toMatch(/^\d{4}-W\d{2}$/);
  });

  it.each([
    ['a text under 50 characters', { text: 'Trop court.' }, 'text'],
    ['a text over 5,000 characters', { text: 'x'.repeat(5001) }, 'text'],
    ['an unknown theme', { themes: ['nope'] }, 'themes.0'],
    ['an unknown employer type', { context: { employerType: 'castle' } }, 'context.employerType'],
    ['a missing language', { lang: undefined }, 'lang'],
    ['an unknown field', { author: 'me' }, '(body)'],
    // Issue #15: text that shows as nothing, or breaks the moderation queue's layout.
    ['60 NUL characters', { text: '\u0000'.repeat(60) }, 'text'],
    ['a story with one escape character', { text: `${TEXT}\u001b[2J` }, 'text'],
    ['60 zero-width spaces', { text: '\u200b'.repeat(60) }, 'text'],
    ['60 lone surrogates', { text: '\ud800'.repeat(60) }, 'text'],
    ['a story with one lone surrogate', { text: `${TEXT} \udc00` }, 'text'],
  ])('refuses %s, naming the field, storing nothing', async (_, body, field) => {
    const res = await submit(body);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields)).toContain(field);
    expect(await count('testimonials')).toBe(0);
  });
});

describe('text that means something', () => {
  it('is stored NFC, whatever form its accents came in, and counted as a reader sees it', async () => {
    const decomposed = `${TEXT} Le café, la soirée.`.normalize('NFD');
    expect((await submit({ text: decomposed })).status).toBe(201);
    const stored = await env.DB.prepare('SELECT text FROM testimonials').first<{ text: string }>();
    expect(stored!.text).toBe(stored!.text.normalize('NFC'));
    expect(stored!.text).toContain('Le café, la soirée.');
    // 50 family emoji, each of seven code points: 50 characters for a reader, 550 code units.
    const families = '👨‍👩‍👧‍👦'.repeat(50);
    expect((await submit({ text: families })).status).toBe(201);
    expect((await submit({ text: families.slice(0, -11) })).status).toBe(400);
  });
});

describe('reading and moderating', () => {
  it('never shows pending or rejected testimonials; publishing makes one public, with edits', async () => {
    await submit();
    await submit({ text: TEXT.replace('cinq', 'six') });
    const [first, second] = await pendingIds();
    expect((await list()).items).toEqual([]);
    expect((await api(`/api/v1/testimonials/${first}`)).status).toBe(404);

    const mod = await signIn('mod@example.org');
    const published = await staffCall('POST', `/testimonials/${first}/publish`, mod, {
      text: `${TEXT.slice(0, 90)} Appelez Karim au +33 6 98 76 54 32, il confirmera.`,
      themes: ['hostility'],
      // The edit names someone: flagged again, so publishing it needs the confirmation.
      confirmFlags: true,
    });
    expect(published.status).toBe(200);
    expect(
      (await staffCall('POST', `/testimonials/${second}/reject`, mod, { reason: 'Hors sujet.' }))
        .status,
    ).toBe(200);

    const page = await list();
    expect(page.items.map((t) => t.id)).toEqual([first]);
    expect(page.items[0]!.themes).toEqual(['hostility']);
    // The moderator's own text is redacted again.
    expect(page.items[0]!.text).toContain('[téléphone]');
    expect((await api(`/api/v1/testimonials/${first}`)).status).toBe(200);
    expect((await api(`/api/v1/testimonials/${second}`)).status).toBe(404);
    const audit = await env.DB.prepare(
      "SELECT action, target FROM audit_log WHERE action LIKE 'testimonial.%' ORDER BY id",
    ).all();
    expect(audit.results).toEqual([
      { action: 'testimonial.publish', target: first },
      { action: 'testimonial.reject', target: second },
    ]);
  });

  it('searches accent-insensitively, filters by theme and paginates with a cursor', async () => {
    const mod = await signIn('mod@example.org');
    for (let i = 0; i < 5; i++)
      await submit({
        text: `${TEXT} Témoignage numéro ${i}.`,
        themes: i % 2 ? ['workload'] : ['isolation'],
      });
    for (const id of await pendingIds())
      await staffCall('POST', `/testimonials/${id}/publish`, mod, {});
    expect((await list('?q=moderE%20minuit')).items).toHaveLength(5);
    expect((await list('?q=temoignage%20numero')).items).toHaveLength(5);
    expect((await list('?q=licorne')).items).toHaveLength(0);
    expect((await list('?q=%22)(*')).items).toHaveLength(0);
    expect((await list('?theme=workload')).items).toHaveLength(2);
    const firstPage = await list('?limit=2');
    expect(firstPage.items).toHaveLength(2);
    const secondPage = await list(`?limit=2&cursor=${firstPage.nextCursor}`);
    const thirdPage = await list(`?limit=2&cursor=${secondPage.nextCursor}`);
    expect(thirdPage.nextCursor).toBeNull();
    const ids = [...firstPage.items, ...secondPage.items, ...thirdPage.items].map((t) => t.id);
    expect(new Set(ids).size).toBe(5);
    expect((await api('/api/v1/testimonials?theme=nope')).status).toBe(400);
  });

  it('withdrawal removes a testimonial everywhere, search index included', async () => {
    const { withdrawalCode } = (await (await submit()).json()) as Receipt;
    const [id] = await pendingIds();
    await staffCall('POST', `/testimonials/${id}/publish`, await signIn('mod@example.org'), {});
    expect((await list('?q=minuit')).items).toHaveLength(1);
    const res = await api('/api/v1/testimonials', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': newClient() },
      body: JSON.stringify({ withdrawalCode }),
    });
    expect(res.status).toBe(204);
    expect((await list('?q=minuit')).items).toHaveLength(0);
    expect(await count('testimonials')).toBe(0);
    expect(await count('testimonial_themes')).toBe(0);
    const fts = await env.DB.prepare(
      "SELECT count(*) AS n FROM testimonials_fts WHERE testimonials_fts MATCH 'minuit'",
    ).first('n');
    expect(fts).toBe(0);
  });

  it('withdrawal rebuilds the search index from the other testimonials and lets its filler go', async () => {
    const moderator = await signIn('mod@example.org');
    const { withdrawalCode } = (await (await submit()).json()) as Receipt;
    await submit({ text: `${TEXT} Une autre histoire, à minuit aussi.` });
    for (const id of await pendingIds())
      await staffCall('POST', `/testimonials/${id}/publish`, moderator, {});
    expect((await list('?q=minuit')).items).toHaveLength(2);
    const res = await api('/api/v1/testimonials', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': newClient() },
      body: JSON.stringify({ withdrawalCode }),
    });
    expect(res.status).toBe(204);
    const found = (await list('?q=minuit')).items;
    expect(found.map((t) => t.text)).toEqual([expect.stringContaining('Une autre histoire')]);
    // Throws when the index disagrees with the testimonials it was rebuilt from.
    await env.DB.prepare(
      "INSERT INTO testimonials_fts (testimonials_fts) VALUES ('integrity-check')",
    ).run();
    // New testimonials are indexed again by the triggers.
    await submit({ text: `${TEXT} Un troisième récit, la nuit.` });
    const [third] = await pendingIds();
    await staffCall('POST', `/testimonials/${third}/publish`, moderator, {});
    expect((await list('?q=troisième')).items).toHaveLength(1);
    expect(await count('erasure_filler')).toBe(0);
  });
});

describe('staff sessions', () => {
  it('sets a strict session cookie, and sessions expire', async () => {
    const res = await postJson('/api/v1/staff/login', {
      email: 'MOD@example.org ',
      password: 'correct horse battery',
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-cm_staff=/);
    expect(cookie).toMatch(/Path=\/(;|$)/);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const stored = await env.DB.prepare('SELECT token_hash FROM sessions').first<{
      token_hash: string;
    }>();
    expect(cookie).not.toContain(stored!.token_hash);

    const old = await login(
      getDb(env.DB),
      'mod@example.org',
      'correct horse battery',
      8,
      new Date(Date.now() - 9 * 3_600_000),
    );
    expect((await staffCall('GET', '/testimonials', `__Host-cm_staff=${old!.token}`)).status).toBe(
      401,
    );

    // A young session ends after 30 minutes without a request (STAFF_IDLE_MINUTES).
    const fresh = await login(getDb(env.DB), 'mod@example.org', 'correct horse battery', 8);
    // Its second factor counts as proven: the idle timeout is what is under test here.
    await env.DB.prepare('UPDATE sessions SET verified_at = ?1')
      .bind(new Date().toISOString())
      .run();
    const use = () => staffCall('GET', '/testimonials', `__Host-cm_staff=${fresh!.token}`);
    const seenAgo = (minutes: number) =>
      env.DB.prepare('UPDATE sessions SET last_seen_at = ?1')
        .bind(new Date(Date.now() - minutes * 60_000).toISOString())
        .run();
    await seenAgo(29);
    expect((await use()).status).toBe(200);
    const seen = await env.DB.prepare('SELECT max(last_seen_at) AS at FROM sessions').first<{
      at: string;
    }>();
    expect(Date.now() - Date.parse(seen!.at)).toBeLessThan(60_000);
    await seenAgo(31);
    expect((await use()).status).toBe(401);
  });

  it('answers the same for an unknown account and a wrong password, and throttles logins', async () => {
    const client = newClient();
    const attempt = (email: string) =>
      postJson(
        '/api/v1/staff/login',
        { email, password: 'wrong password here' },
        { 'cf-connecting-ip': client },
      );
    const unknown = await attempt('nobody@example.org');
    const wrong = await attempt('mod@example.org');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(await unknown.json()).toEqual(await wrong.json());
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt('mod@example.org')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('requires a valid Cloudflare Access token when Access is configured', async () => {
    const access = { ...env, ACCESS_TEAM_DOMAIN: ACCESS_TEAM, ACCESS_AUD: 'observatory-aud' };
    const cookie = await signIn('admin@example.org');
    const key = await importJWK(env.TEST_ACCESS_PRIVATE_JWK, 'RS256');
    const token = (aud: string) =>
      new SignJWT({ email: 'admin@example.org' })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer(`https://${ACCESS_TEAM}`)
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
    const call = async (assertion?: string) =>
      (
        await app.request(
          '/api/v1/staff/audit',
          { headers: { cookie, ...(assertion ? { 'cf-access-jwt-assertion': assertion } : {}) } },
          access,
        )
      ).status;
    expect(await call()).toBe(401);
    expect(await call(await token('another-app'))).toBe(403);
    expect(await call('not.a.jwt')).toBe(403);
    expect(await call(await token('observatory-aud'))).toBe(200);
  });
});

describe('properties', () => {
  it('random garbage to the testimonial and login endpoints never gets a 5xx and stores nothing', async () => {
    const body = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .record(
          {
            text: fc.oneof(fc.string({ maxLength: 6000 }), fc.jsonValue()),
            lang: fc.oneof(fc.constantFrom('fr', 'en', 'de'), fc.jsonValue()),
            themes: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
            context: fc.jsonValue(),
          },
          { requiredKeys: [] },
        )
        .map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom('/api/v1/testimonials', '/api/v1/staff/login'),
        async (raw, path) => {
          const before = await count('testimonials');
          const res = await api(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'cf-connecting-ip': newClient() },
            body: raw,
          });
          expect(res.status).toBeLessThan(500);
          // A refusal stores nothing; an accepted testimonial is stored once, pending.
          const stored = (await count('testimonials')) - before;
          expect(stored).toBe(res.status === 201 ? 1 : 0);
        },
      ),
      { numRuns: 150 },
    );
    expect(await count('sessions')).toBe(0);
    expect(await count('testimonials', "status = 'published'")).toBe(0);
  });
});
