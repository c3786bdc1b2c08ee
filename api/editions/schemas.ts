import { z } from '@hono/zod-openapi';
import { DEFAULT_RELEASE_THRESHOLD, MAX_RELEASE_THRESHOLD } from '../releases/policy';

/** A new edition, as the staff API and the admin page both take it. */
export const NewEditionBody = z
  .object({
    year: z.int().min(2000).max(2100),
    questionnaireVersion: z.string().max(20),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
    k: z.int().min(5, 'k is never below 5.').max(1000).default(10),
    releaseThreshold: z
      .int()
      .min(5)
      .max(MAX_RELEASE_THRESHOLD)
      .default(DEFAULT_RELEASE_THRESHOLD)
      .openapi({ description: 'R: new responses needed between two provisional releases.' }),
  })
  .strict()
  .refine((e) => e.opensOn <= e.closesOn, {
    path: ['closesOn'],
    message: 'Must not be before opensOn.',
  })
  .refine((e) => e.releaseThreshold >= e.k, {
    path: ['releaseThreshold'],
    message: 'Must be at least k.',
  })
  .openapi('NewEdition');
