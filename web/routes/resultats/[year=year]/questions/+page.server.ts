import { findingsEdition } from '$api/releases/read.server';
import { orPageError } from '$lib/server/domain';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { questionnaire } = await orPageError(findingsEdition(locals.db, Number(params.year)));
  return {
    year: Number(params.year),
    sections: questionnaire.sections.map((s) => ({
      code: s.code,
      title: s.title,
      // Free text is never published: it has no page.
      questions: s.questions
        .filter((q) => q.type !== 'text')
        .map((q) => ({ code: q.code, label: q.label })),
    })),
  };
};
