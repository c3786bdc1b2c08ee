import { INDICATORS, indicatorByCode } from '$api/findings/definitions';
import { getTrend } from '$api/releases/read.server';
import { DEFAULT_K } from '$api/findings/disclosure';
import { trendChart } from '$lib/charts/figures';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const indicator =
    indicatorByCode.get(url.searchParams.get('indicator') ?? '') ??
    INDICATORS.find((i) => i.code === 'who5_mean')!;
  return {
    indicator: { code: indicator.code, label: indicator.label },
    indicators: INDICATORS.map((i) => ({ code: i.code, label: i.label })),
    view: trendChart(indicator, await getTrend(locals.db, indicator.code), DEFAULT_K, getLocale()),
  };
};
