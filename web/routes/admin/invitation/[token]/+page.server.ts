import { fail, redirect } from '@sveltejs/kit';
import { PASSWORD_MIN, acceptInvite, openInvite } from '$api/staff/accounts.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { orFormFailure, orPageError, wasRefused } from '$lib/server/domain';
import { setSessionCookie } from '$lib/server/staff';
import type { Actions, PageServerLoad } from './$types';

const tokenOf = (raw: string) => raw.slice(0, 64);

export const load: PageServerLoad = async ({ params, locals }) => ({
  invitation: await orPageError(openInvite(locals.db, tokenOf(params.token))),
  passwordMin: PASSWORD_MIN,
});

export const actions: Actions = {
  default: async ({ params, request, locals, cookies, platform }) => {
    const form = await request.formData();
    const password = String(form.get('password') ?? '').slice(0, 1000);
    if (password !== String(form.get('confirm') ?? '').slice(0, 1000))
      return fail(400, { field: 'confirm' as const });
    const hours = Number(platform!.env.STAFF_SESSION_HOURS);
    const token = await orFormFailure(
      acceptInvite(locals.db, tokenOf(params.token), password, hours),
      { field: 'password' as const },
    );
    if (wasRefused(token)) return fail(token.status, token.data);
    setSessionCookie(cookies, token, hours);
    redirect(303, localizeHref('/admin/enrolement'));
  },
};
