import { describe, expect, it } from 'vitest';
import {
  microdataColumns,
  microdataRow,
  QuasiEncoding,
  quasiIdentifiers,
  releasedLevels,
  toolNames,
  type ResponseAnswers,
} from '../../api/publication/microdata';
import { getQuestionnaire, questionsOf } from '../../api/survey/questionnaires';

const questionnaire = getQuestionnaire('2026.1')!;
const quasi = quasiIdentifiers(questionnaire);
const levelsWith = (overrides: Record<string, number>) => quasi.map((q) => overrides[q.code] ?? 0);
const HOURS = 'work.hours_contract';

/** The missing codes: numbers in numeric columns, the same digits as text in categorical ones. */
const NOT_ASKED = -1;
const NO_ANSWER = -2;
const WITHHELD = -4;

const answers = (entries: [string, string[], number | null][]): ResponseAnswers =>
  new Map(entries.map(([code, codes, num]) => [code, { codes, num }]));

describe('microdata columns', () => {
  const columns = microdataColumns(questionnaire, levelsWith({}));
  const names = columns.map((c) => c.name);

  it('has no free text, one 0/1 column per option of a multiple choice, and the scores', () => {
    for (const q of questionsOf(questionnaire)) {
      if (q.type === 'text') expect(names).not.toContain(q.code);
      if (q.type === 'multi') {
        expect(names).not.toContain(q.code);
        for (const o of q.options!) expect(names).toContain(`${q.code}.${o.code}`);
      }
    }
    expect(names.indexOf('score.who5')).toBe(names.indexOf('wellbeing.who5_5') + 1);
    expect(names.indexOf('score.cbi_work')).toBe(names.indexOf('wellbeing.cbi_7') + 1);
  });

  it('lists the codes of the level each quasi-identifier is released at, masked only alone', () => {
    const region = (levels: number[]) =>
      microdataColumns(questionnaire, levels)
        .find((c) => c.name === 'profile.region')!
        .values!.map((v) => v.value);
    expect(region(levelsWith({})).length).toBe(15);
    expect(region(levelsWith({ 'profile.region': 2 }))).toEqual(['idf', 'not_idf']);
    expect(region(levelsWith({ 'profile.region': 3 }))).toEqual([]);
  });

  it('turns contracted hours into a string column of bands once generalised', () => {
    const hours = (level: number) =>
      microdataColumns(questionnaire, levelsWith({ [HOURS]: level })).find(
        (c) => c.name === HOURS,
      )!;
    expect(hours(0)).toMatchObject({ type: 'number', min: 0, max: 80 });
    expect(hours(0).values).toBeUndefined();
    expect(hours(1).type).toBe('string');
    expect(hours(1).values!.map((v) => v.value)).toContain('h35_39');
    expect(hours(2).values!.map((v) => v.value)).toEqual(['h_lt35', 'h35', 'h_gt35']);
    expect(hours(3).values!.map((v) => v.value)).toEqual([]);
    expect(hours(3).missing).toEqual(['withheld']);
  });

  it('starts with a row id, marks ordered scales, and releases "prefer not to say" as a code', () => {
    expect(columns[0]).toMatchObject({ name: 'row_id', rowId: true, type: 'integer' });
    const byName = new Map(columns.map((c) => [c.name, c]));
    expect(byName.get('wellbeing.who5_1')!.values!.map((v) => v.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(byName.get('wellbeing.who5_1')!.ordered).toBe(true);
    expect(byName.get('profile.age_band')!.ordered).toBe(true);
    expect(byName.get('profile.employer_type')!.ordered).toBeUndefined();
    const salary = byName.get('career.salary_band')!;
    expect(salary.values!.map((v) => v.value)).not.toContain('undisclosed');
    expect(salary.missing).toEqual(['no_answer', 'prefer_not_to_say']);
    expect(byName.get('work.clients_count')!.missing).toEqual(['not_asked', 'no_answer']);
  });

  it('gives every column a distinct SPSS and Stata name of at most 32 characters', () => {
    for (const c of columns) expect(c.toolName).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
    expect(new Set(columns.map((c) => c.toolName.toLowerCase())).size).toBe(columns.length);
    expect(byToolName('profile.employer_type')).toBe('profile_employer_type');
    expect(toolNames(['a.b', 'a_b', `x.${'y'.repeat(40)}`, `x_${'y'.repeat(40)}`])).toEqual([
      'a_b',
      'a_b_2',
      `x_${'y'.repeat(30)}`,
      `x_${'y'.repeat(28)}_2`,
    ]);
  });

  const byToolName = (name: string) => columns.find((c) => c.name === name)!.toolName;
});

describe('a microdata row', () => {
  const levels = levelsWith({ 'profile.region': 1, 'profile.age_band': 3, [HOURS]: 1 });
  const columns = microdataColumns(questionnaire, levels);
  const quasiLevels = new Map(quasi.map((q, i) => [q.code, levels[i]!]));
  const row = (a: ResponseAnswers) =>
    Object.fromEntries(
      microdataRow(columns, a, quasiLevels, 7).map((cell, i) => [columns[i]!.name, cell]),
    );
  const who5 = [5, 4, 3, 2, 1].map(
    (score, i) => [`wellbeing.who5_${i + 1}`, [`f${score}`], score] as [string, string[], number],
  );
  const respondent = answers([
    ['profile.region', ['bre'], null],
    ['profile.age_band', ['a25_29'], null],
    ['profile.gender', ['woman'], null],
    ['work.platforms', ['instagram', 'tiktok'], null],
    ['work.hours_actual', [''], 42.5],
    [HOURS, [''], 37],
    ['comment.free_text', [''], null],
    ...who5,
  ]);

  it('generalises and suppresses quasi-identifiers as chosen, and keeps the rest as answered', () => {
    const r = row(respondent);
    expect(r['profile.region']).toBe('metro_other');
    expect(r['row_id']).toBe(7);
    expect(r['profile.age_band']).toBe(String(WITHHELD));
    expect(r['profile.gender']).toBe('woman');
    expect(r['profile.employer_type']).toBe(String(NO_ANSWER));
    expect(r['work.hours_actual']).toBe(42.5);
    expect(r[HOURS]).toBe('h35_39');
    expect(r['work.platforms.instagram']).toBe(1);
    expect(r['work.platforms.facebook']).toBe(0);
    expect(r['wellbeing.who5_1']).toBe(5);
    expect(r['score.who5']).toBe(60);
    expect(r['score.cbi_work']).toBe(NO_ANSWER);
  });

  it('says why a cell is empty: not asked, no answer, prefers not to say', () => {
    const r = row(
      answers([
        ['profile.employer_type', ['brand'], null],
        ['profile.gender', ['undisclosed'], null],
        ['exposure.harassment_12m', ['yes'], null],
      ]),
    );
    expect(r['work.clients_count']).toBe(NOT_ASKED);
    expect(r['exposure.support_after_attack']).toBe(String(NO_ANSWER));
    expect(r['profile.gender']).toBe('-3');
    expect(r['exposure.harassment_12m']).toBe('yes');
    const agency = row(answers([['profile.employer_type', ['agency'], null]]));
    expect(agency['work.clients_count']).toBe(NO_ANSWER);
    expect(agency['exposure.support_after_attack']).toBe(String(NOT_ASKED));
    // No answer to the condition hides the question.
    expect(row(answers([]))['work.clients_count']).toBe(NOT_ASKED);
  });

  it('withholds a routed question for everyone when its condition is released too coarsely', () => {
    const coarse = levelsWith({ 'profile.employer_type': 1 });
    const cols = microdataColumns(questionnaire, coarse);
    const levelsByCode = new Map(quasi.map((q, i) => [q.code, coarse[i]!]));
    const clients = (employer: string, count?: number) =>
      microdataRow(
        cols,
        answers([
          ['profile.employer_type', [employer], null],
          ...(count === undefined
            ? []
            : [['work.clients_count', [''], count] as [string, string[], number]]),
        ]),
        levelsByCode,
        1,
      )[cols.findIndex((c) => c.name === 'work.clients_count')];
    // Brand and agency are both "private", and only agencies are asked: a count at all, or a
    // "not asked", would tell an agency CM from a brand CM, which the release hides.
    expect(clients('agency', 12)).toBe(WITHHELD);
    expect(clients('agency')).toBe(WITHHELD);
    expect(clients('brand')).toBe(WITHHELD);
    expect(clients('public')).toBe(WITHHELD);
    expect(clients('freelance', 3)).toBe(WITHHELD);
    expect(cols.find((c) => c.name === 'work.clients_count')!.missing).toEqual(['withheld']);
  });

  it('keeps a routed question whose condition is released in enough detail', () => {
    const exact = microdataColumns(questionnaire, levelsWith({}));
    const levelsByCode = new Map(quasi.map((q) => [q.code, 0]));
    const cell = microdataRow(
      exact,
      answers([
        ['profile.employer_type', ['agency'], null],
        ['work.clients_count', [''], 12],
      ]),
      levelsByCode,
      1,
    )[exact.findIndex((c) => c.name === 'work.clients_count')];
    expect(cell).toBe(12);
  });

  it('masks an attribute for answered and unanswered records alike, and nothing else', () => {
    const unanswered = row(answers([]));
    expect(unanswered['profile.age_band']).toBe(String(WITHHELD));
    expect(unanswered['profile.region']).toBe(String(NO_ANSWER));
    expect(unanswered[HOURS]).toBe(String(NO_ANSWER));
    const masked = Object.entries(row(respondent)).filter(([, cell]) => Number(cell) === WITHHELD);
    expect(masked).toEqual([['profile.age_band', String(WITHHELD)]]);
  });

  it('leaves an unanswered multiple choice empty rather than all zeros', () => {
    const r = row(answers([]));
    expect(r['work.platforms.instagram']).toBe(NO_ANSWER);
  });

  it('bands contracted hours, 35 hours apart from its neighbours', () => {
    const at = (level: number, hours: number) =>
      microdataRow(
        columns.filter((c) => c.name === HOURS),
        answers([[HOURS, [''], hours]]),
        new Map([[HOURS, level]]),
        1,
      )[0];
    expect([34.5, 35, 35.5, 39.5, 40].map((h) => at(1, h))).toEqual([
      'h30_34',
      'h35',
      'h35_39',
      'h35_39',
      'h40_44',
    ]);
    expect([0, 19.5, 50, 80].map((h) => at(1, h))).toEqual([
      'h_lt20',
      'h_lt20',
      'h50_plus',
      'h50_plus',
    ]);
    expect([34.9, 35, 35.1].map((h) => at(2, h))).toEqual(['h_lt35', 'h35', 'h_gt35']);
    expect(at(0, 37.5)).toBe(37.5);
  });

  it('describes each level in both languages', () => {
    const facts = releasedLevels(quasi, levels);
    expect(facts.find((f) => f.question === 'profile.region')!.description.en).toBe(
      'grouped as: Île-de-France (Paris region); Other mainland region; Overseas regions or abroad',
    );
    expect(facts.find((f) => f.question === 'profile.age_band')!.description.fr).toBe(
      'masqué pour toutes les réponses',
    );
    expect(facts.find((f) => f.question === 'profile.gender')!.description.en).toBe('full detail');
  });
});

describe("the anonymiser's integers", () => {
  it('code options by position and numbers by first appearance, nested like their levels', () => {
    const hours = new QuasiEncoding(quasi.find((q) => q.code === HOURS)!);
    const values = hours.array(4);
    expect(values).toBeInstanceOf(Uint32Array);
    [35, 37, null, 35].forEach((num, i) => {
      values[i] = hours.code(num === null ? undefined : { codes: [''], num });
    });
    expect([...values]).toEqual([1, 2, 0, 1]);
    const column = hours.column(values);
    // Level 1: 35 and 37 are different bands; level 2: still (35 / over 35); no answer stays 0.
    expect(column.levels.map((l) => [...Array.from(l)])).toEqual([
      [0, 1, 2],
      [0, 5, 6],
      [0, 2, 3],
    ]);
    const gender = new QuasiEncoding(quasi.find((q) => q.code === 'profile.gender')!);
    expect(gender.array(1)).toBeInstanceOf(Uint8Array);
    expect(gender.code({ codes: ['undisclosed'], num: null })).toBe(4);
    expect(gender.column(new Uint8Array(0)).levels).toEqual([
      [0, 1, 2, 3, 4],
      [0, 1, 2, 3, 3],
    ]);
  });
});
