import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import app from '../../../api/app.server';
import {
  fromAnswerRows,
  toAnswerRows,
  validateAnswers,
  type Answers,
  type AnswerRow,
} from '../../../api/survey/answers';
import { sha256Hex } from '../../../api/lib/crypto';
import { getDb } from '../../../api/lib/db.server';
import { isoWeek } from '../../../api/lib/iso-week';
import type { Question } from '../../../api/survey/model';
import { getQuestionnaire, questionsOf } from '../../../api/survey/questionnaires';
import { openEdition, submitResponse } from '../../../api/survey/service.server';
import { TURNSTILE_ALWAYS_FAIL, TURNSTILE_ALWAYS_PASS } from '../outbound';
import { addEdition, api, clearDatabase, count, newClient, postJson } from '../fixtures';

const questionnaire = getQuestionnaire('2026.1')!;
const questions = questionsOf(questionnaire);
const key = () => crypto.randomUUID().replace(/-/g, '');

const VALID: Answers = {
  'profile.employer_type': 'agency',
  'profile.region': 'idf',
  'work.hours_contract': 35,
  'work.hours_actual': 47.5,
  'work.platforms': ['instagram', 'linkedin', 'tiktok'],
  'work.clients_count': 6,
  'exposure.harassment_12m': 'yes',
  'exposure.support_after_attack': 'insufficient',
  'wellbeing.who5_1': 'f2',
  'wellbeing.cbi_7': 'seldom',
  'comment.free_text': 'Trop de soirées à modérer.',
};

const submit = (
  answers: unknown,
  idempotencyKey = key(),
  year = 2026,
  headers: Record<string, string> = {},
) =>
  postJson(
    `/api/v1/editions/${year}/responses`,
    { answers },
    { 'idempotency-key': idempotencyKey, ...headers },
  );

async function storedAnswers(withdrawalCode: string): Promise<Answers> {
  const hash = await sha256Hex(withdrawalCode);
  const { results } = await env.DB.prepare(
    `SELECT a.question_code AS questionCode, a.option_code AS optionCode, a.num_value AS numValue, a.text_value AS textValue
     FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.withdrawal_hash = ?`,
  )
    .bind(hash)
    .all<AnswerRow>();
  return fromAnswerRows(questionnaire, results);
}

const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; fields?: Record<string, string> } }).error;

beforeEach(async () => {
  await clearDatabase();
  await addEdition(2026, 'open');
});

describe('GET /api/v1/editions/{year}/questionnaire', () => {
  it('returns sections, questions, options, bounds and conditions', async () => {
    const res = await api('/api/v1/editions/2026/questionnaire');
    expect(res.status).toBe(200);
    const body = (await res.json()) as typeof questionnaire;
    expect(body.version).toBe('2026.1');
    expect(body.sections.map((s) => s.code)).toEqual([
      'profile',
      'work',
      'exposure',
      'support',
      'wellbeing',
      'career',
      'comment',
    ]);
    const clients = body.sections[1]!.questions.find((q) => q.code === 'work.clients_count')!;
    expect(clients).toMatchObject({
      type: 'number',
      min: 0,
      max: 200,
      showIf: { question: 'profile.employer_type', anyOf: ['agency', 'freelance'] },
    });
  });

  it('names the year when there is no such edition, or when it is not a year', async () => {
    expect(await errorOf(await api('/api/v1/editions/1999/questionnaire'))).toMatchObject({
      fields: { 'param.year': expect.any(String) },
    });
    const missing = await api('/api/v1/editions/2031/questionnaire');
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).fields).toHaveProperty('year');
  });
});

