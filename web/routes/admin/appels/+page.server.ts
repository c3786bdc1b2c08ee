import { fail } from '@sveltejs/kit';
import { listEditions } from '$api/editions/service.server';
import { CallUpdateBody, NewCallBody } from '$api/testimonials/calls/schemas';
import {
  createCall,
  getCall,
  listCalls,
  updateCall,
  type Call,
} from '$api/testimonials/calls/service.server';
import { dayOf } from '$api/testimonials/calls/status';
import {
  callBody,
  issueErrors,
  readCallForm,
  refusalErrors,
  type CallErrors,
  type CallFormValues,
} from '$lib/server/call-form';
import { orFormFailure, wasRefused } from '$lib/server/domain';
import { requireMember } from '$lib/server/staff';
import type { Actions, PageServerLoad } from './$types';

/** The `target` of the creation form's failures; the others name their call. */
const NEW = '';

export const load: PageServerLoad = async (event) => {
  const member = await requireMember(event, 'admin');
  const db = event.locals.db;
  return {
    member,
    calls: await listCalls(db),
    editions: (await listEditions(db)).map((e) => e.year),
  };
};

/**
 * What a form gets back when refused: its call, what was typed, and a message under each field
 * at fault, or the refusal's own message when it names none of the form's fields.
 */
const refused = (
  status: number,
  target: string,
  values: CallFormValues | null,
  errors: CallErrors,
  message: string | null = null,
) => fail(status, { target, values, errors, message });

/** Runs a change of the service; done, it says which call and what happened to it. */
async function change(
  target: string,
  values: CallFormValues | null,
  work: Promise<Call>,
  done: 'created' | 'saved' | 'closed',
) {
  const result = await orFormFailure(work, {});
  if (wasRefused(result)) {
    const errors = refusalErrors(result.data);
    return refused(
      result.status,
      target,
      values,
      errors,
      Object.keys(errors).length > 0 ? null : result.data.message,
    );
  }
  return { done: { action: done, title: result.title } };
}

export const actions: Actions = {
  create: async (event) => {
    const member = await requireMember(event, 'admin');
    const values = readCallForm(await event.request.formData());
    const body = NewCallBody.safeParse(callBody(values));
    if (!body.success) return refused(400, NEW, values, issueErrors(body.error.issues));
    return change(NEW, values, createCall(event.locals.db, member, body.data), 'created');
  },
  update: async (event) => {
    const member = await requireMember(event, 'admin');
    const form = await event.request.formData();
    const slug = String(form.get('call') ?? '');
    const values = readCallForm(form);
    const body = CallUpdateBody.safeParse(callBody(values));
    if (!body.success) return refused(400, slug, values, issueErrors(body.error.issues));
    return change(slug, values, updateCall(event.locals.db, member, slug, body.data), 'saved');
  },
  /**
   * Closing now makes yesterday its last day, as days are inclusive: it takes no testimony from
   * now on. A call opened today has no earlier day to end on, so its one day becomes yesterday.
   */
  close: async (event) => {
    const member = await requireMember(event, 'admin');
    const slug = String((await event.request.formData()).get('call') ?? '');
    const db = event.locals.db;
    const yesterday = dayOf(new Date(Date.now() - 86_400_000));
    const closing = getCall(db, slug).then((call) =>
      updateCall(
        db,
        member,
        slug,
        CallUpdateBody.parse({
          closesOn: yesterday,
          ...(call.opensOn > yesterday ? { opensOn: yesterday } : {}),
        }),
      ),
    );
    return change(slug, null, closing, 'closed');
  },
};
