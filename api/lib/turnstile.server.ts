/**
 * Cloudflare Turnstile, checked only when TURNSTILE_SECRET is configured.
 * Cloudflare documents test secrets that always pass or always fail.
 */
import { ApiError } from './errors';

export const SITEVERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

export async function verifyTurnstile(
  secret: string | undefined,
  token: string | null | undefined,
): Promise<void> {
  if (!secret) return;
  if (!token) {
    throw new ApiError(400, 'turnstile_missing', 'The anti-abuse check is missing.', {
      'cf-turnstile-response': 'Required when the anti-abuse check is enabled.',
    });
  }
  const body = new FormData();
  body.set('secret', secret);
  body.set('response', token);
  const res = await fetch(SITEVERIFY_URL, { method: 'POST', body });
  const result = (await res.json()) as { success?: boolean };
  if (!result.success) {
    throw new ApiError(
      403,
      'turnstile_failed',
      'The anti-abuse check failed. Reload the page and try again.',
      {
        'cf-turnstile-response': 'The check did not pass.',
      },
    );
  }
}