describe('POST /api/v1/editions/{year}/responses', () => {
  it('stores a valid response with all its answers, dated to the ISO week only', async () => {
    const res = await submit(VALID);
    expect(res.status).toBe(201);
    const { withdrawalCode } = (await res.json()) as { withdrawalCode: string };
    expect(withdrawalCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await storedAnswers(withdrawalCode)).toEqual(VALID);
    const row = await env.DB.prepare('SELECT * FROM responses').first<Record<string, unknown>>();
    expect(Object.keys(row!).sort()).toEqual(
      [
        'demo',
        'edition_year',
        'id',
        'idempotency_hash',
        'submitted_week',
        'withdrawal_hash',
        'withdrawal_sealed',
        'withdrawn',
      ].sort(),
    );
    expect(row!.submitted_week).toBe(isoWeek(new Date()));
    expect(row!.withdrawal_hash).toBe(await sha256Hex(withdrawalCode));
    expect(JSON.stringify(row)).not.toContain(withdrawalCode);
  });

  it('drops answers to questions that display conditions hide', async () => {
    const res = await submit({
      ...VALID,
      'profile.employer_type': 'brand',
      'exposure.harassment_12m': 'no',
    });
    const { withdrawalCode } = (await res.json()) as { withdrawalCode: string };
    const stored = await storedAnswers(withdrawalCode);
    expect(stored).not.toHaveProperty('work.clients_count');
    expect(stored).not.toHaveProperty('exposure.support_after_attack');
    expect(stored['profile.employer_type']).toBe('brand');
  });

  const badInputs: [string, () => Promise<Response>, number, string][] = [
    [
      'an unknown question code',
      () => submit({ ...VALID, 'work.nope': 'x' }),
      400,
      'answers.work.nope',
    ],
    [
      'an unknown option code',
      () => submit({ ...VALID, 'profile.region': 'atlantis' }),
      400,
      'answers.profile.region',
    ],
    [
      'an unknown option in a list',
      () => submit({ ...VALID, 'work.platforms': ['instagram', 'myspace'] }),
      400,
      'answers.work.platforms',
    ],
    [
      'a number out of range',
      () => submit({ ...VALID, 'work.hours_actual': 101 }),
      400,
      'answers.work.hours_actual',
    ],
    [
      'a negative number',
      () => submit({ ...VALID, 'work.evenings_per_week': -1 }),
      400,
      'answers.work.evenings_per_week',
    ],
    [
      'a text for a number',
      () => submit({ ...VALID, 'work.hours_actual': '45' }),
      400,
      'answers.work.hours_actual',
    ],
    [
      'a list for a single choice',
      () => submit({ ...VALID, 'profile.region': ['idf'] }),
      400,
      'answers.profile.region',
    ],
    [
      'a missing required answer',
      () => submit({ 'work.hours_actual': 40 }),
      400,
      'answers.profile.employer_type',
    ],
    [
      'an oversized text',
      () => submit({ ...VALID, 'comment.free_text': 'x'.repeat(2001) }),
      400,
      'answers.comment.free_text',
    ],
    ['answers that are not an object', () => submit(['agency']), 400, 'answers'],
    [
      'a missing Idempotency-Key',
      () => postJson('/api/v1/editions/2026/responses', { answers: VALID }),
      400,
      'header.idempotency-key',
    ],
    ['a weak Idempotency-Key', () => submit(VALID, 'abc'), 400, 'header.idempotency-key'],
    [
      'a malformed body',
      () =>
        postJson('/api/v1/editions/2026/responses', '{"answers": {', { 'idempotency-key': key() }),
      400,
      'body',
    ],
    [
      'a wrong content type',
      () =>
        api('/api/v1/editions/2026/responses', {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'idempotency-key': key() },
          body: JSON.stringify({ answers: VALID }),
        }),
      415,
      'content-type',
    ],
    [
      'an oversized body',
      () => submit({ ...VALID, 'comment.free_text': 'x'.repeat(70_000) }),
      413,
      '',
    ],
    ['an edition that does not exist', () => submit(VALID, key(), 2031), 404, 'year'],
  ];

  it.each(badInputs)(
    'refuses %s with a 4xx naming the field, storing nothing',
    async (_, send, status, field) => {
      const res = await send();
      expect(res.status).toBe(status);
      const error = await errorOf(res);
      if (field) expect(error.fields).toHaveProperty([field]);
      expect(await count('responses')).toBe(0);
      expect(await count('answers')).toBe(0);
    },
  );

  it.each(['closed', 'published', 'draft'] as const)(
    'refuses submissions to a %s edition',
    async (status) => {
      await addEdition(2024, status);
      const res = await submit(VALID, key(), 2024);
      expect(res.status).toBe(409);
      const error = await errorOf(res);
      expect(error.code).toBe('edition_not_open');
      expect(error.fields?.year).toMatch(
        status === 'draft' ? /opens on 2024-09-01/ : /closed on 2024-12-01/,
      );
      expect(await count('responses')).toBe(0);
    },
  );

  it('stores one response for a retried key, even when retries race, and returns the same code', async () => {
    const idempotencyKey = key();
    const first = (await (await submit(VALID, idempotencyKey)).json()) as {
      withdrawalCode: string;
    };
    const retries = await Promise.all(
      Array.from({ length: 5 }, () => submit(VALID, idempotencyKey)),
    );
    for (const res of retries) {
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual(first);
    }
    const racing = key();
    const raced = await Promise.all(Array.from({ length: 4 }, () => submit(VALID, racing)));
    const codes = new Set(
      await Promise.all(
        raced.map(async (r) => ((await r.json()) as { withdrawalCode: string }).withdrawalCode),
      ),
    );
    expect(codes.size).toBe(1);
    expect(await count('responses')).toBe(2);
  });

  it('writes a response and its answers atomically: a batch that fails leaves nothing', async () => {
    const db = getDb(env.DB);
    const edition = await openEdition(db, 2026);
    // A repeated option is a duplicate answer row; it sits after the response row in the batch.
    const broken = { ...VALID, 'work.platforms': ['instagram', 'instagram'] };
    await expect(submitResponse(db, edition, broken, key())).rejects.toThrow();
    expect(await count('responses')).toBe(0);
    expect(await count('answers')).toBe(0);
  });

  it('limits submissions per client with a 429 and Retry-After', async () => {
    const client = newClient();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await submit(VALID, key(), 2026, { 'cf-connecting-ip': client })).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    const limited = await submit(VALID, key(), 2026, { 'cf-connecting-ip': client });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe(env.SUBMIT_RETRY_AFTER);
    expect((await submit(VALID, key(), 2026, { 'cf-connecting-ip': newClient() })).status).toBe(
      201,
    );
  });

  it('checks Turnstile when a secret is configured, with Cloudflare test secrets', async () => {
    const send = (secret: string, token?: string) =>
      app.request(
        '/api/v1/editions/2026/responses',
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': key(),
            'cf-connecting-ip': newClient(),
            ...(token ? { 'cf-turnstile-response': token } : {}),
          },
          body: JSON.stringify({ answers: VALID }),
        },
        { ...env, TURNSTILE_SECRET: secret },
      );
    expect((await send(TURNSTILE_ALWAYS_PASS, 'XXXX.DUMMY.TOKEN.XXXX')).status).toBe(201);
    const failed = await send(TURNSTILE_ALWAYS_FAIL, 'XXXX.DUMMY.TOKEN.XXXX');
    expect(failed.status).toBe(403);
    expect((await errorOf(failed)).fields).toHaveProperty(['cf-turnstile-response']);
    expect((await send(TURNSTILE_ALWAYS_PASS)).status).toBe(400);
    expect(await count('responses')).toBe(1);
  });
});

