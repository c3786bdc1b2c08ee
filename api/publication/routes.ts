import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { getDb } from '../lib/db';
import { errorResponses } from '../lib/errors';
import type { AppEnv } from '../lib/hono-env';
import { YearParam } from '../survey/schemas';
import { getPackage, packageStore } from './storage';

const packageRoute = createRoute({
  method: 'get',
  path: '/editions/{year}/package',
  tags: ['Open data'],
  summary: 'The data package of a published edition (zip)',
  description:
    'A zip with responses.csv and responses.parquet (anonymised microdata: no free text, withdrawn responses absent, quasi-identifiers generalised or suppressed until k-anonymity holds), datapackage.json (Frictionless Data Package v2), codebook.csv and codebook.md (FR/EN), indicators.csv (published figures, suppression applied) and README.md. Licence Ouverte / Etalab 2.0.',
  request: { params: YearParam },
  responses: {
    200: {
      description: 'The zip.',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses(400, 404, 503),
  },
});

export const packageApp = new OpenAPIHono<AppEnv>().openapi(packageRoute, async (c) => {
  const { year } = c.req.valid('param');
  const object = await getPackage(getDb(c.env.DB), packageStore(c.env), year);
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set('etag', object.httpEtag);
  headers.set('content-length', String(object.size));
  return c.body(object.body, 200, Object.fromEntries(headers));
});
