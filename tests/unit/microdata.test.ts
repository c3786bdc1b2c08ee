import { describe, expect, it } from 'vitest';
import {
  microdataColumns,
  microdataRow,
  QuasiEncoding,
  quasiIdentifiers,
  releasedLevels,
  SUPPRESSED,
  type ResponseAnswers,
} from '../../api/publication/microdata';
import { getQuestionnaire, questionsOf } from '../../api/survey/questionnaires';

const questionnaire = getQuestionnaire('2026.1')!;
const quasi = quasiIdentifiers(questionnaire);
const levelsWith = (overrides: Record<string, number>) => quasi.map((q) => overrides[q.code] ?? 0);
const HOURS = 'work.hours_contract';

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
    expect(region(levelsWith({}))).not.toContain(SUPPRESSED);
    expect(region(levelsWith({ 'profile.region': 2 }))).toEqual(['idf', 'not_idf']);
    expect(region(levelsWith({ 'profile.region': 3 }))).toEqual([SUPPRESSED]);
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
    expect(hours(3).values!.map((v) => v.value)).toEqual([SUPPRESSED]);
  });
});

describe('a microdata row', () => {
  const levels = levelsWith({ 'profile.region': 1, 'profile.age_band': 3, [HOURS]: 1 });
  const columns = microdataColumns(questionnaire, levels);
  const quasiLevels = new Map(quasi.map((q, i) => [q.code, levels[i]!]));
  const row = (a: ResponseAnswers) =>
    Object.fromEntries(
      microdataRow(columns, a, quasiLevels).map((cell, i) => [columns[i]!.name, cell]),
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
    expect(r['profile.age_band']).toBe(SUPPRESSED);
    expect(r['profile.gender']).toBe('woman');
    expect(r['profile.employer_type']).toBeNull();
    expect(r['work.hours_actual']).toBe(42.5);
    expect(r[HOURS]).toBe('h35_39');
    expect(r['work.platforms.instagram']).toBe(1);
    expect(r['work.platforms.facebook']).toBe(0);
    expect(r['wellbeing.who5_1']).toBe(5);
    expect(r['score.who5']).toBe(60);
    expect(r['score.cbi_work']).toBeNull();
  });

  it('masks an attribute for answered and unanswered records alike, and nothing else', () => {
    const unanswered = row(answers([]));
    expect(unanswered['profile.age_band']).toBe(SUPPRESSED);
    expect(unanswered['profile.region']).toBeNull();
    expect(unanswered[HOURS]).toBeNull();
    const masked = Object.entries(row(respondent)).filter(([, cell]) => cell === SUPPRESSED);
    expect(masked).toEqual([['profile.age_band', SUPPRESSED]]);
  });

  it('leaves an unanswered multiple choice empty rather than all zeros', () => {
    const r = row(answers([]));
    expect(r['work.platforms.instagram']).toBeNull();
  });

  it('bands contracted hours, 35 hours apart from its neighbours', () => {
    const at = (level: number, hours: number) =>
      microdataRow(
        columns.filter((c) => c.name === HOURS),
        answers([[HOURS, [''], hours]]),
        new Map([[HOURS, level]]),
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
