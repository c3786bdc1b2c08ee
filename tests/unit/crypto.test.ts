import { describe, expect, it } from 'vitest';
import {
  PBKDF2_ITERATIONS,
  hashPassword,
  randomCode,
  sha256Hex,
  verifyPassword,
} from '../../api/lib/crypto';
import { isoWeek } from '../../api/lib/iso-week';

describe('crypto helpers', () => {
  it('makes codes of at least 128 bits that do not repeat', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => randomCode()));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('hashes with SHA-256', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('hashes passwords with salted PBKDF2 at the Workers maximum, and verifies them', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored.startsWith(`pbkdf2$${PBKDF2_ITERATIONS}$`)).toBe(true);
    expect(await hashPassword('correct horse')).not.toBe(stored);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsf', stored)).toBe(false);
    expect(await verifyPassword('correct horse', 'garbage')).toBe(false);
  });
});

describe('isoWeek', () => {
  it('follows ISO-8601, including weeks that straddle a new year', () => {
    expect(isoWeek(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(isoWeek(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(isoWeek(new Date('2026-11-21T23:59:59Z'))).toBe('2026-W47');
  });
});
