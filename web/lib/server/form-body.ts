/**
 * Form posts get the API's guard (issue #15, part 4): a body limit before anything parses it,
 * and a body that is not a well-formed form is a 400 that says so. SvelteKit would hand the
 * action a request whose formData() throws, which ends as a 500, and would parse any size.
 */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** The whole body, or null as soon as it passes `limit` bytes. */
async function readCapped(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/**
 * A form post's request, read and checked: the same request with its body in memory, or a
 * 413 or 400 error page.
 */
export async function checkedFormPost(request: Request, limit: number): Promise<Request> {
  const tooLarge = () => error(413, m.form_too_large({ kilobytes: Math.floor(limit / 1024) }));
  if (Number(request.headers.get('content-length')) > limit) tooLarge();
  const body = await readCapped(request, limit);
  if (!body) return tooLarge();
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) error(400, m.form_not_form());
  const checked = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body,
  });
  try {
    await checked.clone().formData();
  } catch {
    error(400, m.form_malformed());
  }
  return checked;
}
