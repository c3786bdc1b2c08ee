import { keyFindingsOf } from '$api/releases/key-findings.server';
import { getSummary } from '$api/releases/read.server';
import { orPageError } from '$lib/server/domain';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const summary = await orPageError(getSummary(locals.db, Number(params.year)));
  return { summary, keyFindings: await keyFindingsOf(locals.db, summary) };
};