describe('DELETE /api/v1/responses', () => {
  const withdraw = (withdrawalCode: unknown) =>
    api('/api/v1/responses', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': newClient() },
      body: JSON.stringify({ withdrawalCode }),
    });

  it('deletes the response and its answers while the edition is not published', async () => {
    const { withdrawalCode } = (await (await submit(VALID)).json()) as { withdrawalCode: string };
    expect((await withdraw(withdrawalCode)).status).toBe(204);
    expect(await count('responses')).toBe(0);
    expect(await count('answers')).toBe(0);
    expect((await withdraw(withdrawalCode)).status).toBe(404);
  });

  it('after publication, flags the response withdrawn: it counts in nothing new', async () => {
    const { withdrawalCode } = (await (await submit(VALID)).json()) as { withdrawalCode: string };
    await env.DB.prepare("UPDATE editions SET status = 'published' WHERE year = 2026").run();
    expect((await withdraw(withdrawalCode)).status).toBe(204);
    expect(await count('responses', 'withdrawn = 1')).toBe(1);
    expect(
      await env.DB.prepare('SELECT response_count AS n FROM editions WHERE year = 2026').first('n'),
    ).toBe(0);
  });

  it('after publication, wipes the free text of the withdrawn response and keeps its other answers', async () => {
    const mine = (await (await submit(VALID)).json()) as { withdrawalCode: string };
    const other = (await (await submit(VALID)).json()) as { withdrawalCode: string };
    const { 'comment.free_text': text, ...figures } = await storedAnswers(mine.withdrawalCode);
    expect(text).toBe(VALID['comment.free_text']);
    await env.DB.prepare("UPDATE editions SET status = 'published' WHERE year = 2026").run();
    expect((await withdraw(mine.withdrawalCode)).status).toBe(204);
    // The frozen figures still have every other answer; no figure uses free text.
    expect(await storedAnswers(mine.withdrawalCode)).toEqual(figures);
    expect(await storedAnswers(other.withdrawalCode)).toHaveProperty('comment.free_text', text);
    expect(await count('erasure_filler')).toBe(0);
  });

  it('names the code when it is malformed or unknown', async () => {
    expect((await errorOf(await withdraw('short'))).fields).toHaveProperty('withdrawalCode');
    const unknown = await withdraw('A'.repeat(22));
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).fields).toHaveProperty('withdrawalCode');
  });
});

