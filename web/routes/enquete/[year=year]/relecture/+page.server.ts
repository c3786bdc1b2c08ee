import { fail, redirect } from '@sveltejs/kit';
import { validateAnswers } from '$api/survey/answers';
import { ApiError } from '$api/lib/errors';
import { enforceLimit } from '$api/lib/rate-limit.server';
import { verifyTurnstile } from '$api/lib/turnstile.server';
import { questionsOf } from '$api/survey/questionnaires';
import { deleteDraft, previousSubmission, submitResponse } from '$api/survey/service.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { dbOf } from '$lib/server/platform';
import { forgetResumeCode, readResumeCode } from '$lib/server/survey';
import { requireDraft } from '$lib/server/survey-flow';
import type { Actions, PageServerLoad } from './$types';

/**
 * The resume code doubles as the submission's idempotency key: once sent,
 * it finds the stored response, so a double click or a retry after a
 * network error answers as the first time, and this page knows it is done.
 */
async function alreadySent(platform: App.Platform | undefined, code: string | undefined) {
  return code ? previousSubmission(dbOf(platform), code) : null;
}

export const load: PageServerLoad = async ({ params, cookies, platform }) => {
  const year = Number(params.year);
  if (await alreadySent(platform, readResumeCode(cookies, year))) {
    forgetResumeCode(cookies, year);
    return { submitted: true, answers: {}, turnstileSiteKey: null };
  }
  const { draft } = await requireDraft(dbOf(platform), cookies, year);
  return {
    submitted: false,
    answers: draft.answers,
    turnstileSiteKey: platform?.env.TURNSTILE_SITE_KEY || null,
  };
};

export const actions: Actions = {
  default: async ({ params, request, cookies, platform }) => {
    const db = dbOf(platform);
    const year = Number(params.year);
    const env = platform!.env;
    const previous = await alreadySent(platform, readResumeCode(cookies, year));
    if (previous) return { withdrawalCode: previous.withdrawalCode };

    const { edition, draft, resumeCode } = await requireDraft(db, cookies, year);
    const form = await request.formData();
    try {
      await enforceLimit('submit', env, request.headers);
      await verifyTurnstile(env.TURNSTILE_SECRET, form.get('cf-turnstile-response')?.toString());
    } catch (e) {
      if (e instanceof ApiError) return fail(e.status, { refused: e.code });
      throw e;
    }
    const checked = validateAnswers(edition.questionnaire, draft.answers, {
      requiredOf: questionsOf(edition.questionnaire),
    });
    if (!checked.ok) {
      const code = Object.keys(checked.fields)[0]!.replace(/^answers\./, '');
      const step =
        edition.questionnaire.sections.findIndex((s) => s.questions.some((q) => q.code === code)) +
        1;
      redirect(303, localizeHref(`/enquete/${year}/${Math.max(step, 1)}`));
    }
    const { withdrawalCode } = await submitResponse(db, edition, checked.answers, resumeCode);
    await deleteDraft(db, resumeCode);
    return { withdrawalCode };
  },
};
