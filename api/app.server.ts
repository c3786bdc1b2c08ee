import { callsApp } from './testimonials/calls/routes.server';
import { callsStaffApp } from './testimonials/calls/staff-routes.server';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { renderReference, type OpenApiDocument } from './docs/reference';
import { editionsApp } from './editions/routes.server';
import { editionsStaffApp } from './editions/staff-routes.server';
import { packageApp } from './publication/routes.server';
import { findingsApp } from './releases/routes.server';
import { staffApp } from './staff/routes.server';
import { surveyApp } from './survey/routes.server';
import { moderationApp } from './testimonials/moderation-routes.server';
import { testimonialsApp } from './testimonials/routes.server';
import { maxBodyBytes } from './lib/body-limit';
import { getDb } from './lib/db.server';
import { ApiError, errorBody, fieldErrors } from './lib/errors';
import type { AppEnv } from './lib/hono-env';

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Service'],
  summary: 'Liveness and database reachability',
  responses: {
    200: {
      description: 'The Worker runs and D1 answers.',
      content: {
        'application/json': {
          schema: z.object({ status: z.literal('ok'), database: z.literal('ok') }),
        },
      },
    },
  },
});

/**
 * Validation failures of any sub-app become one 400 that names every field.
 * Passed to each OpenAPIHono so the rule lives here only.
 */
export const validationHook = (result: {
  success: boolean;
  error?: { issues: readonly z.core.$ZodIssue[] };
  target: string;
}) => {
  if (!result.success && result.error) {
    const prefix = result.target === 'json' ? '' : result.target;
    throw new ApiError(
      400,
      'invalid_input',
      'Some fields are invalid.',
      fieldErrors(result.error.issues, prefix),
    );
  }
};

const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).basePath('/api');

app.use('*', async (c, next) => {
  c.set('db', getDb(c.env.DB));
  await next();
});

app.use('*', async (c, next) => {
  const maxSize = maxBodyBytes(c.env);
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'body_too_large', `The request body exceeds ${maxSize} bytes.`);
    },
  })(c, next);
});

app
  .openapi(healthRoute, async (c) => {
    await c.env.DB.prepare('SELECT 1').first();
    return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
  })
  .route('/v1/editions', editionsApp)
  .route('/v1', surveyApp)
  .route('/v1', findingsApp)
  .route('/v1', packageApp)
  .route('/v1/testimonials', testimonialsApp)
  .route('/v1/calls', callsApp)
  .route('/v1/staff', staffApp)
  .route('/v1/staff/calls', callsStaffApp)
  .route('/v1/staff/testimonials', moderationApp)
  .route('/v1/staff/editions', editionsStaffApp);

const documentConfig = {
  openapi: '3.1.0',
  info: {
    title: 'CM Observatory API',
    version: '1.0.0',
    description:
      'Aggregated findings, testimonials and open data of the CM Observatory. Every figure rests on at least k respondents.',
    license: {
      name: 'Licence Ouverte / Etalab 2.0',
      url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
    },
  },
};

app.doc31('/openapi.json', documentConfig);

app.get('/docs', (c) => {
  const document = app.getOpenAPI31Document(documentConfig) as unknown as OpenApiDocument;
  return c.html(renderReference(document));
});

app.notFound((c) =>
  c.json(
    errorBody('not_found', `No API route matches ${c.req.method} ${new URL(c.req.url).pathname}.`),
    404,
  ),
);

app.onError((err, c) => {
  if (err instanceof ApiError)
    return c.json(errorBody(err.code, err.message, err.fields), err.status, err.headers);
  if (err instanceof HTTPException) {
    // Hono's body parsers throw these for bodies that do not parse.
    return c.json(
      errorBody('invalid_body', err.message || 'The request body could not be read.', {
        body: err.message || 'Could not be parsed.',
      }),
      err.status,
    );
  }
  console.error('Unhandled API error', err);
  return c.json(
    errorBody('internal_error', 'Something went wrong on our side. Please try again later.'),
    500,
  );
});

export default app;
