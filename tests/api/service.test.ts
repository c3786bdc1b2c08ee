import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearDatabase } from './db';
import { api } from './helpers';
import { release } from './releases';
import { EMPTY, addCounted, perturb, recordKey } from '../../api/findings/cellkey';
import { getDb } from '../../api/lib/db.server';
import { editions, responses } from '../../db/schema.server';

beforeEach(clearDatabase);

async function addEdition(
  year: number,
  status: 'open' | 'published',
  responseCount: number,
  withdrawn = 0,
) {
  const db = getDb(env.DB);
  await db.insert(editions).values({
    year,
    status,
    questionnaireVersion: '2026.1',
    opensOn: `${year}-09-01`,
    closesOn: `${year}-12-01`,
    k: 10,
  });
  const rows = Array.from({ length: responseCount }, (_, i) => ({
    id: year * 100_000 + i,
    editionYear: year,
    submittedWeek: `${year}-W40`,
    withdrawalHash: `${year}-${i}`,
    withdrawn: i < withdrawn,
  }));
  // D1 binds at most 100 parameters per statement: 6 columns, 16 rows at a time.
  for (let i = 0; i < rows.length; i += 16)
    await db.insert(responses).values(rows.slice(i, i + 16));
}

describe('GET /api/health', () => {
  it('says the Worker and D1 answer', async () => {
    const res = await api('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe('GET /api/v1/editions', () => {
  it('lists editions oldest first with the count their current release published, none before', async () => {
    await addEdition(2026, 'open', 127, 3);
    await addEdition(2025, 'published', 7);
    const list = async () =>
      (
        (await (await api('/api/v1/editions')).json()) as {
          editions: { year: number; status: string; responseCount: number | null; k: number }[];
        }
      ).editions.map((e) => [e.year, e.status, e.responseCount, e.k]);
    expect(await list()).toEqual([
      [2025, 'published', null, 10],
      [2026, 'open', null, 10],
    ]);
    await release(2025, 'final');
    await release(2026);
    // 124 current responses (3 withdrawn), with the noise their keys draw; 7 is under k.
    const current = Array.from({ length: 124 }, (_, i) => ({
      n: 1,
      key: recordKey(2026_00000 + i + 3),
    }));
    expect(await list()).toEqual([
      [2025, 'published', null, 10],
      [2026, 'open', perturb(current.reduce(addCounted, EMPTY)), 10],
    ]);
  }, 60_000);

  it('answers an empty list on an empty database', async () => {
    const res = await api('/api/v1/editions');
    expect(await res.json()).toEqual({ editions: [] });
  });
});

describe('errors', () => {
  it('answers unknown API routes with a JSON 404', async () => {
    const res = await api('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: 'No API route matches GET /api/v1/nothing-here.' },
    });
  });

  it('refuses a body over the limit with a JSON 413', async () => {
    const limit = Number(env.MAX_BODY_BYTES);
    const res = await api('/api/v1/editions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(limit + 1),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('body_too_large');
  });

  it('never answers arbitrary requests with a 5xx, and changes nothing stored', async () => {
    await addEdition(2026, 'open', 40);
    const before = await (await api('/api/v1/editions')).text();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        fc.array(
          fc.constantFrom('v1', 'editions', 'health', '2026', 'openapi.json', '..', '%00', 'docs'),
          { maxLength: 4 },
        ),
        fc.option(fc.string({ maxLength: 200 })),
        async (method, segments, body) => {
          const res = await api(`/api/${segments.join('/')}`, {
            method,
            body: method === 'GET' || body === null ? undefined : body,
          });
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    expect(await (await api('/api/v1/editions')).text()).toBe(before);
  });
});

describe('OpenAPI', () => {
  it('publishes a 3.1 document generated from the routes', async () => {
    const res = await api('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/v1/editions']),
    );
    expect(doc.components.schemas).toHaveProperty('Edition');
  });

  it('renders a readable reference at /api/docs', async () => {
    const res = await api('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('/api/v1/editions');
    expect(html).not.toContain('<script');
  });
});
