import type { PageServerLoad } from './$types';
import { listPublicEditions } from '$api/editions/queries.server';
import { latestKeyFindings } from '$api/releases/key-findings.server';
import { listCalls } from '$api/testimonials/calls/service.server';

export const load: PageServerLoad = async ({ locals }) => {
  const editions = await listPublicEditions(locals.db);
  return {
    editions,
    open: editions.find((e) => e.status === 'open') ?? null,
    calls: (await listCalls(locals.db)).filter((c) => c.status === 'open'),
    keyFindings: await latestKeyFindings(locals.db),
  };
};
