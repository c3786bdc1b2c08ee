import { redirect } from '@sveltejs/kit';
import { resumeDraft } from '$api/survey/service.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { rememberResumeCode } from '$lib/server/survey';
import type { RequestHandler } from './$types';

/**
 * The resume link: puts the code back in the cookie and returns to the last step, or says why it
 * cannot: the draft expired, the survey was sent, or the code is unknown.
 */
export const GET: RequestHandler = async ({ params, cookies, locals }) => {
  const found = /^[A-Za-z0-9_-]{22}$/.test(params.code)
    ? await resumeDraft(locals.db, params.code)
    : ({ status: 'unknown' } as const);
  if (found.status !== 'draft') redirect(303, localizeHref(`/enquete?${found.status}=1`));
  rememberResumeCode(cookies, found.draft.editionYear, params.code);
  redirect(303, localizeHref(`/enquete/${found.draft.editionYear}/${found.draft.section ?? 1}`));
};
