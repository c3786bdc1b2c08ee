import { describe, expect, it } from 'vitest';
import type { Anonymisation } from '../../api/publication/anonymise';
import {
  microdataColumns,
  microdataRow,
  quasiIdentifiers,
  releasedLevels,
  SUPPRESSED,
  type ResponseAnswers,
} from '../../api/publication/microdata';
import { getQuestionnaire, questionsOf } from '../../api/survey/questionnaires';

const questionnaire = getQuestionnaire('2026.1')!;
const quasi = quasiIdentifiers(questionnaire);
const levelsWith = (overrides: Record<string, number>) => quasi.map((q) => overrides[q.code] ?? 0);
const anonymisation = (levels: number[], suppressedCount = 0): Anonymisation => ({
  levels,
  suppressed: new Uint8Array(0),
  suppressedCount,
  withheld: false,
});

const answers = (entries: [string, string[], number | null][]): ResponseAnswers =>
  new Map(entries.map(([code, codes, num]) => [code, { codes, num }]));

describe('microdata columns', () => {
  const columns = microdataColumns(questionnaire, anonymisation(levelsWith({})));
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

  it('lists the codes of the level each quasi-identifier is released at', () => {
    const region = (levels: number[], suppressed = 0) =>
      microdataColumns(questionnaire, anonymisation(levels, suppressed))
        .find((c) => c.name === 'profile.region')!
        .values!.map((v) => v.value);
    expect(region(levelsWith({ 'profile.region': 2 }))).toEqual(['idf', 'not_idf']);
    expect(region(levelsWith({ 'profile.region': 2 }), 3)).toEqual(['idf', 'not_idf', SUPPRESSED]);
    expect(region(levelsWith({ 'profile.region': 3 }))).toEqual([SUPPRESSED]);
  });
});

describe('a microdata row', () => {
  const levels = levelsWith({ 'profile.region': 1, 'profile.age_band': 3 });
  const columns = microdataColumns(questionnaire, anonymisation(levels));
  const quasiLevels = new Map(quasi.map((q, i) => [q.code, levels[i]!]));
  const row = (a: ResponseAnswers, suppressed = false) =>
    Object.fromEntries(
      microdataRow(columns, a, quasiLevels, suppressed).map((cell, i) => [columns[i]!.name, cell]),
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
    expect(r['work.platforms.instagram']).toBe(1);
    expect(r['work.platforms.facebook']).toBe(0);
    expect(r['wellbeing.who5_1']).toBe(5);
    expect(r['score.who5']).toBe(60);
    expect(r['score.cbi_work']).toBeNull();
  });

  it('masks every quasi-identifier of a locally suppressed record, even unanswered ones', () => {
    const r = row(respondent, true);
    for (const q of quasi) expect(r[q.code]).toBe(SUPPRESSED);
    expect(r['work.hours_actual']).toBe(42.5);
  });

  it('leaves an unanswered multiple choice empty rather than all zeros', () => {
    const r = row(answers([]));
    expect(r['work.platforms.instagram']).toBeNull();
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
