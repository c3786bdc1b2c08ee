import { describe, expect, it } from 'vitest';
import { getQuestionnaire, questionsOf } from '../../api/survey/questionnaires';
import { flagIdentifiers } from '../../api/testimonials/flags';
import { redact } from '../../api/testimonials/redact';
import {
  demoEditions,
  editionSizes,
  generateResponses,
  generateTestimonials,
} from '../../db/seed/generate';
import { demoTestimonials } from '../../db/seed/testimonials';

const take = (n: number, seed?: number) => [...generateResponses(n, seed)];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('demo data generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(take(200)).toEqual(take(200));
    expect(take(50, 1)).not.toEqual(take(50, 2));
    expect(generateTestimonials()).toEqual(generateTestimonials());
  });

  it('splits responses across the three editions, summing to the total', () => {
    for (const total of [0, 1, 3000, 100_000]) {
      const sizes = editionSizes(total);
      expect(sizes).toHaveLength(demoEditions.length);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('answers only with codes and values of the edition questionnaire, honouring display conditions', () => {
    for (const r of take(600)) {
      const edition = demoEditions.find((e) => e.year === r.editionYear)!;
      const questions = new Map(
        questionsOf(getQuestionnaire(edition.questionnaireVersion)!).map((q) => [q.code, q]),
      );
      const given = new Map(r.answers.map((a) => [a.questionCode, a.optionCode]));
      for (const a of r.answers) {
        const q = questions.get(a.questionCode)!;
        expect(q, a.questionCode).toBeDefined();
        if (q.type === 'number') {
          expect(a.numValue).toBeGreaterThanOrEqual(q.min);
          expect(a.numValue).toBeLessThanOrEqual(q.max);
        } else if (q.type !== 'text') expect(q.options.map((o) => o.code)).toContain(a.optionCode);
        if (q.showIf) expect(q.showIf.anyOf).toContain(given.get(q.showIf.question));
      }
      expect(given.has('profile.employer_type')).toBe(true);
      expect(r.submittedWeek).toMatch(new RegExp(`^${r.editionYear}-W\\d{2}$`));
    }
  });

  it('makes longer hours go with lower WHO-5 answers', () => {
    const rows = take(3000).map((r) => {
      const value = (code: string) =>
        r.answers.find((a) => a.questionCode === code)?.numValue ?? null;
      const who5 = r.answers
        .filter((a) => a.questionCode.startsWith('wellbeing.who5_'))
        .map((a) => a.numValue!);
      const overtime = (value('work.hours_actual') ?? NaN) - (value('work.hours_contract') ?? NaN);
      return { overtime, who5: who5.length === 5 ? mean(who5) : NaN };
    });
    const valid = rows.filter((r) => Number.isFinite(r.overtime) && Number.isFinite(r.who5));
    const long = valid.filter((r) => r.overtime >= 10).map((r) => r.who5);
    const short = valid.filter((r) => r.overtime <= 2).map((r) => r.who5);
    expect(long.length).toBeGreaterThan(50);
    expect(mean(long)).toBeLessThan(mean(short) - 0.5);
  });

  it('writes testimonials of 50 to 5,000 characters, in both languages', () => {
    const testimonials = generateTestimonials();
    expect(testimonials.length).toBeGreaterThanOrEqual(40);
    for (const t of testimonials) expect(t.text.length).toBeGreaterThanOrEqual(50);
    expect(new Set(testimonials.map((t) => t.lang))).toEqual(new Set(['fr', 'en']));
  });

  it('runs demo testimonials through the form’s redaction and flagging, as real ones', () => {
    const rows = generateTestimonials();
    for (const [i, row] of rows.entries()) {
      // Redacted: nothing left to mask, and the published ones had nothing to mask or flag.
      expect(redact(row.text, row.lang).text, row.text).toBe(row.text);
      if (row.status === 'published') {
        expect(row.text).toBe(demoTestimonials[i]!.text);
        expect(flagIdentifiers(row.text, row.lang), row.text).toEqual([]);
      }
    }
    const pending = rows.filter((t) => t.status === 'pending').map((t) => t.text);
    expect(pending.join(' ')).not.toMatch(/@exemple|@example|06 12 34|@jordan|@collectif/);
    expect(pending.join(' ')).toMatch(/\[email\].*\[téléphone\]/s);
    // The fictional author of one chose to replace a name; the others left theirs to moderation.
    const replaced = pending.find((t) => t.includes('My colleague [name] reported'));
    expect(replaced).toBeDefined();
    const open = rows
      .filter((t) => t.status === 'pending')
      .flatMap((t) => flagIdentifiers(t.text, t.lang).map((f) => f.text));
    expect(open).toEqual(expect.arrayContaining(['Sandrine', 'Karim']));
    expect(open).not.toContain('Marcus');
  });
});
