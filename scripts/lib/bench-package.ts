/**
 * The data package measures of `npm run bench`: an edition of exactly `size`
 * responses, its package built by the Worker, and the same rows dumped to CSV
 * by node:sqlite as the baseline; then the Worker's code run in this process
 * (through wrangler's D1 proxy) to measure the memory it takes.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { getPlatformProxy } from 'wrangler';
import { csvLines } from '../../api/findings/csv';
import { getDb } from '../../api/lib/db';
import { buildPackage } from '../../api/publication/package';
import { generateResponses } from '../../db/seed/generate';
import { memoryGrowth } from './memory';
import { progressBar } from './progress';

/** A published edition holding `size` demo responses, written with node:sqlite. */
export function addPackageEdition(db: DatabaseSync, year: number, size: number) {
  db.prepare(
    `INSERT INTO editions (year, status, questionnaire_version, opens_on, closes_on, published_on, k, demo)
     VALUES (?, 'published', '2026.1', '${year}-09-01', '${year}-12-01', '${year + 1}-02-01', 10, 1)`,
  ).run(year);
  const insertResponse = db.prepare(
    `INSERT INTO responses (id, edition_year, submitted_week, withdrawal_hash, demo) VALUES (?, ?, '${year}-W40', ?, 1)`,
  );
  const insertAnswer = db.prepare(
    'INSERT INTO answers (response_id, edition_year, question_code, option_code, num_value) VALUES (?, ?, ?, ?, ?)',
  );
  const bar = progressBar(`edition ${year}`, size);
  let done = 0;
  db.exec('BEGIN');
  // Another seed than the demo's, so ids and withdrawal hashes do not collide with it.
  for (const r of generateResponses(size, year)) {
    insertResponse.run(r.id, year, r.withdrawalHash);
    for (const a of r.answers)
      insertAnswer.run(r.id, year, a.questionCode, a.optionCode, a.numValue);
    bar.update(++done);
  }
  db.exec('COMMIT');
  bar.done();
}

/** The baseline: the same answer rows, current responses only, dumped to a CSV file. */
export async function dumpAnswersCsv(db: DatabaseSync, year: number, path: string) {
  const started = performance.now();
  const out = createWriteStream(path);
  const statement = db.prepare(
    `SELECT a.response_id, a.question_code, a.option_code, a.num_value FROM answers a
     JOIN responses r ON r.id = a.response_id AND r.withdrawn = 0
     WHERE a.edition_year = ? ORDER BY a.response_id`,
  );
  statement.setReturnArrays(true);
  let page: (string | number | null)[][] = [];
  for (const answer of statement.iterate(year)) {
    page.push(answer as unknown as (string | number | null)[]);
    if (page.length === 10_000) {
      if (!out.write(csvLines(page))) await once(out, 'drain');
      page = [];
    }
  }
  out.end(csvLines(page));
  await once(out, 'finish');
  return performance.now() - started;
}

/** The Worker's build, in this process, into a sink that only counts: time and memory growth. */
export async function buildInProcess(persistDir: string, year: number, siteUrl: string) {
  const proxy = await getPlatformProxy<Env>({
    persist: { path: join(persistDir, 'v3') },
    remoteBindings: false,
  });
  try {
    // The proxy sets up its connection on first use: not the build's memory.
    await proxy.env.DB.prepare('SELECT 1').first();
    let bytes = 0;
    const memory = memoryGrowth();
    const started = performance.now();
    const built = await buildPackage(
      getDb(proxy.env.DB),
      year,
      { write: (chunk) => void (bytes += chunk.length), drain: async () => {} },
      siteUrl,
    );
    const ms = performance.now() - started;
    return { ms, peak: memory.stop(), bytes, rows: built.rows };
  } finally {
    await proxy.dispose();
  }
}
