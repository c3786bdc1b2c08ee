import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/lib/errors';
import { getDb } from '../../../api/lib/db.server';
import {
  INVITE_HOURS,
  acceptInvite,
  invite,
  listSessions,
  openInvite,
  resetSecondFactor,
  revokeSession,
  setDisabled,
  setRole,
} from '../../../api/staff/accounts.server';
import { liveSession, login, type StaffMember } from '../../../api/staff/service.server';
import { addStaff, clearDatabase, count, passwordOnly, postJson, signIn } from '../fixtures';

const db = () => getDb(env.DB);
const PASSWORD = 'correct horse battery';

async function member(email: string): Promise<StaffMember> {
  const row = await env.DB.prepare('SELECT id, email, role FROM staff WHERE email = ?')
    .bind(email)
    .first<StaffMember>();
  return row!;
}

/** The code of the ApiError a call throws, or 'ok'. */
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof ApiError ? `${e.status} ${e.code}` : Promise.reject(e)),
  );

const auditActions = async () =>
  (
    await env.DB.prepare('SELECT action FROM audit_log ORDER BY id').all<{ action: string }>()
  ).results.map((r) => r.action);

let admin: StaffMember;
let moderator: StaffMember;

beforeEach(async () => {
  await clearDatabase();
  await addStaff('admin@example.org', 'admin');
  await addStaff('mod@example.org', 'moderator');
  admin = await member('admin@example.org');
  moderator = await member('mod@example.org');
});

describe('invitations', () => {
  it('are one-time links that expire, and open a session that must enrol a factor', async () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const { token, expiresAt } = await invite(
      db(),
      admin,
      ' Nouvelle@Example.org',
      'moderator',
      now,
    );
    expect(Date.parse(expiresAt) - now.getTime()).toBe(INVITE_HOURS * 3_600_000);
    expect(await count('staff_invites', `token_hash = '${token}'`), 'only its hash is kept').toBe(
      0,
    );
    expect(await openInvite(db(), token, now)).toMatchObject({
      email: 'nouvelle@example.org',
      role: 'moderator',
    });

    const late = new Date(now.getTime() + (INVITE_HOURS + 1) * 3_600_000);
    expect(await outcome(acceptInvite(db(), token, 'a long enough pass', 8, late))).toBe(
      '404 invite_unknown',
    );
    expect(await outcome(acceptInvite(db(), token, 'too short', 8, now))).toBe('400 invalid_body');
    const sessionToken = await acceptInvite(db(), token, 'a long enough pass', 8, now);
    expect(await outcome(acceptInvite(db(), token, 'a long enough pass', 8, now))).toBe(
      '404 invite_unknown',
    );
    const session = await liveSession(db(), sessionToken, 30, now);
    expect(session?.member.email).toBe('nouvelle@example.org');
    expect(session?.verifiedAt, 'the new session waits for its factor').toBeNull();
    expect(await auditActions()).toEqual(['staff.invited', 'staff.invite_accepted']);
  });

  it('are refused for an address that already has an account', async () => {
    expect(await outcome(invite(db(), admin, 'MOD@example.org', 'admin'))).toBe(
      '409 already_staff',
    );
    expect(await count('staff_invites')).toBe(0);
  });
});

describe('account changes', () => {
  it('change the role, written to the audit log, never on the actor themselves', async () => {
    await setRole(db(), admin, moderator.id, 'admin');
    expect((await member('mod@example.org')).role).toBe('admin');
    expect(await outcome(setRole(db(), admin, admin.id, 'moderator'))).toBe('409 own_account');
    const entry = await env.DB.prepare(
      "SELECT target, detail_json FROM audit_log WHERE action = 'staff.role_changed'",
    ).first<{ target: string; detail_json: string }>();
    expect(entry).toEqual({
      target: 'mod@example.org',
      detail_json: JSON.stringify({ from: 'moderator', to: 'admin' }),
    });
  });

  it('disable an account: its sessions end at once and its password opens nothing', async () => {
    const cookie = await signIn('mod@example.org');
    await setDisabled(db(), admin, moderator.id, true);
    const token = cookie.split('=')[1]!;
    expect(await liveSession(db(), token, 30)).toBeNull();
    expect(await login(db(), 'mod@example.org', PASSWORD, 8)).toBeNull();
    await setDisabled(db(), admin, moderator.id, false);
    expect(await login(db(), 'mod@example.org', PASSWORD, 8)).not.toBeNull();
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['staff.disabled', 'staff.enabled']),
    );
  });

  it('reset a second factor: every factor and session goes, and the next sign-in enrols', async () => {
    await signIn('mod@example.org');
    await env.DB.prepare("INSERT INTO recovery_codes (code_hash, staff_id) VALUES ('x', ?)")
      .bind(moderator.id)
      .run();
    await resetSecondFactor(db(), admin, moderator.id);
    expect(await count('sessions', `staff_id = ${moderator.id}`)).toBe(0);
    expect(await count('recovery_codes')).toBe(0);
    const res = await postJson('/api/v1/staff/login', {
      email: 'mod@example.org',
      password: PASSWORD,
    });
    expect(((await res.json()) as { secondFactor: string }).secondFactor).toBe('enrol');
    expect(await auditActions()).toContain('staff.second_factor_reset');
  });
});

describe('sessions', () => {
  it('are listed with a public id, and revoked by their owner or an admin only', async () => {
    await signIn('admin@example.org');
    await passwordOnly('mod@example.org');
    const mine = await listSessions(db(), moderator.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ email: 'mod@example.org', verified: false });
    const all = await listSessions(db());
    expect(all).toHaveLength(2);
    const adminSession = all.find((s) => s.staffId === admin.id)!;
    expect(adminSession.verified).toBe(true);
    const stored = await env.DB.prepare('SELECT token_hash FROM sessions WHERE id = ?')
      .bind(adminSession.id)
      .first<{ token_hash: string }>();
    expect(stored!.token_hash).not.toBe(adminSession.id);

    expect(await outcome(revokeSession(db(), moderator, adminSession.id))).toBe('404 not_found');
    expect(await outcome(revokeSession(db(), moderator, mine[0]!.id))).toBe('ok');
    expect(await outcome(revokeSession(db(), admin, adminSession.id))).toBe('ok');
    expect(await count('sessions')).toBe(0);
    expect(await count('audit_log', "action = 'staff.session_revoked'")).toBe(2);
  });
});
