import type { z } from 'zod';
import { listCalls } from '$api/testimonials/calls/service.server';
import { ListQuery } from '$api/testimonials/schemas';
import { listPublished } from '$api/testimonials/service.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  // Filters come from a GET form, so the page works without JavaScript; unknown values are ignored.
  // The call's parameter is `appel`, as the links from a call's page name it.
  const { appel, ...raw } = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
  const parsed = ListQuery.safeParse({ ...raw, call: appel });
  const query: z.infer<typeof ListQuery> = parsed.success ? parsed.data : {};
  const { call, ...filters } = query;
  return {
    filters: { ...filters, ...(call ? { appel: call } : {}) },
    calls: await listCalls(locals.db),
    ...(await listPublished(locals.db, query)),
  };
};
