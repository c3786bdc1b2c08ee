/**
 * The length of a text as a reader sees it, for the limits of testimonies and moderation text.
 * Without zod or I/O, so that the form in the browser counts as the server does.
 */
const INVISIBLE = /^\p{Cf}+$/u;

const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });

/** User-perceived characters, without the invisible format ones (zero-width spaces, joiners alone). */
export function visibleLength(text: string): number {
  let length = 0;
  for (const { segment } of graphemes.segment(text)) if (!INVISIBLE.test(segment)) length++;
  return length;
}
