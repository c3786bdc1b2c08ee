/**
 * The matching key of a name: what the gazetteer stores and what the flagger looks up.
 *
 * Pure and dependency-free, because both the generator (`npm run gazetteer`) and the Worker use
 * it: a key built from text must equal the key built from the official spelling, whatever the
 * accents, case, hyphens, apostrophes or "St"/"Ste" abbreviations the author used.
 */

const ABBREVIATIONS = new Map([
  ['st', 'saint'],
  ['ste', 'sainte'],
]);

function plainForm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

// The plain form of each Latin letter up to U+024F, worked out once: most words of a French or
// English testimony need nothing else, and decomposing every word costs more than the rest.
const LATIN_END = 0x250;
const LATIN = Array.from({ length: LATIN_END }, (_, code) => plainForm(String.fromCharCode(code)));

/** The key of one word: lower case, without diacritics, ligatures spelled out. */
export function wordKey(word: string): string {
  const lower = word.toLowerCase();
  let plain = lower;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code < 128) continue;
    if (code >= LATIN_END) {
      plain = plainForm(lower);
      break;
    }
    plain = plain === lower ? lower.slice(0, i) + LATIN[code] : plain + LATIN[code];
    // Past the first accent, copy the rest letter by letter.
    for (let j = i + 1; j < lower.length; j++) {
      const next = lower.charCodeAt(j);
      if (next >= LATIN_END) return ABBREVIATIONS.get(plainForm(lower)) ?? plainForm(lower);
      plain += next < 128 ? lower[j] : LATIN[next];
    }
    break;
  }
  return ABBREVIATIONS.get(plain) ?? plain;
}

/** The key of a name of one or more words: word keys joined by single spaces. */
export function nameKey(name: string): string {
  return (name.match(/[\p{L}\p{N}]+/gu) ?? []).map(wordKey).join(' ');
}

// The place list is long (35,000 names) and sorted keys share long prefixes ("saint ", "la ",
// "le "), so each key is stored after "|" as the length of the prefix it shares with the one
// before, in one character of PREFIX_DIGITS, then the rest. Every RESTART-th key is stored whole
// after "|#", so a lookup binary-searches those and decodes one block, with no unpacking first:
// the Worker pays nothing to load it. Shorter lists are plain keys joined by "|".
const PREFIX_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RESTART = 16;

/** Front-codes sorted, distinct keys into one string. */
export function encodeKeys(keys: readonly string[]): string {
  let previous = '';
  let packed = '';
  keys.forEach((key, index) => {
    if (index % RESTART === 0) {
      packed += `|#${key}`;
    } else {
      let shared = 0;
      const limit = Math.min(previous.length, key.length, PREFIX_DIGITS.length - 1);
      while (shared < limit && previous[shared] === key[shared]) shared++;
      packed += `|${PREFIX_DIGITS[shared]}${key.slice(shared)}`;
    }
    previous = key;
  });
  return packed;
}

/** The keys that `encodeKeys` packed, in order. */
export function decodeKeys(packed: string): string[] {
  const keys: string[] = [];
  let previous = '';
  for (const entry of packed.split('|').slice(1)) {
    const shared = entry[0] === '#' ? 0 : PREFIX_DIGITS.indexOf(entry[0] ?? '0');
    const key = previous.slice(0, shared) + entry.slice(1);
    keys.push(key);
    previous = key;
  }
  return keys;
}

/** Membership in a list packed by `encodeKeys`, looked up in place. */
export class PackedKeys {
  private restarts: number[] | undefined;

  constructor(private readonly packed: string) {}

  /** Where the entry whose text starts at `from` ends. */
  private end(from: number): number {
    const next = this.packed.indexOf('|', from);
    return next < 0 ? this.packed.length : next;
  }

  has(key: string): boolean {
    const { packed } = this;
    if (this.restarts === undefined) {
      this.restarts = [];
      for (let at = packed.indexOf('|#'); at >= 0; at = packed.indexOf('|#', at + 2)) {
        this.restarts.push(at);
      }
    }
    const restarts = this.restarts;
    if (restarts.length === 0) return false;
    // The last block whose first key is not after `key`.
    let low = 0;
    let high = restarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      const at = restarts[mid]! + 2;
      if (packed.slice(at, this.end(at)) <= key) low = mid;
      else high = mid - 1;
    }
    const stop = restarts[low + 1] ?? packed.length;
    let previous = '';
    for (let at = restarts[low]!; at < stop;) {
      const end = this.end(at + 2);
      const digit = packed[at + 1]!;
      const shared = digit === '#' ? 0 : PREFIX_DIGITS.indexOf(digit);
      const current = previous.slice(0, shared) + packed.slice(at + 2, end);
      if (current === key) return true;
      if (current > key) return false;
      previous = current;
      at = end;
    }
    return false;
  }
}

/** Joins sorted, distinct keys for a list that is loaded into a set: `keySet`. */
export function joinKeys(keys: readonly string[]): string {
  return keys.join('|');
}

export function keySet(joined: string): Set<string> {
  return new Set(joined === '' ? [] : joined.split('|'));
}
