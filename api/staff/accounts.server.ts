/**
 * Staff accounts managed by admins: invitations by one-time link, roles, disabling, second-factor
 * resets and sessions. Each change is written to the audit log in the same batch.
 */
import { and, asc, desc, eq, gt, lt } from 'drizzle-orm';
import type { StaffRole } from '../../db/enums';
import {
  auditLog,
  passkeys,
  recoveryCodes,
  sessions,
  staff,
  staffInvites,
} from '../../db/schema.server';
import { auditEntry } from '../audit/log.server';
import { hashPassword, randomCode, sha256Hex } from '../lib/crypto';
import type { Db } from '../lib/db.server';
import { ApiError } from '../lib/errors';
import { normalizeEmail, openSession, type StaffMember } from './service.server';

export const INVITE_HOURS = 72;

export interface StaffAccount {
  id: number;
  email: string;
  role: StaffRole;
  disabled: boolean;
  createdAt: string;
  totp: boolean;
  passkeys: number;
}

export async function listAccounts(db: Db): Promise<StaffAccount[]> {
  const [accounts, keys] = await db.batch([
    db.select().from(staff).orderBy(asc(staff.email)),
    db.select({ staffId: passkeys.staffId }).from(passkeys),
  ]);
  return accounts.map((a) => ({
    id: a.id,
    email: a.email,
    role: a.role,
    disabled: a.disabled,
    createdAt: a.createdAt,
    totp: Boolean(a.totpSecret),
    passkeys: keys.filter((k) => k.staffId === a.id).length,
  }));
}

export interface SessionRow {
  id: string;
  staffId: number;
  email: string;
  createdAt: string;
  lastSeenAt: string;
  verified: boolean;
}

