import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { verifyAccess } from '$api/staff/access.server';
import { SESSION_COOKIE, mayAct, sessionMember, type StaffMember } from '$api/staff/service.server';
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

/**
 * The signed-in staff member with `role`: the same checks as the staff API
 * (Access when configured, a live session, the role). Without a session the
 * page sends to sign-in; with the wrong role it answers 403.
 */
export async function requireMember(event: RequestEvent, role: StaffRole): Promise<StaffMember> {
  await orPageError(verifyAccess(event.platform!.env, event.request.headers));
  const token = event.cookies.get(SESSION_COOKIE);
  const member = token
    ? await sessionMember(event.locals.db, token, Number(event.platform!.env.STAFF_IDLE_MINUTES))
    : null;
  if (!member)
    redirect(303, localizeHref(`/admin/connexion?next=${encodeURIComponent(event.url.pathname)}`));
  if (!mayAct(member, role)) error(403, 'This page is for administrators only.');
  return member;
}
