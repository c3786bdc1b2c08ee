import type { Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import { DRAFT_LIFETIME_DAYS } from '$api/survey/service.server';
import { setFlash, takeFlash, WITHDRAWAL_CODE } from './flash';

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

/** What the survey's thank-you page shows once: the withdrawal code and the respondent's scores. */
const thanksCookie = (year: number) => `cm_thanks_${year}`;
const Thanks = z.object({
  code: z.string().regex(WITHDRAWAL_CODE),
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

export const rememberThanks = (cookies: Cookies, year: number, thanks: Thanks) =>
  setFlash(cookies, thanksCookie(year), thanks);

export const takeThanks = (cookies: Cookies, year: number) =>
  takeFlash(cookies, thanksCookie(year), Thanks);
