import { listPublicEditions } from '$api/editions/queries.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  editions: (await listPublicEditions(locals.db)).filter((e) => e.status !== 'draft').reverse(),
});
