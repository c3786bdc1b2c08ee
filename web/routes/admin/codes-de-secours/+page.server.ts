import { showNewRecoveryCodes, takeRecoveryCodes } from '$lib/server/second-factor';
import { requireRecentFactor, requireSession, staffNext } from '$lib/server/staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await requireSession(event);
  return {
    codes: takeRecoveryCodes(event.cookies),
    next: staffNext(event.url.searchParams.get('next'), '/admin/compte'),
  };
};

export const actions: Actions = {
  renew: async (event) => {
    const session = await requireRecentFactor(event, 'moderator');
    return showNewRecoveryCodes(event.locals.db, event.cookies, session.member, '/admin/compte');
  },
};
