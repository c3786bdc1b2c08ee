import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RECOVERY_CODE_COUNT,
  canonicalRecoveryCode,
  newRecoveryCodes,
} from '../../api/staff/recovery-codes';
import { matchTotp, newTotpSecret, stepAt, totpCode, totpUri } from '../../api/staff/totp';

// RFC 6238 appendix B: the SHA-1 key is the ASCII "12345678901234567890".
const RFC_SECRET = encodeBase32UpperCaseNoPadding(new TextEncoder().encode('12345678901234567890'));
const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP', () => {
  it('gives the RFC 6238 test vectors (the last six of their eight digits)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors)
      expect(totpCode(RFC_SECRET, stepAt(at(seconds)))).toBe(code.slice(2));
  });

  it('accepts the code of the step before and after, not two away, and tells which step', () => {
    const now = at(1_800_000_015);
    const step = stepAt(now);
    for (const offset of [-1, 0, 1])
      expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step + offset), 0, now)).toBe(
        step + offset,
      );
    for (const offset of [-2, 2])
      expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step + offset), 0, now)).toBeNull();
  });

  it('takes each step once: a code of the last accepted step or before it is refused', () => {
    const now = at(1_800_000_015);
    const step = stepAt(now);
    const code = totpCode(RFC_SECRET, step);
    expect(matchTotp(RFC_SECRET, code, step - 1, now)).toBe(step);
    expect(matchTotp(RFC_SECRET, code, step, now)).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), step - 1, now)).toBeNull();
  });

  it('reads a code typed with spaces or a dash, and refuses anything but six digits', () => {
    const now = at(1_800_000_015);
    const code = totpCode(RFC_SECRET, stepAt(now));
    expect(matchTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, 0, now)).not.toBeNull();
    expect(matchTotp(RFC_SECRET, `${code.slice(0, 3)}-${code.slice(3)}`, 0, now)).not.toBeNull();
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }).filter((s) => !/^\d{6}$/.test(s.replace(/[\s-]/g, ''))),
        (typed) => matchTotp(RFC_SECRET, typed, 0, now) === null,
      ),
    );
  });

  it('makes 160-bit keys that do not repeat, and an otpauth address apps read', () => {
    const keys = new Set(Array.from({ length: 200 }, newTotpSecret));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(RFC_SECRET, 'ana@example.org'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('secret')).toBe(RFC_SECRET);
    expect(uri.searchParams.get('issuer')).toBe('Observatoire des CM');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
  });
});

describe('recovery codes', () => {
  it('are ten codes of 80 random bits in four groups, none repeated', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
  });

  it('read the same typed in capitals, with spaces or without dashes', () => {
    const [code] = newRecoveryCodes();
    const canonical = canonicalRecoveryCode(code!);
    expect(canonical).toMatch(/^[a-z2-7]{16}$/);
    expect(canonicalRecoveryCode(code!.toUpperCase())).toBe(canonical);
    expect(canonicalRecoveryCode(` ${code!.replaceAll('-', ' ')} `)).toBe(canonical);
    expect(canonicalRecoveryCode(code!.replaceAll('-', ''))).toBe(canonical);
  });
});
