/**
 * The security headers of every response. Pages get their CSP from SvelteKit
 * (kit.csp in svelte.config.js), which adds nonces to its own inline
 * scripts; everything else gets the strict CSP below.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** For responses that are not SvelteKit pages: API JSON, the API reference, files. */
export const NON_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Staff pages and answers: pending testimonials, the audit log, staff e-mails. */
const STAFF_PATH = /^\/(en\/)?admin(\/|$)|^\/api\/v1\/staff(\/|$)/;

/** Embeddable charts: the one place other sites may frame (docs/adr/013-charts.md). */
const EMBED_PATH = /^\/(en\/embed|integrer)\/[^/]+$/;

export function applySecurityHeaders(headers: Headers, pathname: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', NON_PAGE_CSP);
  if (EMBED_PATH.test(pathname)) {
    headers.delete('X-Frame-Options');
    headers.set(
      'Content-Security-Policy',
      headers
        .get('Content-Security-Policy')!
        .replace("frame-ancestors 'none'", 'frame-ancestors *'),
    );
  }
  // Neither the browser nor a proxy keeps a copy of staff answers, to show after sign-out.
  if (STAFF_PATH.test(pathname)) headers.set('Cache-Control', 'no-store');
}

/** The same headers in the `_headers` format that Workers static assets read. */
export function staticHeadersFile(): string {
  const lines = Object.entries({
    ...SECURITY_HEADERS,
    'Content-Security-Policy': NON_PAGE_CSP,
  }).map(([name, value]) => `  ${name}: ${value}`);
  return `/*\n${lines.join('\n')}\n`;
}
