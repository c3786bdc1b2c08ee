import type { Cookies } from '@sveltejs/kit';
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
