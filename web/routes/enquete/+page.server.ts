import { redirect } from '@sveltejs/kit';
import { listPublicEditions } from '$api/editions/queries.server';
import { localizeHref } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const editions = await listPublicEditions(locals.db);
  const open = editions.find((e) => e.status === 'open');
  if (open) redirect(303, localizeHref(`/enquete/${open.year}${url.search}`));
  return {};
};
