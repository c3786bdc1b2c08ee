/**
 * What a page shows once after a POST-redirect-GET (a withdrawal code, a respondent's own
 * scores), carried in a short-lived cookie that the page deletes as it reads it. The server keeps
 * none of it, and a refresh finds nothing to show, nor anything to post again.
 */
import type { Cookies } from '@sveltejs/kit';
import type { z } from 'zod';

const FLASH_SECONDS = 600;

export function setFlash(cookies: Cookies, name: string, value: unknown): void {
  cookies.set(name, JSON.stringify(value), {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    maxAge: FLASH_SECONDS,
  });
}

/** The value left for this page, once: a refresh or a forged cookie finds none. */
export function takeFlash<T>(cookies: Cookies, name: string, schema: z.ZodType<T>): T | null {
  const raw = cookies.get(name);
  if (raw === undefined) return null;
  cookies.delete(name, { path: '/' });
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A withdrawal code as the services make them. */
export const WITHDRAWAL_CODE = /^[A-Za-z0-9_-]{22}$/;
