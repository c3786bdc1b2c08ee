import { redirect } from '@sveltejs/kit';
import { loadDraft } from '$api/survey/service.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { rememberResumeCode } from '$lib/server/survey';
import type { RequestHandler } from './$types';

/** The resume link: puts the code back in the cookie and returns to the last step. */
export const GET: RequestHandler = async ({ params, cookies, locals }) => {
  const draft = /^[A-Za-z0-9_-]{22}$/.test(params.code)
    ? await loadDraft(locals.db, params.code)
    : null;
  if (!draft) redirect(303, localizeHref('/enquete?expired=1'));
  rememberResumeCode(cookies, draft.editionYear, params.code);
  redirect(303, localizeHref(`/enquete/${draft.editionYear}/${draft.section ?? 1}`));
};
