/**
 * What the pages need to show a flagged testimonial: the flag kinds, the neutral markers and the
 * cutting of a text into plain words, masks and flags. Kept apart from `flags.ts`, whose
 * gazetteer (~350 KB) must stay on the server: components import this module only.
 */
import { REDACTION_MARKERS } from './redact';

export type FlagLocale = 'fr' | 'en';
export type FlagKind = 'person' | 'place' | 'organisation' | 'singling_out';
/** The kinds an author can replace; singling-out phrases have no marker. */
export type ReplaceableKind = Exclude<FlagKind, 'singling_out'>;

/** What a replaced flag becomes. */
export const FLAG_MARKERS: Record<FlagLocale, Record<ReplaceableKind, string>> = {
  fr: { person: '[nom]', place: '[lieu]', organisation: '[organisation]' },
  en: { person: '[name]', place: '[place]', organisation: '[organisation]' },
};

/** Every marker a stored text may hold: contact details masked, flags replaced. */
export const MASKS: readonly string[] = [
  ...new Set(
    [REDACTION_MARKERS, FLAG_MARKERS].flatMap((byLocale) =>
      Object.values(byLocale).flatMap((markers): string[] => Object.values(markers)),
    ),
  ),
];
const MASK_PATTERN = new RegExp(`(${MASKS.map((m) => m.replace(/[[\]]/g, '\\$&')).join('|')})`);

/** A piece of a testimonial, in order: the pieces' texts joined give the text back. */
export type Segment =
  { type: 'text' | 'mask'; text: string } | { type: 'flag'; text: string; kind: FlagKind };

/** The offsets and kind of a flag (`Flag` from flags.ts fits). */
export interface FlagSpan {
  start: number;
  end: number;
  kind: FlagKind;
}

/** Plain text cut around its masks. */
function masked(text: string): Segment[] {
  return text
    .split(MASK_PATTERN)
    .filter((part) => part !== '')
    .map((part) => ({ type: MASKS.includes(part) ? 'mask' : 'text', text: part }));
}

/** Cuts `text` into plain words, masks and the `flags` found in it (sorted, not overlapping). */
export function segmentText(text: string, flags: readonly FlagSpan[] = []): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  for (const flag of flags) {
    segments.push(...masked(text.slice(cursor, flag.start)));
    segments.push({ type: 'flag', text: text.slice(flag.start, flag.end), kind: flag.kind });
    cursor = flag.end;
  }
  segments.push(...masked(text.slice(cursor)));
  return segments;
}
