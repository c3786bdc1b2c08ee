/** OpenAPI schemas of the questionnaire model and the survey endpoints. */
import { z } from '@hono/zod-openapi';

const Localized = z.object({ fr: z.string(), en: z.string() }).openapi('Localized');

const OptionSchema = z
  .object({ code: z.string(), label: Localized, score: z.number().optional() })
  .openapi('Option');

const QuestionSchema = z
  .object({
    code: z.string().openapi({ example: 'work.hours_actual' }),
    type: z.enum(['single', 'multi', 'scale', 'number', 'text']),
    label: Localized,
    help: Localized.optional(),
    required: z.boolean().optional(),
    requiredReason: Localized.optional(),
    options: z.array(OptionSchema).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: Localized.optional(),
    maxLength: z.int().optional(),
    showIf: z
      .object({ question: z.string(), anyOf: z.array(z.string()) })
      .optional()
      .openapi({ description: 'Asked only when `question` was answered with one of `anyOf`.' }),
    ordered: z
      .boolean()
      .optional()
      .openapi({ description: 'The options run in order, first to last (an ordinal scale).' }),
    instrument: z.enum(['who5', 'cbi_work']).optional(),
    quasiIdentifier: z.boolean().optional(),
  })
  .openapi('Question');

export const QuestionnaireSchema = z
  .object({
    version: z.string(),
    title: Localized,
    sections: z.array(
      z.object({
        code: z.string(),
        title: Localized,
        intro: Localized.optional(),
        questions: z.array(QuestionSchema),
      }),
    ),
  })
  .openapi('Questionnaire');

export const YearParam = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2026 }),
});

export const AnswersBody = z
  .object({
    answers: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.number()])).openapi({
      description:
        'Question code → option code (single, scale), list of option codes (multi), number, or text.',
      example: {
        'profile.employer_type': 'agency',
        'work.hours_actual': 45,
        'work.platforms': ['instagram', 'tiktok'],
      },
    }),
  })
  .openapi('ResponseSubmission');

export const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string({
      error: 'Required: a random key of 16 to 200 URL-safe characters, the same on every retry.',
    })
    .regex(
      /^[A-Za-z0-9_-]{16,200}$/,
      'Must be 16 to 200 URL-safe characters (A–Z, a–z, 0–9, - and _).',
    )
    .openapi({ param: { in: 'header' }, example: 'b2xvZ3VlLXJldHJ5LWtleQ' }),
  'cf-turnstile-response': z
    .string()
    .optional()
    .openapi({ param: { in: 'header' }, description: 'Required when Turnstile is enabled.' }),
});

export const WithdrawalCodeBody = z
  .object({
    withdrawalCode: z
      .string({ error: 'Required: the code shown after submission.' })
      .regex(/^[A-Za-z0-9_-]{22}$/, 'A withdrawal code has 22 URL-safe characters.'),
  })
  .openapi('Withdrawal');
