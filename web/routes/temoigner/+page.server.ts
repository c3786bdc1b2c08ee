import { fail, redirect } from '@sveltejs/kit';
import { enforceLimit } from '$api/lib/rate-limit.server';
import { verifyTurnstile } from '$api/lib/turnstile.server';
import { reviewForAuthor } from '$api/testimonials/flag-review';
import type { z } from 'zod';
import { BAD_CHARACTERS } from '$api/lib/readable-text';
import { NewTestimonialBody } from '$api/testimonials/schemas';
import { submitTestimonial } from '$api/testimonials/service.server';
import { listCalls, openCall } from '$api/testimonials/calls/service.server';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { setFlash } from '$lib/server/flash';
import { TESTIMONY_THANKS } from '$lib/server/testimony';
import { orFormFailure, wasRefused } from '$lib/server/domain';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ platform, locals, url }) => {
  const calls = (await listCalls(locals.db)).filter((c) => c.status === 'open');
  // Arriving from a call's link (?appel=), the form answers it and ticks its suggested themes.
  const answering = calls.find((c) => c.slug === url.searchParams.get('appel'));
  return {
    turnstileSiteKey: platform?.env.TURNSTILE_SITE_KEY || null,
    calls,
    preset: { call: answering?.slug ?? '', themes: answering?.themes ?? [] },
  };
};

/** The form as posted, kept to fill the form again; then checked with the API's schema. */
function read(form: FormData) {
  const values = {
    text: String(form.get('text') ?? ''),
    lang: String(form.get('lang') ?? getLocale()),
    themes: form.getAll('themes').map(String),
    employerType: String(form.get('employerType') ?? ''),
    experience: String(form.get('experience') ?? ''),
    call: String(form.get('call') ?? ''),
    // The flags the author chose to replace, and those the preview they saw had replaced.
    replace: form.getAll('replace').map(String),
    shown: String(form.get('shown') ?? ''),
  };
  const parsed = NewTestimonialBody.safeParse({
    text: values.text,
    lang: values.lang,
    themes: values.themes,
    context: {
      ...(values.employerType ? { employerType: values.employerType } : {}),
      ...(values.experience ? { experience: values.experience } : {}),
    },
    ...(values.call ? { call: values.call } : {}),
  });
  return { values, parsed };
}

/** The fields at fault, and whether the text was refused for its characters rather than its length. */
function invalidFields(error: z.ZodError) {
  return {
    invalid: error.issues.map((i) => i.path.join('.')),
    badCharacters: error.issues.some(
      (i) => i.code === 'custom' && i.params?.reason === BAD_CHARACTERS,
    ),
  };
}

export const actions: Actions = {
  edit: async ({ request }) => ({ values: read(await request.formData()).values }),
  preview: async ({ request, locals }) => {
    const { values, parsed } = read(await request.formData());
    if (!parsed.success) return fail(400, { values, ...invalidFields(parsed.error) });
    // A call that closed since the form was shown is said before the author reviews the text.
    if (parsed.data.call) {
      const open = await orFormFailure(openCall(locals.db, parsed.data.call), { values });
      if (wasRefused(open)) return open;
    }
    return { values, preview: reviewForAuthor(parsed.data.text, parsed.data.lang, values.replace) };
  },
  confirm: async ({ request, platform, locals, cookies }) => {
    const form = await request.formData();
    const { values, parsed } = read(form);
    if (!parsed.success) return fail(400, { values, ...invalidFields(parsed.error) });
    const review = reviewForAuthor(parsed.data.text, parsed.data.lang, values.replace);
    // What is stored is what the author saw: choices changed since, or flags that moved, preview again.
    if (review.stale.length > 0 || [...values.replace].sort().join(' ') !== values.shown)
      return { values, preview: review, changed: true };
    const env = platform!.env;
    const admitted = await orFormFailure(
      (async () => {
        await enforceLimit('submit', env, request.headers);
        await verifyTurnstile(env.TURNSTILE_SECRET, form.get('cf-turnstile-response')?.toString());
      })(),
      { values },
    );
    if (wasRefused(admitted)) return admitted;
    const submitted = await orFormFailure(
      submitTestimonial(locals.db, { ...parsed.data, ...parsed.data.context, text: review.text }),
      { values },
    );
    if (wasRefused(submitted)) return submitted;
    setFlash(cookies, TESTIMONY_THANKS, { code: submitted.withdrawalCode });
    redirect(303, localizeHref('/temoigner/merci'));
  },
};
