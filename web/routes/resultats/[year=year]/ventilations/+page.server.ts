import {
  DIMENSIONS,
  INDICATORS,
  dimensionByCode,
  indicatorByCode,
} from '$api/findings/definitions';
import { getSummary } from '$api/releases/read.server';
import { breakdownChart } from '$lib/charts/figures';
import { getLocale } from '$lib/paraglide/runtime';
import { isOrdered } from '$lib/server/charts';
import { orPageError } from '$lib/server/domain';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const summary = await orPageError(getSummary(locals.db, Number(params.year)));
  // Unknown choices fall back to the first ones: the form cannot be put in an error state by a URL.
  const indicator = indicatorByCode.get(url.searchParams.get('indicator') ?? '') ?? INDICATORS[0]!;
  const by = dimensionByCode.get(url.searchParams.get('by') ?? '') ?? DIMENSIONS[0]!;
  return {
    edition: summary.edition,
    k: summary.k,
    provisional: summary.provisional,
    indicator: { code: indicator.code, label: indicator.label, unit: indicator.unit },
    by: { code: by.code, label: by.label },
    view: breakdownChart(
      summary,
      indicator,
      { ...by, ordered: isOrdered(by) },
      summary.breakdowns[indicator.code]?.[by.code] ?? [],
      getLocale(),
    ),
    indicators: INDICATORS.map((i) => ({ code: i.code, label: i.label })),
    dimensions: DIMENSIONS.map((d) => ({ code: d.code, label: d.label })),
  };
};
