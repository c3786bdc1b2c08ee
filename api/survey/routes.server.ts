import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { ApiError, errorResponses } from '../lib/errors';
import type { AppEnv } from '../lib/hono-env';
import { requireJson } from '../lib/json-body';
import { enforceLimit } from '../lib/rate-limit.server';
import {
  AnswersBody,
  IdempotencyHeader,
  QuestionnaireSchema,
  WithdrawalCodeBody,
  YearParam,
} from './schemas';
import { findEdition, withdrawResponse } from './service.server';
import { submitSurvey } from './submit.server';

const questionnaireRoute = createRoute({
  method: 'get',
  path: '/editions/{year}/questionnaire',
  tags: ['Survey'],
  summary: 'The questionnaire of an edition: sections, questions, options, conditions',
  request: { params: YearParam },
  responses: {
    200: {
      description: 'The questionnaire.',
      content: { 'application/json': { schema: QuestionnaireSchema } },
    },
    ...errorResponses(400, 404),
  },
});

const submitRoute = createRoute({
  method: 'post',
  path: '/editions/{year}/responses',
  tags: ['Survey'],
  summary: 'Submit a response to the open edition',
  description:
    'Stores the response and all its answers atomically. A retry with the same Idempotency-Key returns the same withdrawal code and stores nothing new. Nothing identifying is stored; the date is kept to the ISO week.',
  middleware: [requireJson] as const,
  request: {
    params: YearParam,
    headers: IdempotencyHeader,
    body: { content: { 'application/json': { schema: AnswersBody } }, required: true },
  },
  responses: {
    201: {
      description: 'Stored. The withdrawal code is shown once: keep it to withdraw the response.',
      content: {
        'application/json': {
          schema: z.object({ withdrawalCode: z.string() }).openapi('Submitted'),
        },
      },
    },
    ...errorResponses(400, 403, 404, 409, 413, 415, 429),
  },
});

const withdrawRoute = createRoute({
  method: 'delete',
  path: '/responses',
  tags: ['Survey'],
  summary: 'Withdraw a response with its withdrawal code',
  description:
    'Before the edition is published the response is deleted; after, it is left out of every future export.',
  middleware: [requireJson] as const,
  request: {
    body: { content: { 'application/json': { schema: WithdrawalCodeBody } }, required: true },
  },
  responses: { 204: { description: 'Withdrawn.' }, ...errorResponses(400, 404, 413, 415, 429) },
});

export const surveyApp = new OpenAPIHono<AppEnv>()
  .openapi(questionnaireRoute, async (c) => {
    const { year } = c.req.valid('param');
    const edition = await findEdition(c.var.db, year);
    return c.json(edition.questionnaire, 200);
  })
  .openapi(submitRoute, async (c) => {
    const headers = c.req.valid('header');
    const { withdrawalCode } = await submitSurvey(c.var.db, c.env, {
      year: c.req.valid('param').year,
      answers: c.req.valid('json').answers,
      headers: c.req.raw.headers,
      turnstileToken: headers['cf-turnstile-response'],
      idempotencyKey: headers['idempotency-key'],
    });
    return c.json({ withdrawalCode }, 201);
  })
  .openapi(withdrawRoute, async (c) => {
    const { withdrawalCode } = c.req.valid('json');
    await enforceLimit('submit', c.env, c.req.raw.headers);
    const outcome = await withdrawResponse(c.var.db, withdrawalCode);
    if (!outcome) {
      throw new ApiError(404, 'unknown_code', 'No response has this withdrawal code.', {
        withdrawalCode: 'Unknown code.',
      });
    }
    return c.body(null, 204);
  });
