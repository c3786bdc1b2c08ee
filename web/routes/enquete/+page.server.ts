import { redirect } from '@sveltejs/kit';
import { listPublicEditions } from '$api/editions/queries.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { dbOf } from '$lib/server/platform';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ platform, url }) => {
  const editions = await listPublicEditions(dbOf(platform));
  const open = editions.find((e) => e.status === 'open');
  if (open) redirect(303, localizeHref(`/enquete/${open.year}${url.search}`));
  return { expired: url.searchParams.has('expired') };
};
