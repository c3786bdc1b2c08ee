import { env } from 'cloudflare:workers';
import { PACKAGE_SQL } from '../../../api/publication/package.server';
import { describe, expect, it } from 'vitest';

const tables = async () =>
  (
    await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name",
    ).all<{
      name: string;
    }>()
  ).results.map((r) => r.name);

describe('migrations on an empty D1', () => {
  it('create every table of the domain', async () => {
    const names = await tables();
    for (const table of [
      'editions',
      'responses',
      'answers',
      'survey_drafts',
      'testimonials',
      'testimonial_themes',
      'testimonials_fts',
      'staff',
      'sessions',
      'audit_log',
      'aggregates',
    ]) {
      expect(names).toContain(table);
    }
  });

  it('index the columns that reads filter on', async () => {
    const plan = await env.DB.prepare(
      "EXPLAIN QUERY PLAN SELECT count(*) FROM answers WHERE edition_year = 2026 AND question_code = 'work.hours_actual'",
    ).all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join(' ')).toMatch(
      /USING (COVERING )?INDEX answers_question_idx/,
    );
  });

  it('read a data package page by page through the primary key, never the whole edition', async () => {
    const plan = async (sql: string, ...params: unknown[]) =>
      (
        await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .bind(...params)
          .all<{ detail: string }>()
      ).results
        .map((r) => r.detail)
        .join(' ');
    expect(await plan(PACKAGE_SQL.ids, 2026, 0, 1000)).toMatch(
      /SEARCH responses USING COVERING INDEX responses_edition_idx/,
    );
    const codes = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    for (const [sql, params] of [
      [PACKAGE_SQL.scan(codes.length), [2026, 1, 2, ...codes]],
      [PACKAGE_SQL.answers, [2026, 1, 2]],
    ] as const) {
      expect(await plan(sql, ...params)).toMatch(
        /SEARCH answers USING INDEX sqlite_autoindex_answers_1 \(response_id>\? AND response_id<\?\)/,
      );
    }
  });

  it('search, not scan, for the idempotency keys the weekly purge clears', async () => {
    const plan = await env.DB.prepare(
      "EXPLAIN QUERY PLAN UPDATE responses SET idempotency_hash = NULL WHERE idempotency_hash IS NOT NULL AND submitted_week < '2026-W47'",
    ).all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join(' ')).toMatch(
      /SEARCH responses USING INDEX responses_pending_keys_idx/,
    );
  });

  it('refuse an edition with k below 5', async () => {
    await expect(
      env.DB.prepare(
        "INSERT INTO editions (year, questionnaire_version, opens_on, closes_on, k) VALUES (2030, '2026.1', '2030-01-01', '2030-02-01', 4)",
      ).run(),
    ).rejects.toThrow(/CHECK constraint failed/);
  });

  it('keep the full-text index in step with testimonials, accents folded', async () => {
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO testimonials (id, text, lang, submitted_week, withdrawal_hash) VALUES ('t1', 'Je suis épuisée par les trolls', 'fr', '2026-W40', 'h1')",
      ),
    ]);
    const search = (q: string) =>
      env.DB.prepare(
        'SELECT t.id FROM testimonials_fts f JOIN testimonials t ON t.seq = f.rowid WHERE testimonials_fts MATCH ?',
      )
        .bind(q)
        .all<{ id: string }>();
    expect((await search('epuisee')).results).toEqual([{ id: 't1' }]);
    await env.DB.prepare("UPDATE testimonials SET text = 'Texte caviardé' WHERE id = 't1'").run();
    expect((await search('epuisee')).results).toEqual([]);
    expect((await search('caviarde')).results).toEqual([{ id: 't1' }]);
    await env.DB.prepare("DELETE FROM testimonials WHERE id = 't1'").run();
    expect((await search('caviarde')).results).toEqual([]);
  });

  it('keep each edition response count and data version in step with its responses', async () => {
    const edition = () =>
      env.DB.prepare(
        'SELECT response_count AS n, data_version AS v FROM editions WHERE year = 2031',
      ).first<{ n: number; v: number }>();
    await env.DB.prepare(
      "INSERT INTO editions (year, questionnaire_version, opens_on, closes_on) VALUES (2031, '2026.1', '2031-01-01', '2031-02-01')",
    ).run();
    const insert = (id: number) =>
      env.DB.prepare(
        "INSERT INTO responses (id, edition_year, submitted_week, withdrawal_hash) VALUES (?, 2031, '2031-W02', ?)",
      ).bind(id, `w${id}`);
    await env.DB.batch([insert(1), insert(2), insert(3)]);
    expect(await edition()).toEqual({ n: 3, v: 3 });
    await env.DB.prepare('UPDATE responses SET withdrawn = 1 WHERE id = 2').run();
    expect(await edition()).toEqual({ n: 2, v: 4 });
    await env.DB.prepare('UPDATE responses SET withdrawn = 1 WHERE id = 2').run();
    expect(await edition()).toEqual({ n: 2, v: 4 });
    await env.DB.prepare('DELETE FROM responses WHERE id IN (1, 2)').run();
    expect(await edition()).toEqual({ n: 1, v: 6 });
  });
});
