import { personalFeedback } from '$api/feedback/personal';
import { lastRelease } from '$api/feedback/service.server';
import { takeThanks } from '$lib/server/survey';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies, locals, setHeaders, url }) => {
  const year = Number(params.year);
  // The code and the scores are the respondent's alone: no cache may keep them.
  setHeaders({ 'cache-control': 'no-store' });
  const thanks = takeThanks(cookies, year);
  const release = await lastRelease(locals.db, year);
  return {
    thanks: thanks && {
      code: thanks.code,
      feedback: thanks.own && personalFeedback(thanks.own, release),
    },
    release: release && release.release,
    origin: url.origin,
  };
};
