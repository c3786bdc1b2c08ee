import { fail, redirect } from '@sveltejs/kit';
import { enforceLimit } from '$api/lib/rate-limit.server';
import {
  factorsOf,
  hasSecondFactor,
  proveRecoveryCode,
  proveTotp,
} from '$api/staff/second-factor.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { orFormFailure, wasRefused } from '$lib/server/domain';
import { requireSession, staffNext } from '$lib/server/staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const session = await requireSession(event, { pending: true });
  const next = staffNext(event.url.searchParams.get('next'));
  const factors = await factorsOf(event.locals.db, session.member.id);
  if (!hasSecondFactor(factors))
    redirect(303, localizeHref(`/admin/enrolement?next=${encodeURIComponent(next)}`));
  return {
    next,
    again: session.verifiedAt !== null,
    totp: factors.totp,
    passkeys: factors.passkeys.length > 0,
    recoveryCodesLeft: factors.recoveryCodesLeft,
  };
};

/** One action per factor; both are throttled like the password, so codes cannot be guessed. */
function prove(field: 'code' | 'recoveryCode', check: typeof proveTotp) {
  return async (event: Parameters<Actions[string]>[0]) => {
    const session = await requireSession(event, { pending: true });
    const typed = String((await event.request.formData()).get(field) ?? '').slice(0, 64);
    const result = await orFormFailure(
      (async () => {
        await enforceLimit('login', event.platform!.env, event.request.headers);
        await check(event.locals.db, session, typed);
      })(),
      { field },
    );
    if (wasRefused(result)) return fail(result.status, result.data);
    redirect(303, staffNext(event.url.searchParams.get('next')));
  };
}

export const actions: Actions = {
  totp: prove('code', proveTotp),
  recovery: prove('recoveryCode', proveRecoveryCode),
};
