import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../api/lib/db.server';
import { getQuestionnaire } from '../../../api/survey/questionnaires';
import { openEdition, questionnaireHash, submitResponse } from '../../../api/survey/service.server';
import {
  addEdition,
  addStaff,
  api,
  clearDatabase,
  count,
  newClient,
  runJob,
  signIn,
} from '../fixtures';

let admin: string;
let moderator: string;

const call = (path: string, body: unknown, cookie = admin) =>
  api(`/api/v1/staff${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': newClient(), cookie },
    body: JSON.stringify(body),
  });
const edition = () =>
  env.DB.prepare('SELECT * FROM editions WHERE year = 2027').first<Record<string, unknown>>();
const NEW = {
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
  admin = await signIn('admin@example.org');
  moderator = await signIn('mod@example.org');
});

describe('editions, for admins', () => {
  it('creates a draft edition, and names what is wrong otherwise', async () => {
    expect((await call('/editions', NEW)).status).toBe(201);
    expect(await edition()).toMatchObject({ status: 'draft', k: 10, questionnaire_hash: null });
    const refuse = async (body: unknown, status: number, field: string) => {
      const res = await call('/editions', body);
      expect(res.status).toBe(status);
      expect(
        ((await res.json()) as { error: { fields: Record<string, string> } }).error.fields,
      ).toHaveProperty([field]);
    };
    await refuse(NEW, 409, 'year');
    await refuse({ ...NEW, year: 2028, k: 4 }, 400, 'k');
    await refuse(
      { ...NEW, year: 2028, questionnaireVersion: '1999.1' },
      400,
      'questionnaireVersion',
    );
    await refuse({ ...NEW, year: 2028, closesOn: '2027-01-01' }, 400, 'closesOn');
    expect((await call('/editions', { ...NEW, year: 2028 }, moderator)).status).toBe(403);
  });

  it('moves an edition through its lifecycle, refusing illegal steps with a 409', async () => {
    await call('/editions', NEW);
    const step = async (to: string) => (await call('/editions/2027/transition', { to })).status;
    expect(await step('published')).toBe(409);
    expect(await step('open')).toBe(200);
    // Opening freezes the questionnaire.
    expect((await edition())!.questionnaire_hash).toBe(
      await questionnaireHash(getQuestionnaire('2026.1')!),
    );
    expect(await step('open')).toBe(409);
    expect(await step('closed')).toBe(200);
    expect(await step('open')).toBe(200);
    expect(await step('closed')).toBe(200);
    expect(await step('published')).toBe(200);
    expect(await edition()).toMatchObject({
      status: 'published',
      published_on: new Date().toISOString().slice(0, 10),
    });
    expect(await step('closed')).toBe(409);
    expect((await call('/editions/2031/transition', { to: 'open' })).status).toBe(404);
    expect((await call('/editions/2027/transition', { to: 'open' }, moderator)).status).toBe(403);
    // A session whose second factor is older than ten minutes must prove it again to publish.
    await call('/editions', { ...NEW, year: 2028 });
    await env.DB.prepare('UPDATE sessions SET verified_at = ?1')
      .bind(new Date(Date.now() - 11 * 60_000).toISOString())
      .run();
    const stale = await call('/editions/2028/transition', { to: 'open' });
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe(
      'reauthentication_required',
    );
    expect((await call('/editions/2028/releases', undefined)).status).toBe(401);
    expect(await count('editions', "year = 2028 AND status = 'draft'")).toBe(1);
    const actions = (
      await env.DB.prepare(
        "SELECT action FROM audit_log WHERE action LIKE 'edition.%' ORDER BY id",
      ).all<{ action: string }>()
    ).results.map((r) => r.action);
    expect(actions).toEqual([
      'edition.create',
      'edition.open',
      'edition.closed',
      'edition.open',
      'edition.closed',
      'edition.published',
      'edition.create',
    ]);
  });

  it('publication asks for the final release, which freezes the figures: a later withdrawal leaves them', async () => {
    await addEdition(2027, 'open', { k: 5 });
    const db = getDb(env.DB);
    const open = await openEdition(db, 2027);
    const codes = [];
    for (let i = 0; i < 6; i++) {
      codes.push(
        (
          await submitResponse(
            db,
            open,
            { 'profile.employer_type': 'agency', 'work.evenings_per_week': i },
            `lifecycle-key-${i}-xxxxxxxx`,
          )
        ).withdrawalCode,
      );
    }
    await call('/editions/2027/transition', { to: 'closed' });
    await call('/editions/2027/transition', { to: 'published' });
    expect(await count('editions', "year = 2027 AND release_requested = 'final'")).toBe(1);
    const outcomes = await runJob({ scheduled: false });
    expect(outcomes).toMatchObject([
      {
        year: 2027,
        kind: 'final',
        output: { release: { status: 'published' }, packageRows: expect.any(Number) },
      },
    ]);
    const evenings = async () => {
      const body = (await (await api('/api/v1/editions/2027/indicators')).json()) as {
        release: { kind: string };
        n: number;
      };
      expect(body.release.kind).toBe('final');
      return body.n;
    };
    const frozen = await evenings();
    expect(Math.abs(frozen - 6)).toBeLessThanOrEqual(2);
    const res = await api('/api/v1/responses', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': newClient() },
      body: JSON.stringify({ withdrawalCode: codes[0] }),
    });
    expect(res.status).toBe(204);
    expect(await runJob({ scheduled: true })).toEqual([]);
    expect(await evenings()).toBe(frozen);
  }, 60_000);
});
