import { DEFAULT_K } from '$api/findings/disclosure';
import { themeCounts } from '$api/testimonials/service.server';
import { THEME_CODES } from '$api/testimonials/themes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const counts = await themeCounts(locals.db);
  // Small counts are shown as "< k", as every published figure is.
  return {
    k: DEFAULT_K,
    themes: THEME_CODES.map((code) => {
      const n = counts[code] ?? 0;
      return { code, count: n >= DEFAULT_K ? n : null };
    }),
  };
};
