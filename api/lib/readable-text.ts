/**
 * Text people write for others to read: testimonies and moderation (issue #15, part 5). Stored
 * NFC, so that the same words are the same bytes for search and flags; refused with control
 * characters (new lines and tabs aside) or lone surrogates, which show as nothing, break a
 * layout or come back as replacement characters; measured in what a reader sees.
 */
import { z } from '@hono/zod-openapi';
import { visibleLength } from './visible-length';

// eslint-disable-next-line no-control-regex -- control characters are what it finds.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// With the u flag a surrogate pair is one code point: only a lone half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Why a text is refused, before its length: the page says which. */
export const BAD_CHARACTERS = 'bad_characters';

/**
 * A string field of readable text, `min` to `max` visible characters once trimmed. The raw
 * bound comes first, so no one makes the server segment megabytes.
 */
export function readableText(min: number, max: number, required: string) {
  return (
    z
      .string({ error: required })
      .max(max * 8, `At most ${max} characters.`)
      // Checked before trimming: a form feed at either end is refused like one in the middle.
      .refine((s) => !CONTROL.test(s), {
        message: 'Control characters are not allowed (new lines and tabs are).',
        params: { reason: BAD_CHARACTERS },
        abort: true,
      })
      .refine((s) => !LONE_SURROGATE.test(s), {
        message: 'Invalid characters (lone surrogates).',
        params: { reason: BAD_CHARACTERS },
        abort: true,
      })
      .normalize('NFC')
      .trim()
      .superRefine((s, ctx) => {
        const length = visibleLength(s);
        if (length < min) ctx.addIssue({ code: 'custom', message: `At least ${min} characters.` });
        if (length > max) ctx.addIssue({ code: 'custom', message: `At most ${max} characters.` });
      })
  );
}
