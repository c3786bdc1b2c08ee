import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { addEditionWithResponses, api, clearDatabase } from '../fixtures';

beforeEach(clearDatabase);

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
    await addEditionWithResponses(2026, 'open', 40);
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
