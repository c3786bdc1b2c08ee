import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { STAFF_ROLES } from '../../../../db/enums';
import {
  invite,
  listAccounts,
  listSessions,
  resetSecondFactor,
  revokeSession,
  setDisabled,
  setRole,
} from '$api/staff/accounts.server';
import type { StaffMember } from '$api/staff/service.server';
import { orFormFailure, wasRefused } from '$lib/server/domain';
import { setFlash, takeFlash } from '$lib/server/flash';
import { requireRecentFactor } from '$lib/server/staff';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const INVITE_FLASH = 'cm_staff_invite';
const Invitation = z.object({
  email: z.string().max(254),
  link: z.url().max(200),
  expiresAt: z.iso.datetime(),
});

/** Staff management: every view and change needs a second factor proven in the last minutes. */
export const load: PageServerLoad = async (event) => {
  const session = await requireRecentFactor(event, 'admin');
  return {
    member: session.member,
    current: session.id,
    accounts: await listAccounts(event.locals.db),
    sessions: await listSessions(event.locals.db),
    invitation: takeFlash(event.cookies, INVITE_FLASH, Invitation),
  };
};

const Target = z.object({ id: z.coerce.number().int().positive() });

/** Reads the form with `schema`, then runs `change`; a bad field is a 400 that names it. */
function change<S extends z.ZodType>(
  schema: S,
  run: (event: RequestEvent, member: StaffMember, input: z.infer<S>) => Promise<unknown>,
) {
  return async (event: RequestEvent) => {
    const { member } = await requireRecentFactor(event, 'admin');
    const parsed = schema.safeParse(Object.fromEntries(await event.request.formData()));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return fail(400, { message: `${issue.path.join('.')}: ${issue.message}` });
    }
    const result = await orFormFailure(
      run(event, member, parsed.data).then(() => null),
      {},
    );
    if (wasRefused(result)) return fail(result.status, { message: result.data.message });
    return { done: true };
  };
}

export const actions: Actions = {
  invite: async (event) => {
    const { member } = await requireRecentFactor(event, 'admin');
    const form = Object.fromEntries(await event.request.formData());
    const parsed = z
      .object({ email: z.email().max(254), role: z.enum(STAFF_ROLES) })
      .safeParse(form);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]!.path[0]);
      return fail(400, {
        message: parsed.error.issues[0]!.message,
        field,
        email: String(form.email ?? ''),
      });
    }
    const result = await orFormFailure(
      invite(event.locals.db, member, parsed.data.email, parsed.data.role),
      { email: parsed.data.email, field: 'email' },
    );
    if (wasRefused(result)) return fail(result.status, result.data);
    setFlash(event.cookies, INVITE_FLASH, {
      email: parsed.data.email,
      link: `${event.url.origin}/admin/invitation/${result.token}`,
      expiresAt: result.expiresAt,
    });
    redirect(303, event.url.pathname);
  },
  role: change(Target.extend({ role: z.enum(STAFF_ROLES) }), (event, member, input) =>
    setRole(event.locals.db, member, input.id, input.role),
  ),
  disable: change(Target.extend({ disabled: z.enum(['0', '1']) }), (event, member, input) =>
    setDisabled(event.locals.db, member, input.id, input.disabled === '1'),
  ),
  reset: change(Target, (event, member, input) =>
    resetSecondFactor(event.locals.db, member, input.id),
  ),
  revoke: change(z.object({ id: z.string().max(64) }), (event, member, input) =>
    revokeSession(event.locals.db, member, input.id),
  ),
};
