import { fail } from '@sveltejs/kit';
import { ModerationEdits, RejectBody } from '$api/testimonials/schemas';
import {
  listForModeration,
  publishTestimonial,
  rejectTestimonial,
} from '$api/testimonials/service.server';
import { orFormFailure, wasRefused } from '$lib/server/domain';
import { requireMember } from '$lib/server/staff';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const member = await requireMember(event, 'moderator');
  return { member, queue: await listForModeration(event.locals.db, 'pending') };
};

export const actions: Actions = {
  publish: async (event) => {
    const member = await requireMember(event, 'moderator');
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const edits = ModerationEdits.safeParse({
      text: form.get('text') ?? undefined,
      themes: form.getAll('themes'),
    });
    if (!edits.success) return fail(400, { id, invalid: true });
    const published = await orFormFailure(
      publishTestimonial(event.locals.db, member, id, edits.data),
      { id, invalid: true },
    );
    if (wasRefused(published)) return published;
    return { id, done: 'published' as const };
  },
  reject: async (event) => {
    const member = await requireMember(event, 'moderator');
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const body = RejectBody.safeParse({ reason: form.get('reason') ?? '' });
    if (!body.success) return fail(400, { id, invalid: true });
    const rejected = await orFormFailure(
      rejectTestimonial(event.locals.db, member, id, body.data.reason),
      { id, invalid: true },
    );
    if (wasRefused(rejected)) return rejected;
    return { id, done: 'rejected' as const };
  },
};
