import { describe, expect, it } from 'vitest';
import { isVisible } from '../../api/survey/answers';
import { getQuestionnaire } from '../../api/survey/questionnaires';
import { checkStep, formToAnswers } from '../../web/lib/survey/form';

const questionnaire = getQuestionnaire('2026.1')!;
const [profile, work, exposure] = questionnaire.sections;
const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

describe('formToAnswers', () => {
  it('reads radios, checkboxes, numbers with a decimal comma, and skips blanks', () => {
    const answers = formToAnswers(
      work!.questions,
      form([
        ['work.hours_actual', '46,5'],
        ['work.hours_contract', ' '],
        ['work.platforms', 'instagram'],
        ['work.platforms', 'tiktok'],
        ['work.messages_days_off', 'often'],
        ['profile.region', 'idf'],
      ]),
    );
    expect(answers).toEqual({
      'work.hours_actual': 46.5,
      'work.platforms': ['instagram', 'tiktok'],
      'work.messages_days_off': 'often',
    });
  });

  it('keeps an unparsable number as text, for validation to name', () => {
    expect(formToAnswers(work!.questions, form([['work.hours_actual', 'beaucoup']]))).toEqual({
      'work.hours_actual': 'beaucoup',
    });
  });
});

describe('checkStep', () => {
  it('requires the required questions of the step going forward, not going back', () => {
    expect(checkStep(questionnaire, profile!.questions, {}, {})).toEqual({
      ok: false,
      errors: { 'profile.employer_type': 'required' },
    });
    expect(checkStep(questionnaire, profile!.questions, {}, {}, false)).toEqual({
      ok: true,
      answers: {},
    });
  });

  it('reports bad values as invalid and leaves other steps alone', () => {
    const result = checkStep(
      questionnaire,
      work!.questions,
      { 'profile.employer_type': 'agency' },
      { 'work.hours_actual': 140 },
    );
    expect(result).toEqual({ ok: false, errors: { 'work.hours_actual': 'invalid' } });
  });

  it('replaces the step answers in the draft and reads conditions across steps', () => {
    const draft = {
      'profile.employer_type': 'brand',
      'work.hours_actual': 40,
      'work.clients_count': 3,
    };
    const result = checkStep(questionnaire, work!.questions, draft, {
      'work.hours_actual': 42,
      'work.clients_count': 5,
    });
    // Clients are asked of agencies and freelancers only: the brand CM's answer is dropped.
    expect(result).toEqual({
      ok: true,
      answers: { 'profile.employer_type': 'brand', 'work.hours_actual': 42 },
    });
  });

  it('drops an answer hidden by a condition on the same step', () => {
    const result = checkStep(
      questionnaire,
      exposure!.questions,
      {},
      { 'exposure.harassment_12m': 'no', 'exposure.support_after_attack': 'none' },
    );
    expect(result).toEqual({ ok: true, answers: { 'exposure.harassment_12m': 'no' } });
  });
});

describe('isVisible', () => {
  const clients = work!.questions.find((q) => q.code === 'work.clients_count')!;
  it.each([
    [{ 'profile.employer_type': 'agency' }, true],
    [{ 'profile.employer_type': 'freelance' }, true],
    [{ 'profile.employer_type': 'public' }, false],
    [{}, false],
  ])('shows the clients question for %o: %s', (answers, shown) => {
    expect(isVisible(clients, answers)).toBe(shown);
  });
});
