/**
 * Cloudflare's siteverify endpoint as documented for its test secrets: the
 * test machines reach no network, so the Worker's outbound fetch is answered
 * here (miniflare's outboundService), with the documented behaviour.
 */
export const TURNSTILE_ALWAYS_PASS = '1x0000000000000000000000000000000AA';
export const TURNSTILE_ALWAYS_FAIL = '2x0000000000000000000000000000000AA';

export async function siteverify(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.hostname !== 'challenges.cloudflare.com' || url.pathname !== '/turnstile/v0/siteverify') {
    return new Response('Tests reach no network.', { status: 502 });
  }
  const form = await request.formData();
  const secret = form.get('secret');
  const result =
    secret === TURNSTILE_ALWAYS_PASS
      ? { success: true, 'error-codes': [] }
      : {
          success: false,
          'error-codes': [
            secret === TURNSTILE_ALWAYS_FAIL ? 'invalid-input-response' : 'invalid-input-secret',
          ],
        };
  return Response.json(result);
}
