import { redirect, type Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import type { Db } from '$api/lib/db.server';
import { factorsOf, renewRecoveryCodes } from '$api/staff/second-factor.server';
import type { StaffMember } from '$api/staff/service.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { setFlash, takeFlash } from './flash';

const RECOVERY_FLASH = 'cm_recovery_codes';
const RecoveryCodes = z.array(z.string().regex(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/)).max(10);

/**
 * After a first factor is enrolled, or on request: new recovery codes, shown once on their own
 * page through a POST-redirect-GET, so that a refresh shows them no more.
 */
export async function showNewRecoveryCodes(
  db: Db,
  cookies: Cookies,
  member: StaffMember,
  next: string,
): Promise<never> {
  setFlash(cookies, RECOVERY_FLASH, await renewRecoveryCodes(db, member));
  redirect(303, localizeHref(`/admin/codes-de-secours?next=${encodeURIComponent(next)}`));
}

/** Enrolment ends with recovery codes when the account has none yet, else goes on to `next`. */
export async function afterEnrolment(
  db: Db,
  cookies: Cookies,
  member: StaffMember,
  next: string,
): Promise<never> {
  if ((await factorsOf(db, member.id)).recoveryCodesLeft === 0)
    return showNewRecoveryCodes(db, cookies, member, next);
  redirect(303, next);
}

export const takeRecoveryCodes = (cookies: Cookies) =>
  takeFlash(cookies, RECOVERY_FLASH, RecoveryCodes);
