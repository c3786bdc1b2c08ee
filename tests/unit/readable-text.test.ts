import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readableText } from '../../api/lib/readable-text';
import { visibleLength } from '../../api/lib/visible-length';

const field = readableText(5, 20, 'Required.');
const CONTROLS = [
  ...Array.from({ length: 32 }, (_, i) => i).filter((c) => ![9, 10, 13].includes(c)),
  ...Array.from({ length: 33 }, (_, i) => 0x7f + i),
].map((c) => String.fromCharCode(c));

describe('readable text', () => {
  it('keeps new lines and tabs, and stores what it keeps in NFC, trimmed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 5, maxLength: 20 }), (text) => {
        const parsed = field.safeParse(`\t${text.normalize('NFD')}\n`);
        if (!parsed.success) return;
        expect(parsed.data).toBe(text.normalize('NFC').trim());
        expect(field.parse(parsed.data)).toBe(parsed.data);
      }),
    );
    expect(field.parse('un\tdeux\r\ntrois')).toBe('un\tdeux\r\ntrois');
  });

  it('refuses any control character but new lines and tabs, and any lone surrogate', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii', minLength: 6, maxLength: 10 }),
        fc.constantFrom(...CONTROLS, '\ud800', '\udbff', '\udc00', '\udfff'),
        fc.nat(),
        (text, bad, at) => {
          const i = at % text.length;
          const parsed = field.safeParse(`${text.slice(0, i)}${bad}${text.slice(i)}`);
          expect(parsed.success).toBe(false);
          expect(parsed.error!.issues[0]!.message).toMatch(/Control characters|lone surrogates/);
        },
      ),
      // Both ends are where trimming once let a form feed through: always try them.
      {
        examples: [
          ['abcdef', '\f', 0],
          ['abcdef', '\u000b', 6],
        ],
      },
    );
  });

  it('counts what a reader sees: grapheme clusters, without invisible format characters', () => {
    expect(visibleLength('\u200b'.repeat(60))).toBe(0);
    expect(visibleLength('👨‍👩‍👧‍👦')).toBe(1);
    expect(visibleLength('e\u0301té')).toBe(3);
    expect(visibleLength('🇫🇷 ok')).toBe(4);
    expect(field.safeParse('\u200b'.repeat(60)).success).toBe(false);
    expect(field.safeParse('👍'.repeat(20)).success).toBe(true);
    expect(field.safeParse('👍'.repeat(21)).success).toBe(false);
  });
});
