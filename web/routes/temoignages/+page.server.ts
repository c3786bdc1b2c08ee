import { ListQuery } from '$api/testimonials/schemas';
import { listPublished } from '$api/testimonials/service.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  // Filters come from a GET form, so the page works without JavaScript; unknown values are ignored.
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
  const parsed = ListQuery.safeParse(raw);
  const filters = parsed.success ? parsed.data : {};
  return { filters, ...(await listPublished(locals.db, filters)) };
};
