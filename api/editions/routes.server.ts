import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { EDITION_STATUSES } from '../../db/enums';
import type { AppEnv } from '../lib/hono-env';
import { listPublicEditions } from './queries.server';

const EditionSchema = z
  .object({
    year: z.int().openapi({ example: 2026 }),
    status: z.enum(EDITION_STATUSES),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
    publishedOn: z.iso.date().nullable(),
    k: z.int().min(5).openapi({ description: 'Smallest cell size published for this edition.' }),
    responseCount: z.int().nullable().openapi({
      description: 'Responses, rounded to the nearest 10; null when fewer than k.',
    }),
    demo: z.boolean().openapi({ description: 'True when the edition holds synthetic demo data.' }),
  })
  .openapi('Edition');

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Editions'],
  summary: 'List the survey editions',
  responses: {
    200: {
      description: 'Every edition, oldest first.',
      content: { 'application/json': { schema: z.object({ editions: z.array(EditionSchema) }) } },
    },
  },
});

export const editionsApp = new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
  return c.json({ editions: await listPublicEditions(c.var.db) }, 200);
});
