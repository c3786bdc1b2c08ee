import { error } from '@sveltejs/kit';
import { ApiError } from '$api/lib/errors';

/** Runs a findings read; an unknown edition or code becomes the page's 404 (or 400). */
export async function findingsOr404<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof ApiError && e.status < 500) error(e.status, e.message);
    throw e;
  }
}
