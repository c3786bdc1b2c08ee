import { listAudit } from '$api/audit/log.server';
import { requireMember } from '$lib/server/staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const member = await requireMember(event, 'admin');
  return { member, entries: await listAudit(event.locals.db) };
};
