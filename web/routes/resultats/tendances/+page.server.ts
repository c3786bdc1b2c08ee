import { INDICATORS, indicatorByCode } from '$api/findings/definitions';
import { getTrend } from '$api/releases/read.server';
import { DEFAULT_K } from '$api/findings/disclosure';
import { dbOf } from '$lib/server/platform';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ platform, url }) => {
  const indicator =
    indicatorByCode.get(url.searchParams.get('indicator') ?? '') ??
    INDICATORS.find((i) => i.code === 'who5_mean')!;
  return {
    k: DEFAULT_K,
    indicator: { code: indicator.code, label: indicator.label, unit: indicator.unit },
    indicators: INDICATORS.map((i) => ({ code: i.code, label: i.label })),
    points: await getTrend(dbOf(platform), indicator.code),
  };
};
