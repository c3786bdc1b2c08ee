/**
 * Recovery codes: ten single-use codes of 80 random bits each, shown once.
 * RFC 4648 base32, which leaves out 0, 1, 8 and 9, in groups of four, typed with or without
 * dashes and in any case.
 */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)))
      .match(/.{4}/g)!
      .join('-'),
  );
}

/** The form a code is stored in (hashed) and compared in. */
export const canonicalRecoveryCode = (typed: string): string =>
  typed.toLowerCase().replace(/[^a-z2-7]/g, '');
