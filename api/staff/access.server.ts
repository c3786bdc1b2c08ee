/**
 * Cloudflare Access in front of the staff area. When ACCESS_TEAM_DOMAIN and
 * ACCESS_AUD are set, every staff request must carry a Cf-Access-Jwt-Assertion
 * signed by the team's keys for this application.
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { ApiError } from '../lib/errors';

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

export async function verifyAccess(env: Env, headers: Headers): Promise<void> {
  const team = env.ACCESS_TEAM_DOMAIN;
  const audience = env.ACCESS_AUD;
  if (!team || !audience) return;
  const token = headers.get('cf-access-jwt-assertion');
  if (!token)
    throw new ApiError(401, 'access_required', 'Sign in through Cloudflare Access first.');
  const issuer = `https://${team}`;
  let keys = keySets.get(issuer);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`${issuer}/cdn-cgi/access/certs`));
    keySets.set(issuer, keys);
  }
  try {
    await jwtVerify(token, keys, { issuer, audience });
  } catch {
    throw new ApiError(
      403,
      'access_denied',
      'The Cloudflare Access token is not valid for this application.',
    );
  }
}
