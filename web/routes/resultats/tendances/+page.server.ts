import { INDICATORS, indicatorByCode } from '$api/findings/definitions';
import { getTrend } from '$api/releases/read.server';
import { DEFAULT_K } from '$api/findings/disclosure';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const indicator =
    indicatorByCode.get(url.searchParams.get('indicator') ?? '') ??
    INDICATORS.find((i) => i.code === 'who5_mean')!;
  return {
    k: DEFAULT_K,
    indicator: { code: indicator.code, label: indicator.label, unit: indicator.unit },
    indicators: INDICATORS.map((i) => ({ code: i.code, label: i.label })),
    points: await getTrend(locals.db, indicator.code),
  };
};
