import { redirect } from '@sveltejs/kit';
import { SESSION_COOKIE, logout } from '$api/staff/service.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireSession } from '$lib/server/staff';
import type { Actions, PageServerLoad } from './$types';

/** Signing out is a POST (the button in the admin bar); a GET goes back to the admin pages. */
export const load: PageServerLoad = () => redirect(303, localizeHref('/admin'));

export const actions: Actions = {
  default: async (event) => {
    // A session still waiting for its second factor can give up and sign out, too.
    const { member } = await requireSession(event, { pending: true });
    await logout(event.locals.db, event.cookies.get(SESSION_COOKIE)!, member);
    event.cookies.delete(SESSION_COOKIE, { path: '/', secure: true });
    redirect(303, localizeHref('/admin/connexion'));
  },
};
