/**
 * Where pages meet the domain's one way to fail: services throw an ApiError for whatever the
 * caller caused (a missing thing, a refusal, invalid input), as the API answers it. A load or an
 * endpoint turns it into the page's error; an action into a form failure that names the refusal.
 * `on` lets a page treat a code its own way: a load or endpoint's handler throws (a redirect, an
 * error of its own); an action's handler may also return, its value then being the action's
 * answer (a failure of its own shape, as the moderation queue's unconfirmed flags). Server
 * faults pass through untouched.
 */
import { error, fail, isActionFailure, type ActionFailure } from '@sveltejs/kit';
import { ApiError, type FieldErrors } from '$api/lib/errors';

type OnCode = Partial<Record<string, (e: ApiError) => never>>;

function domainError(e: unknown, on: OnCode): ApiError {
  if (!(e instanceof ApiError)) throw e;
  on[e.code]?.(e);
  if (e.status >= 500) throw e;
  return e;
}

export async function orPageError<T>(work: Promise<T>, on: OnCode = {}): Promise<T> {
  try {
    return await work;
  } catch (e) {
    const refused = domainError(e, on);
    error(refused.status, refused.message);
  }
}

/** What an action's page reads after a refusal: the error code, its message and fields. */
export interface Refusal {
  refused: string;
  message: string;
  fields: FieldErrors;
  /** For a rate limit: the seconds before a retry may succeed. */
  retryAfter: number | null;
}

export async function orFormFailure<T, D extends object, R = never>(
  work: Promise<T>,
  data: D,
  on: Partial<Record<string, (e: ApiError) => R>> = {},
): Promise<T | R | ActionFailure<D & Refusal>> {
  try {
    return await work;
  } catch (e) {
    const handle = e instanceof ApiError ? on[e.code] : undefined;
    if (handle) return handle(e as ApiError);
    const refused = domainError(e, {});
    return fail(refused.status, {
      ...data,
      refused: refused.code,
      message: refused.message,
      fields: refused.fields ?? {},
      retryAfter: Number(refused.headers?.['Retry-After']) || null,
    });
  }
}

/** Whether an action's domain call was refused; unlike isActionFailure, it keeps the data's type. */
export const wasRefused = <R>(result: R): result is Extract<R, ActionFailure<unknown>> =>
  isActionFailure(result);
