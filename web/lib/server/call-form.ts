/**
 * The admins' call form: read into the body the staff API takes (so the same schemas check it),
 * and every refusal, the schema's or the service's, turned into a message under its field in
 * the page's language.
 */
import type { Refusal } from './domain';
import { m } from '$lib/paraglide/messages';

/** The form's fields, named by their path in the API's body. */
export const CALL_FIELDS = [
  'slug',
  'title.fr',
  'title.en',
  'prompt.fr',
  'prompt.en',
  'opensOn',
  'closesOn',
  'themes',
  'edition',
] as const;
export type CallField = (typeof CALL_FIELDS)[number];

/** What was typed, kept as typed so that a refused form comes back filled. */
export function readCallForm(form: FormData) {
  const text = (name: CallField) => String(form.get(name) ?? '');
  return {
    slug: text('slug').trim(),
    title: { fr: text('title.fr'), en: text('title.en') },
    prompt: { fr: text('prompt.fr'), en: text('prompt.en') },
    opensOn: text('opensOn'),
    closesOn: text('closesOn'),
    themes: form.getAll('themes').map(String),
    edition: text('edition'),
  };
}
export type CallFormValues = ReturnType<typeof readCallForm>;

/** The API's body: a blank address is left to the title, no edition is null. */
export const callBody = ({ slug, edition, ...rest }: CallFormValues) => ({
  ...rest,
  ...(slug ? { slug } : {}),
  edition: edition ? Number(edition) : null,
});

type Reason = 'invalid' | 'order' | 'taken';

const length = (min: number, max: number) => () => m.admin_calls_error_length({ min, max });
const INVALID: Record<CallField, () => string> = {
  slug: m.admin_calls_error_slug,
  'title.fr': length(3, 120),
  'title.en': length(3, 120),
  'prompt.fr': length(20, 2000),
  'prompt.en': length(20, 2000),
  opensOn: m.admin_calls_error_date,
  closesOn: m.admin_calls_error_date,
  themes: m.admin_calls_error_themes,
  edition: m.admin_calls_error_edition,
};

const message = (field: CallField, reason: Reason) =>
  reason === 'order'
    ? m.admin_calls_error_order()
    : reason === 'taken'
      ? m.admin_calls_error_slug_taken()
      : INVALID[field]();

/** `title.fr` for an issue at ['title', 'fr'], `themes` for one at ['themes', 3]. */
const fieldAt = (path: PropertyKey[]): CallField | undefined => {
  const name = path.slice(0, path[0] === 'title' || path[0] === 'prompt' ? 2 : 1).join('.');
  return CALL_FIELDS.find((f) => f === name);
};

export type CallErrors = Partial<Record<CallField, string>>;

/** The schema's issues, one message a field; dates out of order are refused on the last day. */
export function issueErrors(issues: { path: PropertyKey[]; code: string }[]): CallErrors {
  const errors: CallErrors = {};
  for (const issue of issues) {
    const field = fieldAt(issue.path);
    if (field)
      errors[field] ??= message(
        field,
        field === 'closesOn' && issue.code === 'custom' ? 'order' : 'invalid',
      );
  }
  return errors;
}

/** The service's refusal, under the fields it names; none when it names no field of the form. */
export function refusalErrors({ refused, fields }: Refusal): CallErrors {
  const errors: CallErrors = {};
  for (const name of Object.keys(fields)) {
    const field = fieldAt(name.split('.'));
    if (field)
      errors[field] = message(
        field,
        refused === 'call_exists' ? 'taken' : field === 'closesOn' ? 'order' : 'invalid',
      );
  }
  return errors;
}
