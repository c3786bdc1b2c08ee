import { fail, redirect } from '@sveltejs/kit';
import { ApiError } from '$api/lib/errors';
import { createDraft, loadDraft, openEdition } from '$api/survey/service.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { dbOf } from '$lib/server/platform';
import { readResumeCode, rememberResumeCode } from '$lib/server/survey';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies, platform, url }) => {
  const year = Number(params.year);
  const resumeCode = readResumeCode(cookies, year);
  const draft = resumeCode ? await loadDraft(dbOf(platform), resumeCode) : null;
  return {
    resumeStep: draft ? Number(draft.section ?? 1) : null,
    missing: url.searchParams.has('missing'),
    expired: url.searchParams.has('expired'),
  };
};

export const actions: Actions = {
  start: async ({ params, cookies, platform }) => {
    const db = dbOf(platform);
    const year = Number(params.year);
    try {
      await openEdition(db, year);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) return fail(409, { notOpen: true });
      throw e;
    }
    rememberResumeCode(cookies, year, await createDraft(db, year));
    redirect(303, localizeHref(`/enquete/${year}/1`));
  },
};
