import type { LayoutServerLoad } from './$types';
import { hasDemoData } from '$api/editions/queries.server';
import { dbOf } from '$lib/server/platform';

export const load: LayoutServerLoad = async ({ platform }) => ({
  demo: await hasDemoData(dbOf(platform)),
});
