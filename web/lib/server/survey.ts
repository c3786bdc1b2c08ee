import type { Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import { DRAFT_LIFETIME_DAYS } from '$api/survey/service.server';

/** The resume code of a draft lives in an HttpOnly cookie, one per edition. */
const cookieName = (year: number) => `cm_survey_${year}`;

export function readResumeCode(cookies: Cookies, year: number): string | undefined {
  return cookies.get(cookieName(year));
}

export function rememberResumeCode(cookies: Cookies, year: number, code: string): void {
  cookies.set(cookieName(year), code, {
    path: '/',
    httpOnly: true,
    secure: true,
    // Lax, so the resume link opened from a mail or a note still carries it.
    sameSite: 'lax',
    maxAge: DRAFT_LIFETIME_DAYS * 86_400,
  });
}

export function forgetResumeCode(cookies: Cookies, year: number): void {
  cookies.delete(cookieName(year), { path: '/' });
}

/**
 * What the thank-you page shows once, carried across the POST-redirect-GET in a cookie that the
 * page deletes as it reads it: the withdrawal code and the respondent's own scores. The server
 * keeps neither.
 */
const thanksCookie = (year: number) => `cm_thanks_${year}`;
const Thanks = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  /** Null when the submission was replayed, its draft already gone. */
  own: z
    .object({
      who5: z.number().min(0).max(100).nullable(),
      cbi: z.number().min(0).max(100).nullable(),
      harassed: z.boolean(),
    })
    .nullable(),
});
export type Thanks = z.infer<typeof Thanks>;

export function rememberThanks(cookies: Cookies, year: number, thanks: Thanks): void {
  cookies.set(thanksCookie(year), JSON.stringify(thanks), {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    maxAge: 600,
  });
}

/** The thanks left by the submission, once: a refresh or a forged cookie finds none. */
export function takeThanks(cookies: Cookies, year: number): Thanks | null {
  const raw = cookies.get(thanksCookie(year));
  if (raw === undefined) return null;
  cookies.delete(thanksCookie(year), { path: '/' });
  try {
    const parsed = Thanks.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
