import { redirect } from '@sveltejs/kit';
import type { Db } from '$api/lib/db.server';
import type { FieldErrors } from '$api/lib/errors';
import type { Questionnaire } from '$api/survey/model';
import { deleteDraft, previousSubmission } from '$api/survey/service.server';
import { submitSurvey } from '$api/survey/submit.server';
import { orFormFailure, wasRefused } from '$lib/server/domain';
import { localizeHref } from '$lib/paraglide/runtime';
import { ownScores } from '$api/feedback/personal';
import { plausibilityChecks } from '$api/survey/plausibility';
import { forgetResumeCode, readResumeCode, rememberThanks } from '$lib/server/survey';
import { requireDraft } from '$lib/server/survey-flow';
import type { Actions, PageServerLoad } from './$types';

/**
 * The resume code doubles as the submission's idempotency key: once sent,
 * it finds the stored response, so a double click or a retry after a
 * network error answers as the first time, and this page knows it is done.
 */
async function alreadySent(db: Db, code: string | undefined) {
  return code ? previousSubmission(db, code) : null;
}

function stepPath(questionnaire: Questionnaire, year: number, fields: FieldErrors | undefined) {
  const code = Object.keys(fields ?? {})[0]?.replace(/^answers\./, '');
  const step =
    questionnaire.sections.findIndex((s) => s.questions.some((q) => q.code === code)) + 1;
  return localizeHref(`/enquete/${year}/${Math.max(step, 1)}`);
}

const thanksPath = (year: number) => localizeHref(`/enquete/${year}/merci`);

export const load: PageServerLoad = async ({ params, cookies, platform, locals }) => {
  const year = Number(params.year);
  if (await alreadySent(locals.db, readResumeCode(cookies, year))) {
    forgetResumeCode(cookies, year);
    redirect(303, thanksPath(year));
  }
  const { edition, draft } = await requireDraft(locals.db, cookies, year);
  return {
    answers: draft.answers,
    checks: plausibilityChecks(edition.questionnaire, draft.answers),
    turnstileSiteKey: platform?.env.TURNSTILE_SITE_KEY || null,
  };
};

export const actions: Actions = {
  default: async ({ params, request, cookies, platform, locals }) => {
    const db = locals.db;
    const year = Number(params.year);
    const previous = await alreadySent(db, readResumeCode(cookies, year));
    if (previous) {
      // A retry whose first answer was lost: the code again, but the answers are gone.
      rememberThanks(cookies, year, { code: previous.withdrawalCode, own: null });
      redirect(303, thanksPath(year));
    }

    const { edition, draft, resumeCode } = await requireDraft(db, cookies, year);
    const form = await request.formData();
    const submitted = await orFormFailure(
      submitSurvey(db, platform!.env, {
        year,
        answers: draft.answers,
        headers: request.headers,
        turnstileToken: form.get('cf-turnstile-response')?.toString(),
        idempotencyKey: resumeCode,
      }),
      {},
      // A draft answer no longer valid: back to the step that asks it.
      { invalid_answers: (e) => redirect(303, stepPath(edition.questionnaire, year, e.fields)) },
    );
    if (wasRefused(submitted)) return submitted;
    await deleteDraft(db, resumeCode);
    rememberThanks(cookies, year, {
      code: submitted.withdrawalCode,
      own: ownScores(edition.questionnaire, draft.answers),
    });
    redirect(303, thanksPath(year));
  },
};
