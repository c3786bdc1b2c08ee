/** Fixtures for tests that need releases: the job run in workerd with the real HiGHS. */
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { getDb } from '../../api/lib/db.server';
import { buildRelease } from '../../api/releases/build.server';
import { loadHighs } from '../../api/releases/highs';
import wasm from '../../api/releases/highs-wasm.server';
import { runReleaseJob, type JobOptions } from '../../api/releases/job.server';
import { generateResponses } from '../../db/seed/generate';
import { editions } from '../../db/schema.server';
import { type ReleaseKind } from '../../db/enums';

export const highs = () => loadHighs(wasm);

/** Builds a release of `year` now, whatever the threshold: what the job does once it is due. */
export async function release(year: number, kind: ReleaseKind = 'provisional') {
  const db = getDb(env.DB);
  const edition = await db.query.editions.findFirst({ where: eq(editions.year, year) });
  if (!edition) throw new Error(`no edition ${year}`);
  return buildRelease(db, await highs(), edition, kind);
}

export async function runJob(options: JobOptions) {
  return runReleaseJob(getDb(env.DB), await highs(), options);
}

/**
 * The demo generator's responses for `year` (a demo edition year: 2024, 2025 or 2026), written
 * directly for speed: `of` responses are generated across the three demo editions.
 */
export async function insertDemoResponses(year: number, of: number, into = year): Promise<number> {
  const statements = [];
  let written = 0;
  for (const r of generateResponses(of)) {
    if (r.editionYear !== year) continue;
    written++;
    statements.push(
      env.DB.prepare(
        'INSERT INTO responses (id, edition_year, submitted_week, withdrawal_hash) VALUES (?, ?, ?, ?)',
      ).bind(r.id, into, r.submittedWeek, `${r.withdrawalHash}-${into}`),
      ...r.answers.map((a) =>
        env.DB.prepare(
          'INSERT INTO answers (response_id, edition_year, question_code, option_code, num_value) VALUES (?, ?, ?, ?, ?)',
        ).bind(r.id, into, a.questionCode, a.optionCode, a.numValue),
      ),
    );
  }
  for (let i = 0; i < statements.length; i += 500) await env.DB.batch(statements.slice(i, i + 500));
  return written;
}
