import { DEFAULT_K } from '$api/findings/disclosure';
import { DEFAULT_RELEASE_THRESHOLD } from '$api/releases/policy';
import { DRAFT_LIFETIME_DAYS } from '$api/survey/service.server';
import type { PageServerLoad } from './$types';

/** The numbers the page states, read from the code that applies them. */
export const load: PageServerLoad = () => ({
  k: DEFAULT_K,
  r: DEFAULT_RELEASE_THRESHOLD,
  draftDays: DRAFT_LIFETIME_DAYS,
});
