import { redirect } from '@sveltejs/kit';
import { createDraft, loadDraft, openEdition } from '$api/survey/service.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { orFormFailure, wasRefused } from '$lib/server/domain';
import { readResumeCode, rememberResumeCode } from '$lib/server/survey';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies, locals }) => {
  const year = Number(params.year);
  const resumeCode = readResumeCode(cookies, year);
  const draft = resumeCode ? await loadDraft(locals.db, resumeCode) : null;
  return {
    resumeStep: draft ? Number(draft.section ?? 1) : null,
  };
};

export const actions: Actions = {
  start: async ({ params, cookies, locals }) => {
    const db = locals.db;
    const year = Number(params.year);
    const open = await orFormFailure(openEdition(db, year), {});
    if (wasRefused(open)) return open;
    rememberResumeCode(cookies, year, await createDraft(db, year));
    redirect(303, localizeHref(`/enquete/${year}/1`));
  },
};
