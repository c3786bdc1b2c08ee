import { listPublicEditions } from '$api/editions/queries.server';
import { dbOf } from '$lib/server/platform';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ platform }) => ({
  editions: (await listPublicEditions(dbOf(platform)))
    .filter((e) => e.status === 'published')
    .reverse(),
});
