import type { ChartView } from './figures';

/**
 * A chart's addresses, in French before localizeHref: its page, its SVG and PNG (the Worker
 * rasterises the SVG, api/worker.ts), and its embed, under a path of its own so that only it may
 * be framed (web/hooks.server.ts).
 */
export function chartHref(
  form: 'page' | 'svg' | 'png' | 'embed',
  view: Pick<ChartView, 'kind' | 'query'>,
): string {
  const query = new URLSearchParams(view.query).toString();
  const path =
    form === 'embed'
      ? `/integrer/${view.kind}`
      : `/graphiques/${view.kind}${form === 'page' ? '' : `.${form}`}`;
  return query ? `${path}?${query}` : path;
}
