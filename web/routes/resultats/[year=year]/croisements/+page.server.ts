import { crosstabAxes } from '$api/findings/crosstab';
import { findingsEdition, getCrosstab } from '$api/releases/read.server';
import { crosstabMode } from '$lib/findings/crosstab-view';
import { orPageError } from '$lib/server/domain';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const db = locals.db;
  const year = Number(params.year);
  const { questionnaire } = await orPageError(findingsEdition(db, year));
  const axes = crosstabAxes(questionnaire);
  const plain = (list: typeof axes.rows) =>
    list.map((a) => ({ code: a.code, label: a.label, options: a.categories }));
  const rows = plain(axes.rows);
  const cols = plain(axes.cols);
  const pick = (name: string, list: { code: string }[], fallback: string) => {
    const asked = url.searchParams.get(name) ?? '';
    return list.some((q) => q.code === asked) ? asked : fallback;
  };
  const row = pick('row', rows, 'profile.employer_type');
  const col = pick('col', cols, 'exposure.hostile_frequency');
  return {
    rows,
    cols,
    table: await getCrosstab(db, year, row, col),
    mode: crosstabMode(url.searchParams.get('show')),
    withCounts: url.searchParams.get('counts') === '1',
  };
};
