import { fail } from '@sveltejs/kit';
import { listSessions, revokeSession } from '$api/staff/accounts.server';
import { factorsOf, removePasskey } from '$api/staff/second-factor.server';
import { orFormFailure, wasRefused } from '$lib/server/domain';
import { requireRecentFactor, requireSession } from '$lib/server/staff';
import type { Actions, PageServerLoad } from './$types';

/** A staff member's own second factors and sessions. */
export const load: PageServerLoad = async (event) => {
  const session = await requireSession(event);
  const db = event.locals.db;
  return {
    member: session.member,
    current: session.id,
    factors: await factorsOf(db, session.member.id),
    sessions: await listSessions(db, session.member.id),
  };
};

async function attempt(work: Promise<unknown>) {
  const result = await orFormFailure(
    work.then(() => null),
    {},
  );
  return wasRefused(result)
    ? fail(result.status, { message: result.data.message })
    : { done: true };
}

export const actions: Actions = {
  removePasskey: async (event) => {
    const session = await requireRecentFactor(event, 'moderator');
    const id = String((await event.request.formData()).get('id') ?? '').slice(0, 1400);
    return attempt(removePasskey(event.locals.db, session.member, id));
  },
  revoke: async (event) => {
    const session = await requireSession(event);
    const id = String((await event.request.formData()).get('id') ?? '').slice(0, 64);
    return attempt(revokeSession(event.locals.db, session.member, id));
  },
};
