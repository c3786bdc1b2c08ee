import { takeFlash } from '$lib/server/flash';
import { TESTIMONY_THANKS, TestimonyThanks } from '$lib/server/testimony';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies, setHeaders, url }) => {
  setHeaders({ 'cache-control': 'no-store' });
  return {
    code: takeFlash(cookies, TESTIMONY_THANKS, TestimonyThanks)?.code ?? null,
    origin: url.origin,
  };
};
