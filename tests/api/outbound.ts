/**
 * The outside services the Worker calls, answered as their documentation
 * says: the test machines reach no network (miniflare's outboundService).
 *  - Turnstile siteverify, for Cloudflare's always-pass and always-fail test secrets.
 *  - Cloudflare Access certs of a test team, signed with a key made per run.
 */
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export const TURNSTILE_ALWAYS_PASS = '1x0000000000000000000000000000000AA';
export const TURNSTILE_ALWAYS_FAIL = '2x0000000000000000000000000000000AA';
export const ACCESS_TEAM = 'observatory-test.cloudflareaccess.com';

export async function accessKeys(): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = 'test-key';
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

export function outboundService(publicJwk: JWK) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (
      url.hostname === 'challenges.cloudflare.com' &&
      url.pathname === '/turnstile/v0/siteverify'
    ) {
      const secret = (await request.formData()).get('secret');
      return Response.json(
        secret === TURNSTILE_ALWAYS_PASS
          ? { success: true, 'error-codes': [] }
          : {
              success: false,
              'error-codes': [
                secret === TURNSTILE_ALWAYS_FAIL
                  ? 'invalid-input-response'
                  : 'invalid-input-secret',
              ],
            },
      );
    }
    if (url.hostname === ACCESS_TEAM && url.pathname === '/cdn-cgi/access/certs') {
      return Response.json({ keys: [publicJwk] });
    }
    return new Response('Tests reach no network.', { status: 502 });
  };
}
