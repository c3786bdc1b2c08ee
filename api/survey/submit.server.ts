/**
 * One submission, as the API and the review form both make it: the rate limit and the bot check
 * first, then every answer checked against the edition's frozen questionnaire, then one stored
 * response. The idempotency key (the form sends its resume code) makes a retry answer as the
 * first time did.
 */
import { ApiError } from '../lib/errors';
import type { Db } from '../lib/db.server';
import { enforceLimit } from '../lib/rate-limit.server';
import { verifyTurnstile } from '../lib/turnstile.server';
import { validateAnswers, type Answers } from './answers';
import { questionsOf } from './questionnaires';
import { openEdition, submitResponse } from './service.server';

export interface SurveySubmission {
  year: number;
  answers: Answers;
  /** The request's headers, for the rate limit. */
  headers: Headers;
  turnstileToken: string | undefined;
  idempotencyKey: string;
}

export async function submitSurvey(db: Db, env: Env, submission: SurveySubmission) {
  await enforceLimit('submit', env, submission.headers);
  await verifyTurnstile(env.TURNSTILE_SECRET, submission.turnstileToken);
  const edition = await openEdition(db, submission.year);
  const checked = validateAnswers(edition.questionnaire, submission.answers, {
    requiredOf: questionsOf(edition.questionnaire),
  });
  if (!checked.ok)
    throw new ApiError(400, 'invalid_answers', 'Some answers are invalid.', checked.fields);
  return submitResponse(db, edition, checked.answers, submission.idempotencyKey);
}
