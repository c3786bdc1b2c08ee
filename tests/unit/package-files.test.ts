import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../api/findings/definitions';
import { applyRule, SHARE_RULES } from '../../api/publication/indicator-definitions';
import { rString } from '../../api/publication/load-r';
import { shuffledRowIds } from '../../api/publication/package.server';
import { Sha256 } from '../../api/publication/sha256';
import { choicesOf } from '../../api/survey/model';
import { questionnaires, questionsOf } from '../../api/survey/questionnaires';

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

describe('the files of the data package', () => {
  it('document each share with the rule the findings apply', () => {
    const shares = INDICATORS.filter((i) => i.reduce.kind === 'share');
    expect(Object.keys(SHARE_RULES).sort()).toEqual(shares.map((i) => i.code).sort());
    for (const i of shares) {
      const when = (i.reduce as { when: (x: number) => boolean }).when;
      for (let x = -1; x <= 101; x += 0.25) {
        expect(applyRule(SHARE_RULES[i.code]!, x), `${i.code} at ${x}`).toBe(when(x));
      }
    }
  });

  it('hash streamed chunks as Web Crypto hashes the whole file', async () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 1000, 70_001]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 255);
      const hash = new Sha256();
      for (let i = 0; i < n; i += 37) hash.update(data.subarray(i, i + 37));
      expect(hash.bytes).toBe(n);
      expect(hash.hex()).toBe(hex(await crypto.subtle.digest('SHA-256', data)));
    }
  });

  it('number rows 1..n in an order drawn from the seed alone', () => {
    const seed = 'a3'.repeat(32);
    const ids = shuffledRowIds(1000, seed);
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect([...shuffledRowIds(1000, seed)]).toEqual([...ids]);
    expect([...shuffledRowIds(1000, '5c'.repeat(32))]).not.toEqual([...ids]);
    expect(ids.filter((id, i) => id === i + 1).length).toBeLessThan(20);
  });

  it('leave the negative numbers to the missing codes: no answer can be below 0', () => {
    for (const questionnaire of Object.values(questionnaires)) {
      for (const q of questionsOf(questionnaire)) {
        if (q.type === 'number') expect(q.min, q.code).toBeGreaterThanOrEqual(0);
        for (const o of choicesOf(q))
          if (o.score !== undefined) expect(o.score).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('write R strings in ASCII, so load.R parses the same in any locale', () => {
    expect(rString('Île "x" \\ ’')).toBe('"\\u{ce}le \\"x\\" \\\\ \\u{2019}"');
  });
});
