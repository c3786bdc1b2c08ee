import { fail, redirect } from '@sveltejs/kit';
import { enforceLimit } from '$api/lib/rate-limit.server';
import { verifyAccess } from '$api/staff/access.server';
import { login } from '$api/staff/service.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { orFormFailure, wasRefused } from '$lib/server/domain';
import { setSessionCookie, staffNext } from '$lib/server/staff';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ request, cookies, platform, url, locals }) => {
    const env = platform!.env;
    const form = await request.formData();
    const email = String(form.get('email') ?? '').slice(0, 254);
    const admitted = await orFormFailure(
      (async () => {
        await verifyAccess(env, request.headers);
        await enforceLimit('login', env, request.headers);
      })(),
      { email },
    );
    if (wasRefused(admitted)) return admitted;
    const hours = Number(env.STAFF_SESSION_HOURS);
    const session = await login(
      locals.db,
      email,
      String(form.get('password') ?? '').slice(0, 1000),
      hours,
    );
    if (!session) return fail(401, { email, refused: 'invalid_credentials' });
    setSessionCookie(cookies, session.token, hours);
    const next = staffNext(url.searchParams.get('next'));
    redirect(303, localizeHref(`/admin/verification?next=${encodeURIComponent(next)}`));
  },
};
