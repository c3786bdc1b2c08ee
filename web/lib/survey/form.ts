/**
 * The survey form: turning posted fields into answers, and answers into
 * per-question error kinds. Pure and shared by the server actions and the
 * browser, so both enforce the rules of api/survey/answers.ts.
 */
import { validateAnswers, type Answers } from '$api/survey/answers';
import type { Question, Questionnaire } from '$api/survey/model';

export type ErrorKind = 'required' | 'invalid';
export type FormErrors = Record<string, ErrorKind>;

/** Field values as posted; numbers are parsed, accepting a decimal comma. */
export function formToAnswers(questions: Question[], form: FormData): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of questions) {
    if (q.type === 'multi') {
      const chosen = form.getAll(q.code).map(String);
      if (chosen.length > 0) answers[q.code] = chosen;
      continue;
    }
    const raw = form.get(q.code);
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    if (q.type === 'number') {
      const value = Number(raw.trim().replace(',', '.'));
      // An unparsable number stays a string, which validation reports.
      answers[q.code] = Number.isFinite(value) ? value : raw;
    } else {
      answers[q.code] = raw;
    }
  }
  return answers;
}

/**
 * Validates one step: `stepAnswers` replace the draft's answers to `questions`,
 * conditions are read against everything answered so far, and, going
 * forward, the step's required questions must be answered.
 */
export function checkStep(
  questionnaire: Questionnaire,
  questions: Question[],
  draft: Answers,
  stepAnswers: Record<string, unknown>,
  enforceRequired = true,
): { ok: true; answers: Answers } | { ok: false; errors: FormErrors } {
  const codes = new Set(questions.map((q) => q.code));
  const merged = Object.fromEntries(Object.entries(draft).filter(([code]) => !codes.has(code)));
  const result = validateAnswers(
    questionnaire,
    { ...merged, ...stepAnswers },
    { requiredOf: enforceRequired ? questions : [] },
  );
  if (result.ok) return result;
  const errors: FormErrors = {};
  for (const field of Object.keys(result.fields)) {
    const code = field.replace(/^answers\./, '');
    errors[code] = stepAnswers[code] === undefined ? 'required' : 'invalid';
  }
  return { ok: false, errors };
}
