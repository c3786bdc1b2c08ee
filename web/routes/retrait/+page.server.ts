import { fail } from '@sveltejs/kit';
import { enforceLimit } from '$api/lib/rate-limit.server';
import { withdrawResponse } from '$api/survey/service.server';
import { withdrawTestimonial } from '$api/testimonials/service.server';
import { orFormFailure, wasRefused } from '$lib/server/domain';
import type { Actions } from './$types';

const CODE = /^[A-Za-z0-9_-]{22}$/;

export const actions: Actions = {
  default: async ({ request, platform, locals }) => {
    const code = String((await request.formData()).get('code') ?? '').trim();
    if (!CODE.test(code)) return fail(400, { code, invalid: true });
    const env = platform!.env;
    const admitted = await orFormFailure(enforceLimit('submit', env, request.headers), { code });
    if (wasRefused(admitted)) return admitted;
    // One form for both kinds of code: a response's, then a testimonial's.
    const db = locals.db;
    const outcome =
      (await withdrawResponse(db, code)) ??
      ((await withdrawTestimonial(db, code)) ? 'testimonial' : null);
    if (!outcome) return fail(404, { code, unknown: true });
    return { outcome };
  },
};
