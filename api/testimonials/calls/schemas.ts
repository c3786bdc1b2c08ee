import { z } from '@hono/zod-openapi';
import { readableText } from '../../lib/readable-text';
import { THEME_CODES } from '../themes';
import { CALL_STATUSES } from './status';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const CallSlug = z
  .string()
  .max(60)
  .regex(SLUG_PATTERN, 'Lower-case letters, digits and dashes.');

const day = z.iso.date({ error: 'A date, YYYY-MM-DD.' });

const CallFields = z.object({
  slug: CallSlug.optional().openapi({ description: 'Made from the French title when left out.' }),
  title: z.object({
    fr: readableText(3, 120, 'Required: the French title.'),
    en: readableText(3, 120, 'Required: the English title.'),
  }),
  prompt: z.object({
    fr: readableText(20, 2000, 'Required: the French prompt.'),
    en: readableText(20, 2000, 'Required: the English prompt.'),
  }),
  opensOn: day,
  closesOn: day,
  themes: z.array(z.enum(THEME_CODES)).max(10),
  edition: z.int().min(2000).max(2100).nullable().openapi({
    description: 'The edition whose report quotes the testimonies gathered, if any.',
  }),
});

const datesInOrder = <T extends { opensOn?: string; closesOn?: string }>(c: T) =>
  !c.opensOn || !c.closesOn || c.opensOn <= c.closesOn;
const datesMessage = { message: 'Closes on or after the day it opens.', path: ['closesOn'] };

export const NewCallBody = CallFields.extend({
  themes: CallFields.shape.themes.default([]),
  edition: CallFields.shape.edition.default(null),
})
  .strict()
  .refine(datesInOrder, datesMessage)
  .openapi('NewCall');

export const CallUpdateBody = CallFields.omit({ slug: true })
  .partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'Name at least one field to change.')
  .refine(datesInOrder, datesMessage)
  .openapi('CallUpdate');

export const CallSchema = z
  .object({
    slug: z.string(),
    title: z.object({ fr: z.string(), en: z.string() }),
    prompt: z.object({ fr: z.string(), en: z.string() }),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
    status: z.enum(CALL_STATUSES),
    themes: z.array(z.string()),
    edition: z.int().nullable(),
    published: z.int().openapi({ description: 'Published testimonies that answer it.' }),
  })
  .openapi('Call');

export const CallDetailSchema = CallSchema.extend({
  themeCounts: z.array(
    z.object({
      theme: z.string(),
      count: z
        .int()
        .nullable()
        .openapi({ description: 'null under the disclosure threshold k: "fewer than k".' }),
    }),
  ),
  k: z.int(),
}).openapi('CallDetail');
