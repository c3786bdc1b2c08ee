import { z } from '@hono/zod-openapi';
import { getQuestionnaire, optionsOf } from '../survey/questionnaires';
import { THEME_CODES } from './themes';
import { readableText } from '../lib/readable-text';
import { TEXT_MAX, TEXT_MIN } from './limits';
import { CallSlug } from './calls/schemas';

const optionCodes = (code: string) =>
  optionsOf(getQuestionnaire('2026.1')!, code).map((o) => o.code) as [string, ...string[]];

export const EMPLOYER_TYPES = optionCodes('profile.employer_type');
export const EXPERIENCE_BANDS = optionCodes('profile.experience');

export const Theme = z.enum(THEME_CODES);

export const NewTestimonialBody = z
  .object({
    text: readableText(TEXT_MIN, TEXT_MAX, 'Required: the testimonial.'),
    themes: z.array(Theme).max(THEME_CODES.length).optional(),
    context: z
      .object({
        employerType: z.enum(EMPLOYER_TYPES).optional(),
        experience: z.enum(EXPERIENCE_BANDS).optional(),
      })
      .strict()
      .optional(),
    lang: z.enum(['fr', 'en'], { error: 'Required: fr or en.' }),
    call: CallSlug.optional().openapi({
      description: 'The open call it answers (GET /api/v1/calls); left out, it stands free.',
    }),
  })
  .strict()
  .openapi('NewTestimonial');

export const TestimonialSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    lang: z.enum(['fr', 'en']),
    themes: z.array(z.string()),
    employerType: z.string().nullable(),
    experience: z.string().nullable(),
    call: z.string().nullable().openapi({ description: 'The call it answers, if any.' }),
    publishedOn: z.iso.date(),
  })
  .openapi('Testimonial');

export const ListQuery = z.object({
  theme: Theme.optional(),
  employerType: z.enum(EMPLOYER_TYPES).optional(),
  experience: z.enum(EXPERIENCE_BANDS).optional(),
  lang: z.enum(['fr', 'en']).optional(),
  call: CallSlug.optional().openapi({ description: 'Only the testimonies answering this call.' }),
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Full-text search, accent-insensitive.' }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'nextCursor of the previous page.' }),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const ModerationEdits = z
  .object({
    text: readableText(TEXT_MIN, TEXT_MAX, 'The edited testimonial, as text.').optional(),
    themes: z.array(Theme).optional(),
    confirmFlags: z.boolean().optional().openapi({
      description:
        'Publish although the text still holds flags (names, places, organisations); audited.',
    }),
  })
  .strict()
  .openapi('ModerationEdits');

export const RejectBody = z
  .object({ reason: readableText(3, 500, 'Required: the reason.') })
  .strict()
  .openapi('Rejection');
