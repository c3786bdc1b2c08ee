import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { verifyAccess } from '$api/staff/access.server';
import {
  SESSION_COOKIE,
  liveSession,
  mayAct,
  recentlyVerified,
  type StaffMember,
  type StaffSession,
} from '$api/staff/service.server';
import type { StaffRole } from '../../../db/enums';
import { localizeHref } from '$lib/paraglide/runtime';
import { orPageError } from './domain';

export function setSessionCookie(cookies: Cookies, token: string, hours: number): void {
  cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    maxAge: hours * 3600,
  });
}

/** Staff paths only: anything else in `next` would be an open redirect, which helps phishing. */
export const staffNext = (next: string | null, fallback = '/admin/temoignages'): string =>
  next && /^\/(en\/)?admin(\/[\w/-]*)?(\?[\w=%&.-]*)?$/.test(next) ? next : localizeHref(fallback);

const back = (event: RequestEvent) => encodeURIComponent(event.url.pathname);

/**
 * The live session behind the request: the same checks as the staff API (Access when configured,
 * a live session). Without one the page sends to sign-in; with only a password proven, to the
 * second factor, unless `pending` pages (the second factor's own) admit that.
 */
export async function requireSession(
  event: RequestEvent,
  { pending = false } = {},
): Promise<StaffSession> {
  await orPageError(verifyAccess(event.platform!.env, event.request.headers));
  const token = event.cookies.get(SESSION_COOKIE);
  const session = token
    ? await liveSession(event.locals.db, token, Number(event.platform!.env.STAFF_IDLE_MINUTES))
    : null;
  if (!session) redirect(303, localizeHref(`/admin/connexion?next=${back(event)}`));
  if (!session.verifiedAt && !pending)
    redirect(303, localizeHref(`/admin/verification?next=${back(event)}`));
  return session;
}

/** The signed-in staff member with `role`; with the wrong role the page answers 403. */
export async function requireMember(event: RequestEvent, role: StaffRole): Promise<StaffMember> {
  const { member } = await requireSession(event);
  if (!mayAct(member, role)) error(403, 'This page is for administrators only.');
  return member;
}

/**
 * For publishing and staff changes: a second factor proven within the last few minutes, or a
 * detour to prove it again that comes back to this page.
 */
export async function requireRecentFactor(
  event: RequestEvent,
  role: StaffRole,
): Promise<StaffSession> {
  const session = await requireSession(event);
  if (!mayAct(session.member, role)) error(403, 'This page is for administrators only.');
  if (!recentlyVerified(session))
    redirect(303, localizeHref(`/admin/verification?next=${back(event)}`));
  return session;
}
