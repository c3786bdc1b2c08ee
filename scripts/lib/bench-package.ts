/**
 * The data package measures of `npm run bench`: an edition of exactly `size`
 * responses, its package built by the Worker, and the same rows dumped to CSV
 * by node:sqlite as the baseline; then `npm run export` (the Worker's code,
 * through wrangler's D1 proxy) under a 128 MB heap cap, to show the build fits.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { csvLines } from '../../api/findings/csv';
import { generateResponses } from '../../db/seed/generate';
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

/** Heap cap of the export run: the memory limit of a Worker's isolate. */
export const HEAP_CAP_MB = 128;

/**
 * `npm run export` in a child Node whose V8 heap is capped at 128 MB, wrangler's D1 proxy
 * included: it completes only if the build fits. Its time and sampled memory growth come back.
 */
export function exportUnderCap(persistDir: string, year: number) {
  const started = performance.now();
  const run = spawnSync(
    'npx',
    [
      'tsx',
      'scripts/export.ts',
      '--edition',
      String(year),
      '--out',
      join(persistDir, 'exports'),
      '--persist-to',
      persistDir,
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` },
    },
  );
  const ms = performance.now() - started;
  const growth = /peak memory ([\d.]+) MiB/.exec(run.stdout)?.[1];
  if (run.status !== 0 || !growth) {
    throw new Error(`export under a ${HEAP_CAP_MB} MB heap failed: ${run.stderr.slice(-2000)}`);
  }
  return { ms, growthMiB: Number(growth), line: run.stdout.trim() };
}
