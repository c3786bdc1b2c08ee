import type { ParamMatcher } from '@sveltejs/kit';
import { CHART_KINDS } from '$lib/charts/figures';

export const match: ParamMatcher = (param) => (CHART_KINDS as readonly string[]).includes(param);
