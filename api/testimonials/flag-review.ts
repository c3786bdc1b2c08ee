/**
 * The decisions on flags (issue #16): the author's at preview, then the moderator's at
 * publication. Pure: the pages and the API call it on the server, where the flagger's gazetteer
 * lives; what reaches the browser is plain data (segments, choices).
 *
 * Flags are never stored: they are computed again on the stored text whenever someone looks,
 * so they follow every edit and every improvement of the flagger.
 */
import { ApiError } from '../lib/errors';
import { applyChoices, flagIdentifiers, type Flag } from './flags';
import {
  FLAG_MARKERS,
  segmentText,
  type FlagKind,
  type ReplaceableKind,
  type Segment,
} from './marks';
import { redact } from './redact';

/** A flag the author may replace, as the preview form lists it. */
export interface FlagChoice {
  /** The checkbox's value: the flag's offsets in the redacted text, stable for the same text. */
  key: string;
  text: string;
  kind: ReplaceableKind;
  marker: string;
  replaced: boolean;
}

export interface AuthorReview {
  /** What would be stored: redacted, then the chosen flags replaced. */
  text: string;
  /** How many contact details were masked. */
  masked: number;
  /** That text, cut into words, masks and the flags that remain in it. */
  segments: Segment[];
  /** Every replaceable flag of the redacted text, with the author's choice. */
  choices: FlagChoice[];
  /** Keys asked for that match no flag of this text (a text or a flagger that changed). */
  stale: string[];
}

const keyOf = (flag: Flag) => `${flag.start}-${flag.end}`;

/**
 * The author's preview: `text` redacted, flagged, and the flags named in `replace` (keys from
 * `choices`) replaced by their neutral marker. Without any key, the text is the redacted text
 * exactly: flagging alone changes nothing.
 */
export function reviewForAuthor(
  text: string,
  lang: 'fr' | 'en',
  replace: readonly string[] = [],
): AuthorReview {
  const redacted = redact(text.trim(), lang);
  const flags = flagIdentifiers(redacted.text, lang);
  const wanted = new Set(replace);
  const indexes: number[] = [];
  const choices: FlagChoice[] = [];
  flags.forEach((flag, index) => {
    if (flag.kind === 'singling_out') return;
    const key = keyOf(flag);
    const replaced = wanted.delete(key);
    if (replaced) indexes.push(index);
    choices.push({
      key,
      text: flag.text,
      kind: flag.kind,
      marker: FLAG_MARKERS[lang][flag.kind],
      replaced,
    });
  });
  const final = indexes.length ? applyChoices(redacted.text, flags, indexes, lang) : redacted.text;
  return {
    text: final,
    masked: redacted.redactions.length,
    segments: segmentText(final, indexes.length ? flagIdentifiers(final, lang) : flags),
    choices,
    stale: [...wanted],
  };
}

/** A stored testimonial with the flags still open in it, for the moderation queue. */
export function withOpenFlags<T extends { text: string; lang: 'fr' | 'en' }>(row: T) {
  return { ...row, flags: flagIdentifiers(row.text, row.lang) };
}

/** How many open flags of each kind: what the audit log keeps of them, never their words. */
function countByKind(flags: readonly Flag[]): Partial<Record<FlagKind, number>> {
  const counts: Partial<Record<FlagKind, number>> = {};
  for (const flag of flags) counts[flag.kind] = (counts[flag.kind] ?? 0) + 1;
  return counts;
}

/** Publication refused for want of a confirmation: the 409, with the flags the page shows. */
export class OpenFlagsError extends ApiError {
  constructor(
    readonly flags: Flag[],
    readonly segments: Segment[],
  ) {
    super(
      409,
      'flags_unconfirmed',
      `The text still holds ${flags.length} flagged passage(s) that may identify its author.`,
      { confirmFlags: 'Required: true, to publish despite the flags that remain.' },
    );
  }
}

/**
 * The moderator's last word on the text about to be published (the stored one, or their edit
 * once redacted): with flags still open it must be confirmed, else an OpenFlagsError, a 409
 * naming `confirmFlags`.
 * Returns what the audit entry records of the confirmation: counts by kind, not the words,
 * because the audit log outlives a withdrawal of the testimonial.
 */
export function confirmOpenFlags(
  text: string,
  lang: 'fr' | 'en',
  confirmed: boolean,
): { confirmedFlags?: Partial<Record<FlagKind, number>> } {
  const flags = flagIdentifiers(text, lang);
  if (flags.length === 0) return {};
  if (!confirmed) throw new OpenFlagsError(flags, segmentText(text, flags));
  return { confirmedFlags: countByKind(flags) };
}