/** A random valid answer set: every question answered or not, within its type and bounds. */
function answerArbitrary(q: Question): fc.Arbitrary<Answers[string]> {
  switch (q.type) {
    case 'single':
    case 'scale':
      return fc.constantFrom(...q.options.map((o) => o.code));
    case 'multi':
      return fc.shuffledSubarray(
        q.options.map((o) => o.code),
        { minLength: 1 },
      );
    case 'number':
      return fc.integer({ min: q.min * 4, max: q.max * 4 }).map((x) => x / 4);
    case 'text':
      return fc
        .string({ minLength: 1, maxLength: q.maxLength })
        .filter((s) => s.trim() === s && s.length > 0);
  }
}

const answersArbitrary = fc.record(
  Object.fromEntries(questions.map((q) => [q.code, answerArbitrary(q)])),
  { requiredKeys: ['profile.employer_type'] },
) as fc.Arbitrary<Answers>;

describe('properties', () => {
  it('random valid answer sets round-trip exactly', async () => {
    await fc.assert(
      fc.asyncProperty(answersArbitrary, async (answers) => {
        const res = await submit(answers);
        expect(res.status).toBe(201);
        const { withdrawalCode } = (await res.json()) as { withdrawalCode: string };
        const expected = validateAnswers(questionnaire, answers);
        expect(expected.ok).toBe(true);
        const normalized = expected.ok
          ? fromAnswerRows(questionnaire, toAnswerRows(questionnaire, expected.answers))
          : {};
        expect(await storedAnswers(withdrawalCode)).toEqual(normalized);
      }),
      { numRuns: 60 },
    );
  });

  it('random garbage never gets a 5xx and never stores anything', async () => {
    const garbageBody = fc.oneof(
      fc.string(),
      fc.json(),
      fc.anything().map((v) => JSON.stringify({ answers: v }) ?? ''),
      fc
        .dictionary(
          fc.oneof(fc.constantFrom(...questions.map((q) => q.code)), fc.string()),
          fc.jsonValue(),
        )
        .map((answers) => JSON.stringify({ answers })),
    );
    await fc.assert(
      fc.asyncProperty(
        garbageBody,
        fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', ''),
        fc.option(fc.string({ maxLength: 40 })),
        async (body, contentType, idempotencyKey) => {
          const before = await count('responses');
          const res = await api('/api/v1/editions/2026/responses', {
            method: 'POST',
            headers: {
              ...(contentType ? { 'content-type': contentType } : {}),
              ...(idempotencyKey !== null ? { 'idempotency-key': idempotencyKey } : {}),
              'cf-connecting-ip': newClient(),
            },
            body,
          });
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(await count('responses')).toBe(before);
        },
      ),
      { numRuns: 250 },
    );
  });
});
