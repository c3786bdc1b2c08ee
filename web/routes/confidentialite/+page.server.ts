import { DEFAULT_K } from '$api/findings/disclosure';
import { DRAFT_LIFETIME_DAYS } from '$api/survey/service';
import type { PageServerLoad } from './$types';

/**
 * New responses needed before the open edition's next release (DESIGN §3):
 * the default the privacy page states.
 */
const RELEASE_MIN_NEW_RESPONSES = 50;

/** The numbers the page states, read from the code that applies them. */
export const load: PageServerLoad = () => ({
  k: DEFAULT_K,
  r: RELEASE_MIN_NEW_RESPONSES,
  draftDays: DRAFT_LIFETIME_DAYS,
});
