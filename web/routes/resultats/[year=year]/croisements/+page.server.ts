import { crossableQuestions, findingsEdition, getCrosstab } from '$api/findings/service';
import { dbOf } from '$lib/server/platform';
import { findingsOr404 } from '$lib/server/findings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, platform, url }) => {
  const db = dbOf(platform);
  const year = Number(params.year);
  const { questionnaire } = await findingsOr404(() => findingsEdition(db, year));
  const questions = crossableQuestions(questionnaire).map((q) => ({
    code: q.code,
    label: q.label,
    options: (q.options ?? []).map((o) => ({ code: o.code, label: o.label })),
  }));
  const codes = questions.map((q) => q.code);
  const pick = (name: string, fallback: string) => {
    const asked = url.searchParams.get(name) ?? '';
    return codes.includes(asked) ? asked : fallback;
  };
  const row = pick('row', 'profile.employer_type');
  let col = pick('col', 'exposure.hostile_frequency');
  if (col === row) col = codes.find((c) => c !== row)!;
  return { questions, table: await getCrosstab(db, year, row, col) };
};
