import { error } from '@sveltejs/kit';
import { getPublished } from '$api/testimonials/service.server';
import { dbOf } from '$lib/server/platform';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, platform }) => {
  const testimonial = /^[A-Za-z0-9_-]{12}$/.test(params.id)
    ? await getPublished(dbOf(platform), params.id)
    : null;
  if (!testimonial) error(404, 'No published testimonial has this address.');
  return { testimonial };
};
