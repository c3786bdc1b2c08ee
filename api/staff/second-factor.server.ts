/**
 * Second factors: passkeys (WebAuthn), TOTP as the fallback, and recovery codes. Proving one marks
 * the session verified; enrolling one is written to the audit log with the change.
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, count, eq, gt, lt } from 'drizzle-orm';
import { auditLog, passkeys, recoveryCodes, sessions, staff } from '../../db/schema.server';
import { auditEntry } from '../audit/log.server';
import { sha256Hex } from '../lib/crypto';
import type { Db } from '../lib/db.server';
import { ApiError } from '../lib/errors';
import { canonicalRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { recentlyVerified, type StaffMember, type StaffSession } from './service.server';
import { matchTotp } from './totp';

/** Where WebAuthn ceremonies happen: the site's host and origin, from the request. */
export interface RelyingParty {
  id: string;
  origin: string;
}

export const relyingParty = (url: URL): RelyingParty => ({ id: url.hostname, origin: url.origin });

const CHALLENGE_MINUTES = 5;

export interface Factors {
  totp: boolean;
  passkeys: { id: string; createdAt: string; lastUsedAt: string | null }[];
  recoveryCodesLeft: number;
}

export async function factorsOf(db: Db, staffId: number): Promise<Factors> {
  const [account, keys, codes] = await db.batch([
    db.select({ totpSecret: staff.totpSecret }).from(staff).where(eq(staff.id, staffId)),
    db
      .select({ id: passkeys.id, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
      .from(passkeys)
      .where(eq(passkeys.staffId, staffId))
      .orderBy(passkeys.createdAt),
    db.select({ n: count() }).from(recoveryCodes).where(eq(recoveryCodes.staffId, staffId)),
  ]);
  return {
    totp: Boolean(account[0]?.totpSecret),
    passkeys: keys,
    recoveryCodesLeft: codes[0]?.n ?? 0,
  };
}

export const hasSecondFactor = (f: Factors): boolean => f.totp || f.passkeys.length > 0;

/**
 * A factor is enrolled at first sign-in, when the account has none; after that, only from a
 * session that proved one recently. A stolen password alone never adds a factor.
 */
async function assertMayEnrol(db: Db, session: StaffSession, now: Date): Promise<void> {
  if (recentlyVerified(session, now)) return;
  if (!hasSecondFactor(await factorsOf(db, session.member.id))) return;
  throw new ApiError(401, 'reauthentication_required', 'Prove your second factor again first.');
}

const markVerified = (db: Db, session: StaffSession, now: Date) =>
  db
    .update(sessions)
    .set({ verifiedAt: now.toISOString(), challenge: null, challengeExpiresAt: null })
    .where(eq(sessions.tokenHash, session.tokenHash));

const refused = (field: string) =>
  new ApiError(400, 'second_factor_refused', 'That code is not valid, or was already used.', {
    [field]: 'That code is not valid, or was already used.',
  });

/**
 * Checks a TOTP code and marks the session verified. The step is claimed with a conditional
 * update, so two requests with one code cannot both pass.
 */
export async function proveTotp(
  db: Db,
  session: StaffSession,
  code: string,
  now = new Date(),
): Promise<void> {
  const account = await db.query.staff.findFirst({ where: eq(staff.id, session.member.id) });
  const step = account?.totpSecret
    ? matchTotp(account.totpSecret, code, account.totpLastStep, now)
    : null;
  if (step === null) throw refused('code');
  const claimed = await db
    .update(staff)
    .set({ totpLastStep: step })
    .where(and(eq(staff.id, session.member.id), lt(staff.totpLastStep, step)))
    .returning({ id: staff.id });
  if (claimed.length === 0) throw refused('code');
  await db.batch([
    markVerified(db, session, now),
    db
      .insert(auditLog)
      .values(auditEntry(session.member, 'staff.verified', null, { factor: 'totp' }, now)),
  ]);
}

/** Spends a recovery code and marks the session verified. */
export async function proveRecoveryCode(
  db: Db,
  session: StaffSession,
  code: string,
  now = new Date(),
): Promise<void> {
  const spent = await db
    .delete(recoveryCodes)
    .where(
      and(
        eq(recoveryCodes.staffId, session.member.id),
        eq(recoveryCodes.codeHash, await sha256Hex(canonicalRecoveryCode(code))),
      ),
    )
    .returning({ codeHash: recoveryCodes.codeHash });
  if (spent.length === 0) throw refused('recoveryCode');
  await db.batch([
    markVerified(db, session, now),
    db
      .insert(auditLog)
      .values(auditEntry(session.member, 'staff.verified', null, { factor: 'recovery_code' }, now)),
  ]);
}

/**
 * Enrols a TOTP key once a first code from it is right, replacing any earlier one. The key was
 * shown on the page; a tampered key only enrols one its holder already knows.
 */
export async function enrolTotp(
  db: Db,
  session: StaffSession,
  secret: string,
  code: string,
  now = new Date(),
): Promise<void> {
  await assertMayEnrol(db, session, now);
  if (!/^[A-Z2-7]{32}$/.test(secret))
    throw new ApiError(400, 'invalid_body', 'The key is malformed.', { secret: 'Malformed key.' });
  const step = matchTotp(secret, code, 0, now);
  if (step === null) throw refused('code');
  await db.batch([
    db
      .update(staff)
      .set({ totpSecret: secret, totpLastStep: step })
      .where(eq(staff.id, session.member.id)),
    markVerified(db, session, now),
    db.insert(auditLog).values(auditEntry(session.member, 'staff.totp_enrolled', null, null, now)),
  ]);
}

/** New recovery codes, replacing the old ones; the only time they are readable. */
export async function renewRecoveryCodes(
  db: Db,
  member: StaffMember,
  now = new Date(),
): Promise<string[]> {
  const codes = newRecoveryCodes();
  const rows = await Promise.all(
    codes.map(async (c) => ({
      staffId: member.id,
      codeHash: await sha256Hex(canonicalRecoveryCode(c)),
    })),
  );
  await db.batch([
    db.delete(recoveryCodes).where(eq(recoveryCodes.staffId, member.id)),
    db.insert(recoveryCodes).values(rows),
    db.insert(auditLog).values(auditEntry(member, 'staff.recovery_codes_renewed', null, null, now)),
  ]);
  return codes;
}

async function saveChallenge(db: Db, session: StaffSession, challenge: string, now: Date) {
  await db
    .update(sessions)
    .set({
      challenge,
      challengeExpiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
    })
    .where(eq(sessions.tokenHash, session.tokenHash));
}

/** The session's pending challenge, taken so that it serves once. */
async function takeChallenge(db: Db, session: StaffSession, now: Date): Promise<string> {
  const pending = await db
    .select({ challenge: sessions.challenge })
    .from(sessions)
    .where(
      and(
        eq(sessions.tokenHash, session.tokenHash),
        gt(sessions.challengeExpiresAt, now.toISOString()),
      ),
    )
    .get();
  const challenge = pending?.challenge;
  // RETURNING gives the row as updated, its challenge already null: it is read first, then
  // cleared only if still the same, so that two requests cannot both spend it.
  const taken = challenge
    ? await db
        .update(sessions)
        .set({ challenge: null, challengeExpiresAt: null })
        .where(and(eq(sessions.tokenHash, session.tokenHash), eq(sessions.challenge, challenge)))
        .returning({ tokenHash: sessions.tokenHash })
    : [];
  if (!challenge || taken.length === 0)
    throw new ApiError(400, 'challenge_expired', 'The passkey request expired; try again.');
  return challenge;
}

const passkeyRefused = () =>
  new ApiError(400, 'passkey_refused', 'This passkey could not be verified.', {
    credential: 'This passkey could not be verified.',
  });

const transportsOf = (json: string): string[] => JSON.parse(json) as string[];

export async function passkeyRegistrationOptions(
  db: Db,
  session: StaffSession,
  rp: RelyingParty,
  now = new Date(),
) {
  await assertMayEnrol(db, session, now);
  const existing = await db.select().from(passkeys).where(eq(passkeys.staffId, session.member.id));
  const options = await generateRegistrationOptions({
    rpName: 'Observatoire des CM',
    rpID: rp.id,
    userName: session.member.email,
    userID: new TextEncoder().encode(`staff:${session.member.id}`),
    attestationType: 'none',
    excludeCredentials: existing.map((k) => ({
      id: k.id,
      transports: transportsOf(k.transportsJson),
    })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await saveChallenge(db, session, options.challenge, now);
  return options;
}

export async function registerPasskey(
  db: Db,
  session: StaffSession,
  response: RegistrationResponseJSON,
  rp: RelyingParty,
  now = new Date(),
): Promise<void> {
  await assertMayEnrol(db, session, now);
  const expectedChallenge = await takeChallenge(db, session, now);
  const result = await verifyRegistrationResponse({
    response,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
  }).catch(() => null);
  if (!result?.verified) throw passkeyRefused();
  const { credential } = result.registrationInfo;
  await db.batch([
    db.insert(passkeys).values({
      id: credential.id,
      staffId: session.member.id,
      publicKey: encodeBase64urlNoPadding(credential.publicKey),
      counter: credential.counter,
      transportsJson: JSON.stringify(credential.transports ?? []),
      createdAt: now.toISOString(),
    }),
    markVerified(db, session, now),
    db
      .insert(auditLog)
      .values(auditEntry(session.member, 'staff.passkey_added', credential.id, null, now)),
  ]);
}

export async function passkeyAuthenticationOptions(
  db: Db,
  session: StaffSession,
  rp: RelyingParty,
  now = new Date(),
) {
  const keys = await db.select().from(passkeys).where(eq(passkeys.staffId, session.member.id));
  if (keys.length === 0)
    throw new ApiError(409, 'no_passkey', 'This account has no passkey; use a code.');
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: keys.map((k) => ({ id: k.id, transports: transportsOf(k.transportsJson) })),
    userVerification: 'preferred',
  });
  await saveChallenge(db, session, options.challenge, now);
  return options;
}

export async function provePasskey(
  db: Db,
  session: StaffSession,
  response: AuthenticationResponseJSON,
  rp: RelyingParty,
  now = new Date(),
): Promise<void> {
  const expectedChallenge = await takeChallenge(db, session, now);
  const key = await db.query.passkeys.findFirst({
    where: and(eq(passkeys.id, response.id), eq(passkeys.staffId, session.member.id)),
  });
  if (!key) throw passkeyRefused();
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: key.id,
      publicKey: new Uint8Array(decodeBase64urlIgnorePadding(key.publicKey)),
      counter: key.counter,
      transports: transportsOf(key.transportsJson) as never,
    },
  }).catch(() => null);
  if (!result?.verified) throw passkeyRefused();
  await db.batch([
    db
      .update(passkeys)
      .set({ counter: result.authenticationInfo.newCounter, lastUsedAt: now.toISOString() })
      .where(eq(passkeys.id, key.id)),
    markVerified(db, session, now),
    db
      .insert(auditLog)
      .values(auditEntry(session.member, 'staff.verified', null, { factor: 'passkey' }, now)),
  ]);
}

/** Removes one of the member's passkeys, unless it is their last second factor. */
export async function removePasskey(
  db: Db,
  member: StaffMember,
  id: string,
  now = new Date(),
): Promise<void> {
  const factors = await factorsOf(db, member.id);
  if (!factors.passkeys.some((k) => k.id === id))
    throw new ApiError(404, 'not_found', 'No such passkey.');
  if (!factors.totp && factors.passkeys.length === 1)
    throw new ApiError(409, 'last_factor', 'This is your only second factor; add another first.');
  await db.batch([
    db.delete(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.staffId, member.id))),
    db.insert(auditLog).values(auditEntry(member, 'staff.passkey_removed', id, null, now)),
  ]);
}
