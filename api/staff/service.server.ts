/**
 * Staff sign-in and sessions. A session token lives only in the staff member's cookie; the
 * database keeps its SHA-256. A password opens a session that can do one thing: prove a second
 * factor (or enrol one). Only then does the session reach the staff area.
 */
import { and, eq, gt, lt } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { auditLog, sessions, staff } from '../../db/schema.server';
import { type StaffRole } from '../../db/enums';
import { hashPassword, randomCode, sha256Hex, verifyPassword } from '../lib/crypto';
import type { Db } from '../lib/db.server';
import { auditEntry } from '../audit/log.server';

/** `__Host-`: the browser keeps it only if it is Secure, for the whole site, and for this host alone. */
export const SESSION_COOKIE = '__Host-cm_staff';

/** How often a session's last request is written: the idle timeout's precision, and few writes. */
const SEEN_EVERY_MS = 60_000;

/** Publishing and staff changes need a second factor proven this recently (ASVS 5.0 7.5.3). */
export const REAUTH_MINUTES = 10;

export interface StaffMember {
  id: number;
  email: string;
  role: StaffRole;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Verified against when the email is unknown, so an unknown account costs
 * the same PBKDF2 work as a wrong password and timing tells nothing.
 */
let decoyHash: Promise<string> | undefined;

/**
 * A session token, or null; the answer is the same for an unknown account and a wrong password.
 * The session still lacks its second factor.
 */
export async function login(
  db: Db,
  email: string,
  password: string,
  sessionHours: number,
  now = new Date(),
): Promise<{ token: string; member: StaffMember } | null> {
  const account = await db.query.staff.findFirst({ where: eq(staff.email, normalizeEmail(email)) });
  if (!account) {
    decoyHash ??= hashPassword(randomCode());
    await verifyPassword(password, await decoyHash);
    return null;
  }
  if (!(await verifyPassword(password, account.passwordHash)) || account.disabled) return null;
  const token = await openSession(db, account.id, sessionHours, now, [
    db.insert(auditLog).values(auditEntry(account, 'staff.login', null, undefined, now)),
  ]);
  return { token, member: { id: account.id, email: account.email, role: account.role } };
}

/** A new session for `staffId`, written with `alongside`; expired sessions go at the same time. */
export async function openSession(
  db: Db,
  staffId: number,
  sessionHours: number,
  now: Date,
  alongside: BatchItem<'sqlite'>[],
): Promise<string> {
  const token = randomCode(32);
  await db.batch([
    db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())),
    db.insert(sessions).values({
      tokenHash: await sha256Hex(token),
      id: randomCode(9),
      staffId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + sessionHours * 3_600_000).toISOString(),
      lastSeenAt: now.toISOString(),
    }),
    ...alongside,
  ]);
  return token;
}

export interface StaffSession {
  /** The public handle, to list and revoke it. */
  id: string;
  tokenHash: string;
  member: StaffMember;
  /** When a second factor was last proven in it; null while only the password was. */
  verifiedAt: Date | null;
}

/**
 * The session behind a token, if it is live: before its absolute end, and used within the last
 * `idleMinutes`. Each use moves the idle end on (written once a minute at most).
 */
export async function liveSession(
  db: Db,
  token: string,
  idleMinutes: number,
  now = new Date(),
): Promise<StaffSession | null> {
  const tokenHash = await sha256Hex(token);
  const idleSince = new Date(now.getTime() - idleMinutes * 60_000).toISOString();
  const row = await db
    .select({
      id: staff.id,
      email: staff.email,
      role: staff.role,
      disabled: staff.disabled,
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      verifiedAt: sessions.verifiedAt,
    })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now.toISOString()),
        gt(sessions.lastSeenAt, idleSince),
      ),
    )
    .get();
  if (!row || row.disabled) return null;
  if (now.getTime() - Date.parse(row.lastSeenAt) >= SEEN_EVERY_MS)
    await db
      .update(sessions)
      .set({ lastSeenAt: now.toISOString() })
      .where(eq(sessions.tokenHash, tokenHash));
  return {
    id: row.sessionId,
    tokenHash,
    member: { id: row.id, email: row.email, role: row.role },
    verifiedAt: row.verifiedAt ? new Date(row.verifiedAt) : null,
  };
}

/** Whether the session proved a second factor within the last REAUTH_MINUTES. */
export const recentlyVerified = (session: StaffSession, now = new Date()): boolean =>
  session.verifiedAt !== null &&
  now.getTime() - session.verifiedAt.getTime() < REAUTH_MINUTES * 60_000;

export async function logout(
  db: Db,
  token: string,
  member: StaffMember,
  now = new Date(),
): Promise<void> {
  await db.batch([
    db.delete(sessions).where(eq(sessions.tokenHash, await sha256Hex(token))),
    db.insert(auditLog).values(auditEntry(member, 'staff.logout', null, undefined, now)),
  ]);
}

/** Moderators may moderate; admins may do everything. */
export function mayAct(member: StaffMember, needed: StaffRole): boolean {
  return member.role === 'admin' || member.role === needed;
}
