import { fail } from '@sveltejs/kit';
import { enforceLimit } from '$api/lib/rate-limit.server';
import { verifyTurnstile } from '$api/lib/turnstile.server';
import { redact } from '$api/testimonials/redact';
import { NewTestimonialBody } from '$api/testimonials/schemas';
import { submitTestimonial } from '$api/testimonials/service.server';
import { getLocale } from '$lib/paraglide/runtime';
import { orFormFailure, wasRefused } from '$lib/server/domain';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ platform }) => ({
  turnstileSiteKey: platform?.env.TURNSTILE_SITE_KEY || null,
});

/** The form as posted, kept to fill the form again; then checked with the API's schema. */
function read(form: FormData) {
  const values = {
    text: String(form.get('text') ?? ''),
    lang: String(form.get('lang') ?? getLocale()),
    themes: form.getAll('themes').map(String),
    employerType: String(form.get('employerType') ?? ''),
    experience: String(form.get('experience') ?? ''),
  };
  const parsed = NewTestimonialBody.safeParse({
    text: values.text,
    lang: values.lang,
    themes: values.themes,
    context: {
      ...(values.employerType ? { employerType: values.employerType } : {}),
      ...(values.experience ? { experience: values.experience } : {}),
    },
  });
  return { values, parsed };
}

export const actions: Actions = {
  edit: async ({ request }) => ({ values: read(await request.formData()).values }),
  preview: async ({ request }) => {
    const { values, parsed } = read(await request.formData());
    if (!parsed.success)
      return fail(400, { values, invalid: parsed.error.issues.map((i) => i.path.join('.')) });
    return { values, preview: redact(parsed.data.text, parsed.data.lang) };
  },
  confirm: async ({ request, platform, locals }) => {
    const form = await request.formData();
    const { values, parsed } = read(form);
    if (!parsed.success)
      return fail(400, { values, invalid: parsed.error.issues.map((i) => i.path.join('.')) });
    const env = platform!.env;
    const admitted = await orFormFailure(
      (async () => {
        await enforceLimit('submit', env, request.headers);
        await verifyTurnstile(env.TURNSTILE_SECRET, form.get('cf-turnstile-response')?.toString());
      })(),
      { values },
    );
    if (wasRefused(admitted)) return admitted;
    const { withdrawalCode } = await submitTestimonial(locals.db, {
      ...parsed.data,
      ...parsed.data.context,
    });
    return { withdrawalCode };
  },
};
