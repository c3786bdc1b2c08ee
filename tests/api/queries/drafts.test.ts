import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../api/lib/db.server';
import {
  createDraft,
  deleteDraft,
  EXPIRED_DRAFT_KEPT_DAYS,
  loadDraft,
  openEdition,
  resumeDraft,
  saveDraft,
  submitResponse,
} from '../../../api/survey/service.server';
import { addEdition, clearDatabase } from '../fixtures';

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

  it('expire 30 days after the last save: answers erased, the link saying so for 90 days more', async () => {
    const db = getDb(env.DB);
    const start = new Date('2026-10-01T12:00:00Z');
    const code = await createDraft(db, 2026, start);
    expect(await loadDraft(db, code, daysFrom(start, 30))).not.toBeNull();
    await saveDraft(
      db,
      code,
      { answers: { 'profile.employer_type': 'media' }, section: '3' },
      daysFrom(start, 20),
    );
    expect(await loadDraft(db, code, daysFrom(start, 50))).not.toBeNull();
    expect(await loadDraft(db, code, daysFrom(start, 51))).toBeNull();
    expect(await resumeDraft(db, code, daysFrom(start, 51))).toEqual({ status: 'expired' });

    // The next draft erases the expired one's answers; its row says it expired, then goes.
    await createDraft(db, 2026, daysFrom(start, 51));
    const rows = await env.DB.prepare(
      'SELECT answers_json, section FROM survey_drafts ORDER BY expires_on',
    ).all<{ answers_json: string; section: string | null }>();
    expect(rows.results[0]).toEqual({ answers_json: '', section: null });
    expect(await resumeDraft(db, code, daysFrom(start, 52))).toEqual({ status: 'expired' });
    await createDraft(db, 2026, daysFrom(start, 51 + EXPIRED_DRAFT_KEPT_DAYS));
    expect(await resumeDraft(db, code, daysFrom(start, 52 + EXPIRED_DRAFT_KEPT_DAYS))).toEqual({
      status: 'unknown',
    });
  });

  it('tell a sent survey from an unknown code', async () => {
    const db = getDb(env.DB);
    const code = await createDraft(db, 2026);
    const answers = { 'profile.employer_type': 'media' };
    await saveDraft(db, code, { answers, section: '8' });
    await submitResponse(db, await openEdition(db, 2026), answers, code);
    await deleteDraft(db, code);
    expect(await resumeDraft(db, code)).toEqual({ status: 'submitted' });
    expect(await resumeDraft(db, 'B'.repeat(22))).toEqual({ status: 'unknown' });
  });
});
