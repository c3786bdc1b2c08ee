import { fail, redirect } from '@sveltejs/kit';
import { factorsOf, enrolTotp, hasSecondFactor } from '$api/staff/second-factor.server';
import { recentlyVerified } from '$api/staff/service.server';
import { newTotpSecret } from '$api/staff/totp';
import { localizeHref } from '$lib/paraglide/runtime';
import { orFormFailure, wasRefused } from '$lib/server/domain';
import { afterEnrolment } from '$lib/server/second-factor';
import { requireSession, staffNext } from '$lib/server/staff';
import type { Actions, PageServerLoad } from './$types';

/**
 * Enrolment: at first sign-in for an account without a second factor, or later to replace the
 * authenticator app or add a passkey, after proving a factor again.
 */
export const load: PageServerLoad = async (event) => {
  const session = await requireSession(event, { pending: true });
  const next = staffNext(event.url.searchParams.get('next'));
  const factors = await factorsOf(event.locals.db, session.member.id);
  const first = !hasSecondFactor(factors);
  if (!first && !recentlyVerified(session))
    redirect(
      303,
      localizeHref(
        `/admin/verification?next=${encodeURIComponent(event.url.pathname + event.url.search)}`,
      ),
    );
  return { next, first, secret: newTotpSecret(), email: session.member.email };
};

export const actions: Actions = {
  totp: async (event) => {
    const session = await requireSession(event, { pending: true });
    const form = await event.request.formData();
    const secret = String(form.get('secret') ?? '').slice(0, 64);
    const result = await orFormFailure(
      enrolTotp(event.locals.db, session, secret, String(form.get('code') ?? '').slice(0, 64)),
      {},
    );
    // The same key comes back, so that a mistyped code does not change the QR code under the user.
    if (wasRefused(result)) return fail(result.status, { ...result.data, secret });
    return afterEnrolment(
      event.locals.db,
      event.cookies,
      session.member,
      staffNext(event.url.searchParams.get('next')),
    );
  },
  /** After a passkey was added through the API (with JavaScript). */
  finish: async (event) => {
    const session = await requireSession(event);
    return afterEnrolment(
      event.locals.db,
      event.cookies,
      session.member,
      staffNext(event.url.searchParams.get('next')),
    );
  },
};
