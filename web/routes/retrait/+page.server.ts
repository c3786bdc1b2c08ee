import { fail } from '@sveltejs/kit';
import { ApiError } from '$api/lib/errors';
import { enforceLimit } from '$api/lib/rate-limit.server';
import { withdrawResponse } from '$api/survey/service.server';
import { withdrawTestimonial } from '$api/testimonials/service.server';
import { dbOf } from '$lib/server/platform';
import type { Actions } from './$types';

const CODE = /^[A-Za-z0-9_-]{22}$/;

export const actions: Actions = {
  default: async ({ request, platform }) => {
    const code = String((await request.formData()).get('code') ?? '').trim();
    if (!CODE.test(code)) return fail(400, { code, invalid: true });
    const env = platform!.env;
    try {
      await enforceLimit('submit', env, request.headers);
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) return fail(429, { code, rateLimited: true });
      throw e;
    }
    // One form for both kinds of code: a response's, then a testimonial's.
    const db = dbOf(platform);
    const outcome =
      (await withdrawResponse(db, code)) ??
      ((await withdrawTestimonial(db, code)) ? 'testimonial' : null);
    if (!outcome) return fail(404, { code, unknown: true });
    return { outcome };
  },
};
