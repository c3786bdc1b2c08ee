import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../api/lib/db.server';
import { zeroed } from '../../../api/lib/erasure.server';
import { createDraft, deleteDraft, loadDraft, saveDraft } from '../../../api/survey/service.server';
import { submitTestimonial } from '../../../api/testimonials/service.server';
import { surveyDrafts, testimonials } from '../../../db/schema.server';
import { addEdition, clearDatabase, count } from '../fixtures';

beforeEach(async () => {
  await clearDatabase();
  await addEdition(2026, 'open');
});

const byteLength = (text: string) => new TextEncoder().encode(text).length;

describe('zeroed', () => {
  it('keeps the byte length of any text, so SQLite rewrites the record in place', async () => {
    const db = getDb(env.DB);
    await createDraft(db, 2026);
    for (const text of ['', 'a', 'Épuisée, 23 h 30 — encore 🙃', 'ß'.repeat(3000)]) {
      await env.DB.prepare('UPDATE survey_drafts SET answers_json = ?').bind(text).run();
      await db.update(surveyDrafts).set({ answersJson: zeroed(surveyDrafts.answersJson) });
      const row = await env.DB.prepare(
        'SELECT answers_json AS value, length(CAST(answers_json AS BLOB)) AS bytes FROM survey_drafts',
      ).first<{ value: string; bytes: number }>();
      expect(row).toEqual({ value: '0'.repeat(byteLength(text)), bytes: byteLength(text) });
    }
  });

  it('leaves NULL as it is', async () => {
    const db = getDb(env.DB);
    await submitTestimonial(db, {
      text: 'Un témoignage assez long pour être accepté, voilà.',
      lang: 'fr',
    });
    await db.update(testimonials).set({ rejectReason: zeroed(testimonials.rejectReason) });
    expect(await count('testimonials', 'reject_reason IS NULL')).toBe(1);
  });
});

describe('drafts', () => {
  it('keep only the last save, and go when deleted after submission', async () => {
    const db = getDb(env.DB);
    const code = await createDraft(db, 2026);
    await saveDraft(db, code, { answers: { 'comment.free_text': 'première' }, section: '7' });
    await saveDraft(db, code, {
      answers: { 'comment.free_text': 'seconde version' },
      section: '7',
    });
    expect(await loadDraft(db, code)).toEqual({
      editionYear: 2026,
      answers: { 'comment.free_text': 'seconde version' },
      section: '7',
    });
    await deleteDraft(db, code);
    expect(await count('survey_drafts')).toBe(0);
    expect(
      await db.query.surveyDrafts.findFirst({ where: eq(surveyDrafts.editionYear, 2026) }),
    ).toBeUndefined();
  });
});
