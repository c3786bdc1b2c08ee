/**
 * Staff accounts and sessions. A session token lives only in
 * the staff member's cookie; the database keeps its SHA-256.
 */
import { and, eq, gt, lt } from 'drizzle-orm';
import { auditLog, sessions, staff } from '../../db/schema.server';
import { type StaffRole } from '../../db/enums';
import { hashPassword, randomCode, sha256Hex, verifyPassword } from '../lib/crypto';
import type { Db } from '../lib/db.server';
import { auditEntry } from '../audit/log.server';

/** `__Host-`: the browser keeps it only if it is Secure, for the whole site, and for this host alone. */
export const SESSION_COOKIE = '__Host-cm_staff';

/** How often a session's last request is written: the idle timeout's precision, and few writes. */
const SEEN_EVERY_MS = 60_000;

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

/** A session token, or null; the answer is the same for an unknown account and a wrong password. */
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
  const token = randomCode(32);
  await db.batch([
    db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())),
    db.insert(sessions).values({
      tokenHash: await sha256Hex(token),
      staffId: account.id,
      expiresAt: new Date(now.getTime() + sessionHours * 3_600_000).toISOString(),
      lastSeenAt: now.toISOString(),
    }),
    db.insert(auditLog).values(auditEntry(account, 'staff.login', null, undefined, now)),
  ]);
  return { token, member: { id: account.id, email: account.email, role: account.role } };
}

/**
 * The member behind a session token, if the session is live: before its absolute end, and used
 * within the last `idleMinutes`. Each use moves the idle end on (written once a minute at most).
 */
export async function sessionMember(
  db: Db,
  token: string,
  idleMinutes: number,
  now = new Date(),
): Promise<StaffMember | null> {
  const tokenHash = await sha256Hex(token);
  const idleSince = new Date(now.getTime() - idleMinutes * 60_000).toISOString();
  const row = await db
    .select({
      id: staff.id,
      email: staff.email,
      role: staff.role,
      disabled: staff.disabled,
      lastSeenAt: sessions.lastSeenAt,
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
  return { id: row.id, email: row.email, role: row.role };
}

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
