/**
 * TOTP (RFC 6238) as every authenticator app reads it: HMAC-SHA-1, six digits, 30-second steps.
 * A code of the step before or after the current one is accepted, for clock drift; each step is
 * good once, so a code seen over a shoulder cannot be replayed.
 */
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';

const PERIOD_SECONDS = 30;
const DIGITS = 6;
const DRIFT_STEPS = 1;
const ISSUER = 'Observatoire des CM';

/** 160 random bits, the key length RFC 4226 recommends, in base32 as apps take it. */
export const newTotpSecret = (): string =>
  encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));

/** The otpauth:// address a QR code carries. */
export const totpUri = (secret: string, account: string): string =>
  createTOTPKeyURI(ISSUER, account, decodeBase32IgnorePadding(secret), PERIOD_SECONDS, DIGITS);

export const stepAt = (now: Date): number => Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);

export const totpCode = (secret: string, step: number): string =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), DIGITS);

/** The step whose code this is, if it is within the drift and later than `lastStep`; else null. */
export function matchTotp(
  secret: string,
  code: string,
  lastStep: number,
  now: Date,
): number | null {
  const typed = code.replace(/[\s-]/g, '');
  if (!/^\d{6}$/.test(typed)) return null;
  const current = stepAt(now);
  let match: number | null = null;
  // Every candidate is computed, so the time taken does not say which step matched.
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++)
    if (step > lastStep && sameDigits(totpCode(secret, step), typed)) match = step;
  return match;
}

function sameDigits(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
