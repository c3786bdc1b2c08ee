import type { LayoutServerLoad } from './$types';
import { hasDemoData } from '$api/editions/queries.server';

export const load: LayoutServerLoad = async ({ locals }) => ({
  demo: await hasDemoData(locals.db),
});
