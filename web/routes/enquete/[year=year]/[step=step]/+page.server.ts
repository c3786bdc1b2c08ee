import { error, fail, redirect } from '@sveltejs/kit';
import { isVisible } from '$api/survey/answers';
import { saveDraft } from '$api/survey/service.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireDraft } from '$lib/server/survey-flow';
import { checkStep, formToAnswers } from '$lib/survey/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies, locals, url }) => {
  const year = Number(params.year);
  const step = Number(params.step);
  const { edition, resumeCode, draft } = await requireDraft(locals.db, cookies, year);
  const section = edition.questionnaire.sections[step - 1];
  if (!section) error(404, `The ${year} survey has no step ${step}.`);
  // Questions that hang on an earlier step are settled by the draft; those
  // that hang on this step are toggled in the page.
  const own = new Set(section.questions.map((q) => q.code));
  const questions = section.questions.filter(
    (q) => !q.showIf || own.has(q.showIf.question) || isVisible(q, draft.answers),
  );
  return {
    step,
    section: { ...section, questions },
    answers: draft.answers,
    resumeUrl: new URL(localizeHref(`/enquete/reprendre/${resumeCode}`), url.origin).href,
  };
};

export const actions: Actions = {
  default: async ({ params, request, cookies, locals }) => {
    const db = locals.db;
    const year = Number(params.year);
    const step = Number(params.step);
    const { edition, resumeCode, draft } = await requireDraft(db, cookies, year);
    const sections = edition.questionnaire.sections;
    const section = sections[step - 1];
    if (!section) error(404, `The ${year} survey has no step ${step}.`);
    const form = await request.formData();
    const forward = form.get('direction') !== 'previous';
    const stepAnswers = formToAnswers(section.questions, form);
    const checked = checkStep(
      edition.questionnaire,
      section.questions,
      draft.answers,
      stepAnswers,
      forward,
    );
    if (!checked.ok) return fail(400, { errors: checked.errors, values: stepAnswers });
    const next = forward ? step + 1 : step - 1;
    await saveDraft(db, resumeCode, {
      answers: checked.answers,
      section: String(Math.max(1, Math.min(next, sections.length))),
    });
    if (next < 1) redirect(303, localizeHref(`/enquete/${year}`));
    redirect(
      303,
      localizeHref(
        next > sections.length ? `/enquete/${year}/relecture` : `/enquete/${year}/${next}`,
      ),
    );
  },
};
