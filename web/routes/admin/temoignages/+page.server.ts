import { fail } from '@sveltejs/kit';
import { OpenFlagsError, withOpenFlags } from '$api/testimonials/flag-review';
import { segmentText } from '$api/testimonials/marks';
import { listCalls } from '$api/testimonials/calls/service.server';
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
  const queue = await listForModeration(event.locals.db, 'pending');
  return {
    member,
    callTitles: Object.fromEntries(
      (await listCalls(event.locals.db)).map((c) => [c.slug, c.title]),
    ),
    queue: queue.map((row) => {
      const flagged = withOpenFlags(row);
      return { ...flagged, segments: segmentText(flagged.text, flagged.flags) };
    }),
  };
};

/** What the page shows again when flags were left unconfirmed: the edit, and its flags. */
const unconfirmed = (form: FormData, e: OpenFlagsError) => ({
  openFlags: {
    count: e.flags.length,
    segments: e.segments,
    text: form.get('text') === null ? null : String(form.get('text')),
    themes: form.getAll('themes').map(String),
  },
});

export const actions: Actions = {
  publish: async (event) => {
    const member = await requireMember(event, 'moderator');
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const edits = ModerationEdits.safeParse({
      text: form.get('text') ?? undefined,
      themes: form.getAll('themes'),
      confirmFlags: form.get('confirmFlags') === 'on',
    });
    if (!edits.success) return fail(400, { id, invalid: true });
    const published = await orFormFailure(
      publishTestimonial(event.locals.db, member, id, edits.data),
      { id, invalid: true },
      { flags_unconfirmed: (e) => fail(409, { id, ...unconfirmed(form, e as OpenFlagsError) }) },
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
