/**
 * Per-client rate limiting (docs/architecture.md, privacy rules). The key is an HMAC of the client
 * address under a key that changes every day, so it cannot be joined to
 * anything stored, and only the limiter ever sees it.
 */
import { ApiError } from './errors';

const encoder = new TextEncoder();

/**
 * Without RATE_LIMIT_SECRET (local runs), each isolate draws its own secret:
 * limits then hold per isolate, and nothing needs configuring.
 */
const isolateSecret = crypto.getRandomValues(new Uint8Array(32));

async function hmac(key: BufferSource, message: string): Promise<ArrayBuffer> {
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    key,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message));
}

/** HMAC(HMAC(secret, day), address), hex: a key that rotates daily. */
export async function limiterKey(
  address: string,
  secret: string | undefined,
  now = new Date(),
): Promise<string> {
  const base = secret ? encoder.encode(secret) : isolateSecret;
  const dailyKey = await hmac(base, now.toISOString().slice(0, 10));
  const digest = await hmac(dailyKey, address);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The client address as Cloudflare gives it; read only to build the limiter key. */
export function clientAddress(headers: Headers): string {
  return headers.get('cf-connecting-ip') ?? 'local';
}

/** Each limit is a rate-limit binding and the period it reports in Retry-After, both in wrangler.toml. */
const LIMITS = {
  submit: { binding: 'SUBMIT_LIMITER', retryAfter: 'SUBMIT_RETRY_AFTER' },
  login: { binding: 'LOGIN_LIMITER', retryAfter: 'LOGIN_RETRY_AFTER' },
} as const;

/** Throws a 429 with Retry-After when this client went over the `limit`. */
export async function enforceLimit(
  limit: keyof typeof LIMITS,
  env: Env,
  headers: Headers,
): Promise<void> {
  const { binding, retryAfter } = LIMITS[limit];
  const key = await limiterKey(clientAddress(headers), env.RATE_LIMIT_SECRET);
  const { success } = await env[binding].limit({ key });
  if (!success) {
    const seconds = env[retryAfter];
    throw new ApiError(
      429,
      'rate_limited',
      `Too many requests. Try again in ${seconds} seconds.`,
      undefined,
      {
        'Retry-After': seconds,
      },
    );
  }
}
