import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../lib/errors';
import type { AppEnv } from '../lib/hono-env';
import { YearParam } from '../survey/schemas';
import { packageResponse, packageStore } from './storage.server';

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
    ...errorResponses(400, 404, 503),
  },
});

export const packageApp = new OpenAPIHono<AppEnv>().openapi(packageRoute, async (c) =>
  packageResponse(c.var.db, packageStore(c.env), c.req.valid('param').year),
);
