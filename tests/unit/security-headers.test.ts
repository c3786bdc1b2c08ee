import { describe, expect, it } from 'vitest';
import {
  NON_PAGE_CSP,
  applySecurityHeaders,
  staticHeadersFile,
} from '../../api/lib/security-headers';

describe('security headers', () => {
  it('sets HSTS of a year or more, nosniff, a strict referrer policy and no framing', () => {
    const headers = new Headers();
    applySecurityHeaders(headers, '/');
    expect(
      Number(/max-age=(\d+)/.exec(headers.get('strict-transport-security')!)![1]),
    ).toBeGreaterThanOrEqual(31_536_000);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toMatch(
      /^(no-referrer|strict-origin|strict-origin-when-cross-origin|same-origin)$/,
    );
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('content-security-policy')).not.toContain("unsafe-inline' ; script");
  });

  it('keeps a page CSP already set by SvelteKit', () => {
    const headers = new Headers({ 'content-security-policy': "script-src 'self' 'nonce-x'" });
    applySecurityHeaders(headers, '/');
    expect(headers.get('content-security-policy')).toBe("script-src 'self' 'nonce-x'");
  });

  it('lets other sites frame the embeddable charts, and nothing else', () => {
    const framing = (path: string) => {
      const headers = new Headers({
        'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
      });
      applySecurityHeaders(headers, path);
      return [headers.get('content-security-policy'), headers.get('x-frame-options')];
    };
    for (const path of ['/integrer/shares', '/en/embed/trend'])
      expect(framing(path)).toEqual(["default-src 'self'; frame-ancestors *", null]);
    for (const path of [
      '/',
      '/graphiques/shares',
      '/integrer/shares/x',
      '/admin/integrer/shares',
      '/en/integrer/shares',
    ])
      expect(framing(path)).toEqual(["default-src 'self'; frame-ancestors 'none'", 'DENY']);
  });

  it('forbids caching every staff page and answer, and nothing else', () => {
    const cacheOf = (path: string) => {
      const headers = new Headers({ 'cache-control': 'public, max-age=60' });
      applySecurityHeaders(headers, path);
      return headers.get('cache-control');
    };
    for (const path of ['/admin', '/admin/journal', '/en/admin/editions', '/api/v1/staff/audit'])
      expect(cacheOf(path)).toBe('no-store');
    for (const path of ['/', '/administration', '/api/v1/editions', '/resultats/2025'])
      expect(cacheOf(path)).toBe('public, max-age=60');
  });

  it('allows no script at all outside pages', () => {
    expect(NON_PAGE_CSP).toMatch(/default-src 'none'/);
    expect(NON_PAGE_CSP).not.toMatch(/script-src/);
  });

  it('writes the same headers for static assets', () => {
    const file = staticHeadersFile();
    expect(file.startsWith('/*\n')).toBe(true);
    expect(file).toContain('  X-Content-Type-Options: nosniff');
    expect(file).toContain(`  Content-Security-Policy: ${NON_PAGE_CSP}`);
  });
});
