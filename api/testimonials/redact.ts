/**
 * Redaction of personal data in free-text testimonials, before they are stored.
 *
 * Pure (no I/O, no imports) so the Worker redacts on write and the browser can show the same
 * result as a preview before submission.
 */

export type RedactionKind = 'email' | 'phone' | 'url' | 'handle' | 'iban' | 'nir';

export interface Redaction {
  kind: RedactionKind;
  /** Offsets of the marker in the redacted text. */
  start: number;
  end: number;
}

export interface Redacted {
  text: string;
  redactions: Redaction[];
}

export const REDACTION_MARKERS: Record<'fr' | 'en', Record<RedactionKind, string>> = {
  fr: {
    email: '[email]',
    phone: '[téléphone]',
    url: '[lien]',
    handle: '[pseudo]',
    iban: '[IBAN]',
    nir: '[numéro de sécurité sociale]',
  },
  en: {
    email: '[email]',
    phone: '[phone]',
    url: '[link]',
    handle: '[handle]',
    iban: '[IBAN]',
    nir: '[social security number]',
  },
};

interface Detector {
  kind: RedactionKind;
  /** Must carry the `g` flag: it is only ever used through `matchAll`, which copies it. */
  pattern: RegExp;
  /** Returns the part of the match to redact (a prefix of it), or null to keep the match. */
  refine?: (match: string) => string | null;
}

interface Span {
  kind: RedactionKind;
  start: number;
  end: number;
}

// French typography puts (narrow) no-break spaces inside numbers, so separators accept them too.
const SPACE = '[ \\u00A0\\u202F]';
const PHONE_SEP = '[ \\u00A0\\u202F.\\-]';

// Obfuscations people use to dodge scrapers: "nom [at] exemple [dot] fr", "nom(arobase)exemple.fr".
const OBFUSCATED_AT = '\\s?[\\[({]\\s?(?:at|arobase|@)\\s?[\\])}]\\s?';
const OBFUSCATED_DOT = '\\s?[\\[({]\\s?(?:dot|point)\\s?[\\])}]\\s?';
const EMAIL_LOCAL = `[\\p{L}\\p{N}_%+\\-]+(?:(?:\\.|${OBFUSCATED_DOT})[\\p{L}\\p{N}_%+\\-]+)*`;
const EMAIL_DOMAIN = `(?:[\\p{L}\\p{N}\\-]+(?:\\.|${OBFUSCATED_DOT}))+\\p{L}{2,}`;

