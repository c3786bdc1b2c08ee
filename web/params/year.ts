import type { ParamMatcher } from '@sveltejs/kit';

export const match: ParamMatcher = (param) => /^20\d\d$/.test(param);
