import type { ChartKind } from '$lib/charts/figures';
import { getLocale } from '$lib/paraglide/runtime';
import { loadChart } from '$lib/server/charts';
import { orPageError } from '$lib/server/domain';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => ({
  view: await orPageError(
    loadChart(locals.db, params.kind as ChartKind, url.searchParams, getLocale()),
  ),
  origin: url.origin,
});
