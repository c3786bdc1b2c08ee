/**
 * Answers against a questionnaire: validation, display conditions and the
 * row form stored in D1. Pure, so the API, the form pages and the tests
 * share one set of rules.
 */
import { z } from 'zod';
import type { FieldErrors } from '../lib/errors';
import { hasOptions, questionsOf, type Option, type Question, type Questionnaire } from './model';

/** An option code, a list of option codes, a number or a text, by question type. */
export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue>;

/** One row of the answers table: multiple choices take one row per option. */
export interface AnswerRow {
  questionCode: string;
  optionCode: string;
  numValue: number | null;
  textValue: string | null;
}

function valueSchema(q: Question): z.ZodType<AnswerValue> {
  const codesOf = (options: Option[]) => options.map((o) => o.code) as [string, ...string[]];
  switch (q.type) {
    case 'single':
    case 'scale': {
      const codes = codesOf(q.options);
      return z.enum(codes, { error: `Expected one of: ${codes.join(', ')}.` });
    }
    case 'multi': {
      const codes = codesOf(q.options);
      return z
        .array(z.enum(codes, { error: `Expected options among: ${codes.join(', ')}.` }), {
          error: 'Expected a list of option codes.',
        })
        .max(codes.length)
        .refine((list) => new Set(list).size === list.length, 'Each option may be chosen once.');
    }
    case 'number':
      return z
        .number({ error: 'Expected a number.' })
        .min(q.min, `Must be at least ${q.min}.`)
        .max(q.max, `Must be at most ${q.max}.`);
    case 'text':
      return z
        .string({ error: 'Expected a text.' })
        .max(q.maxLength, `Must be at most ${q.maxLength} characters.`);
  }
}

const schemaCache = new WeakMap<Questionnaire, z.ZodType<Answers>>();

/** A strict object schema: unknown question codes are errors that name them. */
export function answersSchema(questionnaire: Questionnaire): z.ZodType<Answers> {
  let schema = schemaCache.get(questionnaire);
  if (!schema) {
    const shape = Object.fromEntries(
      questionsOf(questionnaire).map((q) => [q.code, valueSchema(q).optional()]),
    );
    schema = z.strictObject(shape, {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Unknown question code.`
          : 'Expected an object of answers.',
    }) as unknown as z.ZodType<Answers>;
    schemaCache.set(questionnaire, schema);
  }
  return schema;
}

/** Empty texts and empty lists mean "not answered". */
function isAnswered(value: AnswerValue | undefined): value is AnswerValue {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function isVisible(q: Question, answers: Answers): boolean {
  if (!q.showIf) return true;
  const given = answers[q.showIf.question];
  const chosen = Array.isArray(given) ? given : [String(given ?? '')];
  return chosen.some((code) => q.showIf!.anyOf.includes(code));
}

export type Validation = { ok: true; answers: Answers } | { ok: false; fields: FieldErrors };

/**
 * Validates answers: types, codes, bounds and lengths; drops answers to
 * questions their conditions hide; and, for `requiredOf`, checks that every
 * visible required question is answered.
 */
export function validateAnswers(
  questionnaire: Questionnaire,
  input: unknown,
  options: { requiredOf?: Question[]; prefix?: string } = {},
): Validation {
  const prefix = options.prefix ?? 'answers';
  const parsed = answersSchema(questionnaire).safeParse(input);
  if (!parsed.success) {
    const fields: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path[0]];
      for (const key of keys) {
        const path = [prefix, key === undefined ? '' : String(key)].filter(Boolean).join('.');
        fields[path] ??= issue.message;
      }
    }
    return { ok: false, fields };
  }
  const answers: Answers = {};
  for (const q of questionsOf(questionnaire)) {
    const value = parsed.data[q.code];
    if (!isAnswered(value)) continue;
    answers[q.code] = typeof value === 'string' ? value.trim() : value;
  }
  for (const q of questionsOf(questionnaire)) if (!isVisible(q, answers)) delete answers[q.code];

  const fields: FieldErrors = {};
  for (const q of options.requiredOf ?? []) {
    if (q.required && isVisible(q, answers) && !isAnswered(answers[q.code])) {
      const reason = q.requiredReason?.en;
      fields[`${prefix}.${q.code}`] = reason
        ? `This answer is required: ${reason}`
        : 'This answer is required.';
    }
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, answers };
}

export function toAnswerRows(questionnaire: Questionnaire, answers: Answers): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const q of questionsOf(questionnaire)) {
    const value = answers[q.code];
    if (value === undefined) continue;
    const scoreOf = (code: string) =>
      (hasOptions(q) ? q.options.find((o) => o.code === code)?.score : undefined) ?? null;
    if (Array.isArray(value)) {
      for (const code of value)
        rows.push({
          questionCode: q.code,
          optionCode: code,
          numValue: scoreOf(code),
          textValue: null,
        });
    } else if (typeof value === 'number') {
      rows.push({ questionCode: q.code, optionCode: '', numValue: value, textValue: null });
    } else if (q.type === 'text') {
      rows.push({ questionCode: q.code, optionCode: '', numValue: null, textValue: value });
    } else {
      rows.push({
        questionCode: q.code,
        optionCode: value,
        numValue: scoreOf(value),
        textValue: null,
      });
    }
  }
  return rows;
}

/** The inverse of toAnswerRows. */
export function fromAnswerRows(questionnaire: Questionnaire, rows: AnswerRow[]): Answers {
  const types = new Map(questionsOf(questionnaire).map((q) => [q.code, q.type]));
  const answers: Answers = {};
  for (const row of rows) {
    const type = types.get(row.questionCode);
    if (type === 'multi') {
      const list = (answers[row.questionCode] as string[] | undefined) ?? [];
      list.push(row.optionCode);
      answers[row.questionCode] = list;
    } else if (type === 'number') answers[row.questionCode] = row.numValue!;
    else if (type === 'text') answers[row.questionCode] = row.textValue!;
    else answers[row.questionCode] = row.optionCode;
  }
  // Multiple choices are stored as a set: compare them in questionnaire order.
  for (const q of questionsOf(questionnaire)) {
    const value = answers[q.code];
    if (Array.isArray(value) && hasOptions(q)) {
      const order = q.options.map((o) => o.code);
      value.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    }
  }
  return answers;
}
