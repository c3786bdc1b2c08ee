import { z } from '@hono/zod-openapi';

/** A new edition, as the staff API and the admin page both take it. */
export const NewEditionBody = z
  .object({
    year: z.int().min(2000).max(2100),
    questionnaireVersion: z.string().max(20),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
    k: z.int().min(5, 'k is never below 5.').max(1000).default(10),
  })
  .strict()
  .refine((e) => e.opensOn <= e.closesOn, {
    path: ['closesOn'],
    message: 'Must not be before opensOn.',
  })
  .openapi('NewEdition');
