import { error } from '@sveltejs/kit';
import { getPublished } from '$api/testimonials/service.server';
import { orPageError } from '$lib/server/domain';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  if (!/^[A-Za-z0-9_-]{12}$/.test(params.id))
    error(404, 'No published testimonial has this address.');
  return { testimonial: await orPageError(getPublished(locals.db, params.id)) };
};
