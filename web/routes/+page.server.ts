import type { PageServerLoad } from './$types';
import { listPublicEditions } from '$api/editions/queries.server';
import { dbOf } from '$lib/server/platform';

export const load: PageServerLoad = async ({ platform }) => {
  const editions = await listPublicEditions(dbOf(platform));
  return { editions, open: editions.find((e) => e.status === 'open') ?? null };
};
