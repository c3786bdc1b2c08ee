import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../api/lib/db.server';
import { createDraft, loadDraft, saveDraft } from '../../../api/survey/service.server';
import { addEdition, clearDatabase, count } from '../fixtures';

const daysFrom = (base: Date, days: number) => new Date(base.getTime() + days * 86_400_000);

beforeEach(async () => {
  await clearDatabase();
  await addEdition(2026, 'open');
});

describe('survey drafts', () => {
  it('keep answers under a resume code stored only as a hash', async () => {
    const db = getDb(env.DB);
    const code = await createDraft(db, 2026);
    await saveDraft(db, code, { answers: { 'profile.employer_type': 'media' }, section: '2' });
    expect(await loadDraft(db, code)).toEqual({
      editionYear: 2026,
      answers: { 'profile.employer_type': 'media' },
      section: '2',
    });
    const stored = await env.DB.prepare('SELECT * FROM survey_drafts').first<
      Record<string, unknown>
    >();
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(await loadDraft(db, 'A'.repeat(22))).toBeNull();
  });

  it('expire 30 days after the last save, and expired ones are purged', async () => {
    const db = getDb(env.DB);
    const start = new Date('2026-10-01T12:00:00Z');
    const code = await createDraft(db, 2026, start);
    expect(await loadDraft(db, code, daysFrom(start, 30))).not.toBeNull();
    await saveDraft(db, code, { answers: {}, section: '3' }, daysFrom(start, 20));
    expect(await loadDraft(db, code, daysFrom(start, 50))).not.toBeNull();
    expect(await loadDraft(db, code, daysFrom(start, 51))).toBeNull();
    await createDraft(db, 2026, daysFrom(start, 51));
    expect(await count('survey_drafts')).toBe(1);
  });
});
