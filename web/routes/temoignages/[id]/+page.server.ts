import { error } from '@sveltejs/kit';
import { getCall } from '$api/testimonials/calls/service.server';
import { getPublished } from '$api/testimonials/service.server';
import { orPageError } from '$lib/server/domain';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  if (!/^[A-Za-z0-9_-]{12}$/.test(params.id))
    error(404, 'No published testimonial has this address.');
  const testimonial = await orPageError(getPublished(locals.db, params.id));
  return {
    testimonial,
    call: testimonial.call ? await getCall(locals.db, testimonial.call) : null,
  };
};
