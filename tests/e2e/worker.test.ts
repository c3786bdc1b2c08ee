import { describe, expect, it } from 'vitest';
import { baseURL } from './browser';

const get = (path: string) => fetch(`${baseURL()}${path}`);

describe('the built Worker', () => {
  it('serves health and the editions API with demo data', async () => {
    expect(await (await get('/api/health')).json()).toEqual({ status: 'ok', database: 'ok' });
    const { editions } = (await (await get('/api/v1/editions')).json()) as {
      editions: { year: number; status: string; responseCount: number }[];
    };
    // Other browser tests may add editions to the shared database: look at the demo ones.
    const demo = editions.filter((e) => e.year <= 2026);
    expect(demo.map((e) => [e.year, e.status])).toEqual([
      [2024, 'published'],
      [2025, 'published'],
      [2026, 'open'],
    ]);
    // Each count is its release's, with cell-key noise of at most 2.
    const total = demo.reduce((sum, e) => sum + e.responseCount, 0);
    expect(Math.abs(total - 3000)).toBeLessThanOrEqual(2 * demo.length);
  });

  it.each(['/', '/en', '/api/health', '/api/nope', '/nope', '/app.css', '/api/docs'])(
    'sends the security headers on %s',
    async (path) => {
      const res = await get(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      const scriptSrc =
        /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      const hsts = res.headers.get('strict-transport-security') ?? '';
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    },
  );

  it.each(['/admin/connexion', '/en/admin/connexion', '/api/v1/staff/audit'])(
    'forbids caching the staff answer at %s',
    async (path) => {
      const res = await get(path);
      await res.arrayBuffer();
      expect(res.headers.get('cache-control')).toBe('no-store');
    },
  );
});