// Bare domains are only recognised with a known TLD, so that "fin.Puis" or "v1.2" stay text.
// Lowercase only: a capitalised word glued after a full stop ("bien.De") is a typo, not a link.
const TLDS = [
  'fr',
  'com',
  'net',
  'org',
  'io',
  'co',
  'uk',
  'de',
  'be',
  'ch',
  'ca',
  'eu',
  'info',
  'me',
  'ly',
  'ee',
  'gg',
  'tv',
  'app',
  'dev',
  'lu',
  'es',
  'it',
  'nl',
  'us',
  'biz',
  'xyz',
  'link',
  'social',
];
const URL_CHARS = `[^\\s<>"'«»]`;
const URL_TAIL_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', '…', "'", '"', '’', '*']);
const URL_CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Drops the sentence punctuation that follows a link, keeping brackets the link itself opened. */
function trimUrl(match: string): string {
  let url = match;
  for (;;) {
    const last = url.at(-1);
    if (last === undefined) return url;
    const opener = URL_CLOSERS[last];
    if (URL_TAIL_PUNCTUATION.has(last)) {
      url = url.slice(0, -1);
    } else if (opener !== undefined && count(url, opener) < count(url, last)) {
      url = url.slice(0, -1);
    } else {
      return url;
    }
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function digitCount(text: string): number {
  return text.replace(/\D/g, '').length;
}

function refineUrl(match: string): string | null {
  const url = trimUrl(match);
  // "www." alone, or a scheme with nothing after it, is not a link to anything.
  return /[\p{L}\p{N}]\.[\p{L}\p{N}]/u.test(url) ? url : null;
}

const DETECTORS: Detector[] = [
  // Emails first: their domain would otherwise become a link and their "@" a handle.
  {
    kind: 'email',
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}._%+@\\-])${EMAIL_LOCAL}(?:@|${OBFUSCATED_AT})${EMAIL_DOMAIN}(?![\\p{L}\\p{N}])`,
      'giu',
    ),
  },
  {
    kind: 'url',
    pattern: new RegExp(`\\bhttps?:\\/\\/${URL_CHARS}+`, 'giu'),
    refine: refineUrl,
  },
  {
    kind: 'url',
    pattern: new RegExp(`(?<![\\p{L}\\p{N}@._\\-/])www\\.${URL_CHARS}+`, 'giu'),
    refine: refineUrl,
  },
  {
    kind: 'url',
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}@._\\-/])(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?\\.)+` +
        `(?:${TLDS.join('|')})(?![\\p{L}\\p{N}_\\-])(?:[/?#]${URL_CHARS}*)?`,
      'gu',
    ),
    refine: trimUrl,
  },
  // IBAN and NIR before phones: their digit runs contain phone-shaped pieces.
  {
    kind: 'iban',
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}(?:${SPACE}?[A-Z0-9]{4}){2,7}(?:${SPACE}?[A-Z0-9]{1,3})?(?![\\p{L}\\p{N}])`,
      'gu',
    ),
    // Four-letter words in capitals would otherwise pass for an account number.
    refine: (match) => (digitCount(match) >= 10 ? match : null),
  },
  {
    // Sex, year, month, department (2A/2B for Corsica), commune, order, then the optional key.
    kind: 'nir',
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}+])[12]${SPACE}?\\d{2}${SPACE}?\\d{2}${SPACE}?(?:\\d{2}|2[ABab])` +
        `${SPACE}?\\d{3}${SPACE}?\\d{3}(?:${SPACE}?\\d{2})?(?![\\p{L}\\p{N}])`,
      'gu',
    ),
  },
  {
    // A French number: 0 and nine digits, or +33 / 0033 with an optional "(0)" trunk prefix.
    kind: 'phone',
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}+_])(?:(?:\\+|00)33${PHONE_SEP}?(?:\\(0\\)${PHONE_SEP}?)?|0${PHONE_SEP}?)` +
        `[1-9](?:${PHONE_SEP}?\\d{2}){4}(?!\\p{N})`,
      'gu',
    ),
  },
  {
    // Any other number written in international form, which always starts with "+".
    kind: 'phone',
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}+_])\\+\\d{1,3}(?:${PHONE_SEP}?(?:\\(\\d{1,4}\\)|\\d{1,6})){1,6}(?!\\p{N})`,
      'gu',
    ),
    refine: (match) => {
      const digits = digitCount(match);
      if (digits < 8 || digits > 15) return null;
      // "+12 000 000 vues" is a count with thousands separators, not a phone number.
      return new RegExp(`^\\+\\d{1,3}(?:${SPACE}\\d{3})+$`, 'u').test(match) ? null : match;
    },
  },
  // Handles last, once every "@" that belongs to an email or a link is taken.
  {
    kind: 'handle',
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}_.\\/\\\\])@([\\p{L}\\p{N}_]+(?:\\.[\\p{L}\\p{N}_]+)*)` +
        `(?:@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)+)?`,
      'gu',
    ),
    refine: (match) => {
      const name = match.slice(1).split('@')[0] ?? '';
      if (!/\p{L}/u.test(name)) return null;
      // "@14h", "@9h30", "@10k": an "at" before a time or an amount, not an account.
      if (/^\d[\d.,]*(?:h\d*|k|min|x)?$/iu.test(name)) return null;
      return match;
    },
  },
];

function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((span) => start < span.end && span.start < end);
}

/** Replaces emails, phone numbers, links, handles, IBANs and NIRs with a marker in `lang`. */
export function redact(text: string, lang: 'fr' | 'en'): Redacted {
  const spans: Span[] = [];
  for (const detector of DETECTORS) {
    for (const match of text.matchAll(detector.pattern)) {
      const kept = detector.refine ? detector.refine(match[0]) : match[0];
      if (kept === null || kept.length === 0) continue;
      const start = match.index;
      const end = start + kept.length;
      if (!overlaps(spans, start, end)) spans.push({ kind: detector.kind, start, end });
    }
  }
  spans.sort((a, b) => a.start - b.start);

  const markers = REDACTION_MARKERS[lang];
  const redactions: Redaction[] = [];
  let output = '';
  let cursor = 0;
  for (const span of spans) {
    output += text.slice(cursor, span.start);
    const marker = markers[span.kind];
    redactions.push({ kind: span.kind, start: output.length, end: output.length + marker.length });
    output += marker;
    cursor = span.end;
  }
  output += text.slice(cursor);
  return { text: output, redactions };
}
