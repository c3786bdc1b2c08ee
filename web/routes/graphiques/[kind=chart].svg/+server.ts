import type { ChartKind } from '$lib/charts/figures';
import { CHART_FILE_WIDTH, renderChart } from '$lib/charts/render';
import { getLocale } from '$lib/paraglide/runtime';
import { loadChart } from '$lib/server/charts';
import { orPageError } from '$lib/server/domain';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) => {
  const view = await orPageError(
    loadChart(locals.db, params.kind as ChartKind, url.searchParams, getLocale()),
  );
  return new Response(renderChart(view.spec, { standalone: { width: CHART_FILE_WIDTH } }), {
    headers: {
      'content-type': 'image/svg+xml; charset=utf-8',
      // Figures change only with a new release; a few minutes keep a shared link cheap.
      'cache-control': 'public, max-age=300',
    },
  });
};
