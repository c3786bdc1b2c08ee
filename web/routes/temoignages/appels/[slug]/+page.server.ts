import { error } from '@sveltejs/kit';
import { CallSlug } from '$api/testimonials/calls/schemas';
import { callThemeCounts, getCall } from '$api/testimonials/calls/service.server';
import { listPublished } from '$api/testimonials/service.server';
import { orPageError } from '$lib/server/domain';
import type { PageServerLoad } from './$types';

/** A call, the themes its published testimonies touch, and the newest of them. */
export const load: PageServerLoad = async ({ params, locals }) => {
  if (!CallSlug.safeParse(params.slug).success) error(404, 'There is no call with this name.');
  const call = await orPageError(getCall(locals.db, params.slug));
  return {
    call,
    ...(await callThemeCounts(locals.db, call.slug)),
    ...(await listPublished(locals.db, { call: call.slug })),
  };
};
