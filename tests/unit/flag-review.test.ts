import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/lib/errors';
import {
  OpenFlagsError,
  confirmOpenFlags,
  reviewForAuthor,
  withOpenFlags,
} from '../../api/testimonials/flag-review';
import { applyChoices, flagIdentifiers } from '../../api/testimonials/flags';
import { segmentText } from '../../api/testimonials/marks';
import { redact } from '../../api/testimonials/redact';
import { IDENTIFIER_CORPUS } from './fixtures/identifier-corpus';

const STORY =
  'À la mairie de Saint-Brieuc, je suis la seule à gérer les comptes. Mon manager, Julien Martin, ne répond jamais le soir. Écrivez-moi à prenom.nom@exemple.fr si besoin.';

const joined = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

describe('the author’s review', () => {
  it('changes nothing but the redaction when no flag is chosen, and lists each replaceable flag', () => {
    const review = reviewForAuthor(STORY, 'fr');
    expect(review.text).toBe(redact(STORY, 'fr').text);
    expect(review.masked).toBe(1);
    expect(review.choices.map((c) => [c.text, c.kind, c.marker, c.replaced])).toEqual([
      ['mairie de Saint-Brieuc', 'organisation', '[organisation]', false],
      ['Julien Martin', 'person', '[nom]', false],
    ]);
    expect(joined(review.segments)).toBe(review.text);
    expect(review.segments.filter((s) => s.type === 'flag').map((s) => s.text)).toEqual([
      'mairie de Saint-Brieuc',
      'la seule à gérer',
      'Julien Martin',
    ]);
    expect(review.segments.filter((s) => s.type === 'mask').map((s) => s.text)).toEqual([
      '[email]',
    ]);
  });

  it('replaces the chosen flag only, keeps the other, and shows what remains', () => {
    const { choices } = reviewForAuthor(STORY, 'fr');
    const person = choices.find((c) => c.kind === 'person')!;
    const review = reviewForAuthor(STORY, 'fr', [person.key]);
    expect(review.text).toContain('Mon manager, [nom], ne répond');
    expect(review.text).toContain('À la mairie de Saint-Brieuc');
    expect(review.choices.map((c) => c.replaced)).toEqual([false, true]);
    expect(review.stale).toEqual([]);
    expect(review.segments.filter((s) => s.type === 'mask').map((s) => s.text)).toEqual([
      '[nom]',
      '[email]',
    ]);
    expect(review.segments.filter((s) => s.type === 'flag').map((s) => s.text)).toEqual([
      'mairie de Saint-Brieuc',
      'la seule à gérer',
    ]);
  });

  it('replacing the place a singling-out phrase leans on takes that flag away too', () => {
    const { choices } = reviewForAuthor(STORY, 'fr');
    const review = reviewForAuthor(
      STORY,
      'fr',
      choices.map((c) => c.key),
    );
    expect(review.text).toMatch(/^À la \[organisation\], je suis la seule/);
    expect(review.segments.filter((s) => s.type === 'flag')).toEqual([]);
  });

  it('reports keys that match no flag of the text, and ignores them', () => {
    const review = reviewForAuthor(STORY, 'fr', ['0-4', 'nonsense']);
    expect(review.stale).toEqual(['0-4', 'nonsense']);
    expect(review.text).toBe(redact(STORY, 'fr').text);
  });

  it('uses the markers of the testimony’s language', () => {
    const text = 'My manager, Julien Martin, never answers in the evening, and I end up alone.';
    const { choices } = reviewForAuthor(text, 'en');
    const review = reviewForAuthor(text, 'en', [choices[0]!.key]);
    expect(review.text).toContain('My manager, [name], never');
  });
});

/** Texts made of the corpus' sentences, contact details and noise: names, places, markers. */
const testimony = fc
  .array(
    fc.oneof(
      fc.constantFrom(...IDENTIFIER_CORPUS.map((s) => s.text)),
      fc.constantFrom('prenom.nom@exemple.fr', '06 12 34 56 78', '@jordan_cm', '[nom]', '[email]'),
      fc.string({ maxLength: 40 }),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(' '));

describe('properties', () => {
  it('flagging never changes the text unless the author asks', () => {
    fc.assert(
      fc.property(testimony, fc.constantFrom('fr' as const, 'en' as const), (text, lang) => {
        const redacted = redact(text.trim(), lang).text;
        const review = reviewForAuthor(text, lang);
        expect(review.text).toBe(redacted);
        expect(joined(review.segments)).toBe(redacted);
        const open = withOpenFlags({ text: redacted, lang });
        expect(open.text).toBe(redacted);
        expect(joined(segmentText(open.text, open.flags))).toBe(redacted);
      }),
      { numRuns: 300 },
    );
  });

  it('the author’s choices change the chosen flags and nothing else', () => {
    fc.assert(
      fc.property(
        testimony,
        fc.constantFrom('fr' as const, 'en' as const),
        fc.infiniteStream(fc.boolean()),
        (text, lang, coins) => {
          const redacted = redact(text.trim(), lang).text;
          const flags = flagIdentifiers(redacted, lang);
          const { choices } = reviewForAuthor(text, lang);
          const chosen = choices.filter(() => coins.next().value as boolean);
          const review = reviewForAuthor(
            text,
            lang,
            chosen.map((c) => c.key),
          );
          const indexes = chosen.map((c) =>
            flags.findIndex((f) => `${f.start}-${f.end}` === c.key),
          );
          expect(review.text).toBe(applyChoices(redacted, flags, indexes, lang));
          expect(joined(review.segments)).toBe(review.text);
          for (const choice of chosen) expect(review.text).toContain(choice.marker);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the moderator’s confirmation', () => {
  const stored = redact(STORY, 'fr').text;

  it('is not needed when no flag is open', () => {
    expect(
      confirmOpenFlags('Je modère seule, le soir, jusqu’à minuit, depuis cinq ans.', 'fr', false),
    ).toEqual({});
  });

  it('is a 409 naming confirmFlags when flags are open, with the flags to show', () => {
    let error: unknown;
    try {
      confirmOpenFlags(stored, 'fr', false);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OpenFlagsError);
    expect(error).toBeInstanceOf(ApiError);
    const open = error as OpenFlagsError;
    expect(open.status).toBe(409);
    expect(open.code).toBe('flags_unconfirmed');
    expect(Object.keys(open.fields!)).toEqual(['confirmFlags']);
    expect(open.flags).toHaveLength(3);
    expect(joined(open.segments)).toBe(stored);
  });

  it('records counts by kind once confirmed, never the words', () => {
    const detail = confirmOpenFlags(stored, 'fr', true);
    expect(detail).toEqual({ confirmedFlags: { organisation: 1, singling_out: 1, person: 1 } });
    expect(JSON.stringify(detail)).not.toMatch(/Julien|Brieuc/);
  });
});

describe('segments', () => {
  it('cut masks of both languages and replaced flags out of plain text', () => {
    expect(segmentText('Voir [email], [téléphone] et [name] puis [lieu].')).toEqual([
      { type: 'text', text: 'Voir ' },
      { type: 'mask', text: '[email]' },
      { type: 'text', text: ', ' },
      { type: 'mask', text: '[téléphone]' },
      { type: 'text', text: ' et ' },
      { type: 'mask', text: '[name]' },
      { type: 'text', text: ' puis ' },
      { type: 'mask', text: '[lieu]' },
      { type: 'text', text: '.' },
    ]);
  });
});
