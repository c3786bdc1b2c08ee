import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../lib/errors';
import type { AppEnv } from '../lib/hono-env';
import { YearParam } from '../survey/schemas';
import { BUILDING_RETRY_AFTER, packageDownload, packageStore } from './storage.server';

const Building = z
  .object({
    status: z.literal('building'),
    year: z.number().int(),
    retryAfter: z.number().int().openapi({ description: 'Seconds to wait, as in Retry-After.' }),
  })
  .openapi('PackageBuilding');

const packageRoute = createRoute({
  method: 'get',
  path: '/editions/{year}/package',
  tags: ['Open data'],
  summary: 'The data package of a published edition (zip)',
  description:
    'A zip with responses.csv and responses.parquet (anonymised microdata: no free text, withdrawn responses absent, quasi-identifiers recoded the same way for every row until k-anonymity and distinct 2-diversity hold), disclosure-risk.json (sample uniques before and after, k and l reached), datapackage.json (Frictionless Data Package v2), codebook.csv and codebook.md (FR/EN), indicators.csv (published figures, suppression applied) and README.md. Licence Ouverte / Etalab 2.0.',
  request: { params: YearParam },
  responses: {
    200: {
      description: 'The zip.',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    202: {
      description:
        'The release job is building the package (after publication, or if it went missing): ask again after Retry-After seconds.',
      headers: z.object({ 'retry-after': z.string() }),
      content: { 'application/json': { schema: Building } },
    },
    ...errorResponses(400, 404),
  },
});

export const packageApp = new OpenAPIHono<AppEnv>().openapi(packageRoute, async (c) => {
  const { year } = c.req.valid('param');
  const download = await packageDownload(c.var.db, packageStore(c.env), year);
  if (download) return download;
  return c.json({ status: 'building' as const, year, retryAfter: BUILDING_RETRY_AFTER }, 202, {
    'retry-after': String(BUILDING_RETRY_AFTER),
  });
});