/** Live sessions (before their absolute end), of one member or of everyone. */
export async function listSessions(db: Db, staffId?: number, now = new Date()) {
  const rows = await db
    .select({
      id: sessions.id,
      staffId: sessions.staffId,
      email: staff.email,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      verifiedAt: sessions.verifiedAt,
    })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(
      and(
        gt(sessions.expiresAt, now.toISOString()),
        staffId === undefined ? undefined : eq(sessions.staffId, staffId),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map(({ verifiedAt, ...r }): SessionRow => ({ ...r, verified: verifiedAt !== '' }));
}

/**
 * Ends a session. A moderator may end their own; an admin any. The session is named by its public
 * id, never its token.
 */
export async function revokeSession(
  db: Db,
  actor: StaffMember,
  id: string,
  now = new Date(),
): Promise<void> {
  const target = await db.query.sessions.findFirst({ where: eq(sessions.id, id) });
  if (!target || (actor.role !== 'admin' && target.staffId !== actor.id))
    throw new ApiError(404, 'not_found', 'No such session.');
  await db.batch([
    db.delete(sessions).where(eq(sessions.id, id)),
    db
      .insert(auditLog)
      .values(auditEntry(actor, 'staff.session_revoked', id, { staffId: target.staffId }, now)),
  ]);
}

async function accountOf(db: Db, id: number) {
  const account = await db.query.staff.findFirst({ where: eq(staff.id, id) });
  if (!account) throw new ApiError(404, 'not_found', 'No such staff account.');
  return account;
}

/** Admins cannot lock themselves out: their own role and access are changed by another admin. */
function notSelf(actor: StaffMember, id: number) {
  if (actor.id === id)
    throw new ApiError(409, 'own_account', 'Another admin must change your own account.');
}

export async function setRole(
  db: Db,
  actor: StaffMember,
  id: number,
  role: StaffRole,
  now = new Date(),
): Promise<void> {
  notSelf(actor, id);
  const account = await accountOf(db, id);
  if (account.role === role) return;
  await db.batch([
    db.update(staff).set({ role }).where(eq(staff.id, id)),
    db
      .insert(auditLog)
      .values(
        auditEntry(
          actor,
          'staff.role_changed',
          account.email,
          { from: account.role, to: role },
          now,
        ),
      ),
  ]);
}

/** Disables or enables an account; disabling ends its sessions at once. */
export async function setDisabled(
  db: Db,
  actor: StaffMember,
  id: number,
  disabled: boolean,
  now = new Date(),
): Promise<void> {
  notSelf(actor, id);
  const account = await accountOf(db, id);
  await db.batch([
    db.update(staff).set({ disabled }).where(eq(staff.id, id)),
    db.delete(sessions).where(eq(sessions.staffId, id)),
    db
      .insert(auditLog)
      .values(
        auditEntry(actor, disabled ? 'staff.disabled' : 'staff.enabled', account.email, null, now),
      ),
  ]);
}

/**
 * Removes every second factor of an account (a lost phone and lost codes) and ends its sessions:
 * its next sign-in enrols a new one.
 */
export async function resetSecondFactor(
  db: Db,
  actor: StaffMember,
  id: number,
  now = new Date(),
): Promise<void> {
  notSelf(actor, id);
  const account = await accountOf(db, id);
  await db.batch([
    db.update(staff).set({ totpSecret: null, totpLastStep: 0 }).where(eq(staff.id, id)),
    db.delete(passkeys).where(eq(passkeys.staffId, id)),
    db.delete(recoveryCodes).where(eq(recoveryCodes.staffId, id)),
    db.delete(sessions).where(eq(sessions.staffId, id)),
    db
      .insert(auditLog)
      .values(auditEntry(actor, 'staff.second_factor_reset', account.email, null, now)),
  ]);
}

/** An invitation: the token for the link, readable only now. */
export async function invite(
  db: Db,
  actor: StaffMember,
  email: string,
  role: StaffRole,
  now = new Date(),
): Promise<{ token: string; expiresAt: string }> {
  const address = normalizeEmail(email);
  if (await db.query.staff.findFirst({ where: eq(staff.email, address) }))
    throw new ApiError(409, 'already_staff', 'This address already has an account.', {
      email: 'This address already has an account.',
    });
  const token = randomCode(32);
  const expiresAt = new Date(now.getTime() + INVITE_HOURS * 3_600_000).toISOString();
  await db.batch([
    db.delete(staffInvites).where(lt(staffInvites.expiresAt, now.toISOString())),
    db.delete(staffInvites).where(eq(staffInvites.email, address)),
    db.insert(staffInvites).values({
      tokenHash: await sha256Hex(token),
      email: address,
      role,
      invitedBy: actor.id,
      expiresAt,
    }),
    db.insert(auditLog).values(auditEntry(actor, 'staff.invited', address, { role }, now)),
  ]);
  return { token, expiresAt };
}

/** The live invitation behind a link's token. */
export async function openInvite(db: Db, token: string, now = new Date()) {
  const found = await db.query.staffInvites.findFirst({
    where: and(
      eq(staffInvites.tokenHash, await sha256Hex(token)),
      gt(staffInvites.expiresAt, now.toISOString()),
    ),
  });
  if (!found)
    throw new ApiError(404, 'invite_unknown', 'This invitation link is unknown, used or expired.');
  return { email: found.email, role: found.role, expiresAt: found.expiresAt };
}

export const PASSWORD_MIN = 12;

/**
 * Creates the invited account with the password its holder chose, spends the invitation, and
 * opens a session that must next enrol a second factor.
 */
export async function acceptInvite(
  db: Db,
  token: string,
  password: string,
  sessionHours: number,
  now = new Date(),
): Promise<string> {
  if ([...password].length < PASSWORD_MIN)
    throw new ApiError(
      400,
      'invalid_body',
      `The password needs ${PASSWORD_MIN} characters or more.`,
      {
        password: `At least ${PASSWORD_MIN} characters.`,
      },
    );
  const tokenHash = await sha256Hex(token);
  const invitation = await openInvite(db, token, now);
  const spent = await db
    .delete(staffInvites)
    .where(eq(staffInvites.tokenHash, tokenHash))
    .returning({ email: staffInvites.email });
  if (spent.length === 0)
    throw new ApiError(404, 'invite_unknown', 'This invitation was just used.');
  const [created] = await db
    .insert(staff)
    .values({
      email: invitation.email,
      passwordHash: await hashPassword(password),
      role: invitation.role,
      createdAt: now.toISOString(),
    })
    .returning({ id: staff.id });
  return openSession(db, created!.id, sessionHours, now, [
    db
      .insert(auditLog)
      .values(auditEntry(created!, 'staff.invite_accepted', invitation.email, null, now)),
  ]);
}
