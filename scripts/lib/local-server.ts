/**
 * Serves the built Worker with wrangler dev on a local D1 of its own, for
 * browser tests and benchmarks: migrations applied and demo data seeded, as
 * `npm start` does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SpawnOptions } from 'node:child_process';
import { REQUESTS_CRON } from '../../api/releases/schedule';
import { DEFAULT_PERSIST_DIR, openLocalD1 } from './local-d1';
import { run, spawnDetached } from './run';

export interface LocalServer {
  baseURL: string;
  persistDir: string;
  /** What wrangler printed (warnings and errors), to explain a failed request. */
  logs(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(
  baseURL: string,
  timeoutMs: number,
  logs: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The Worker did not answer at ${baseURL} within ${timeoutMs} ms:\n${logs()}`);
}

/**
 * Runs one of the Worker's Cron Triggers now, through wrangler dev's `--test-scheduled` route,
 * and waits for the release Workflow runs it started to end, as the local D1 records them
 * (`persistDir` as wrangler's --persist-to); again while a tick starts runs, since a published
 * edition's waits for the earlier editions'. Locally nothing else fires the crons.
 */
export async function runCron(
  baseURL: string,
  cron: string,
  persistDir = DEFAULT_PERSIST_DIR,
  timeoutMs = 900_000,
): Promise<void> {
  const url = `${baseURL}/__scheduled?cron=${encodeURIComponent(cron)}`;
  // A connection a poll: one held open would keep a read transaction that stalls workerd's
  // SQLite (a checkpoint waits on it, and the Workflow with it).
  const read = <T>(sql: string, ...params: string[]) => {
    const db = openLocalD1(persistDir);
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  const jobs = () => read<{ n: number }>('SELECT count(*) AS n FROM release_jobs')[0]!.n;
  const running = () =>
    read<{ n: number }>(
      "SELECT count(*) AS n FROM release_jobs WHERE phase IN ('queued', 'release', 'package')",
    )[0]!.n;
  const deadline = Date.now() + timeoutMs;
  const since = new Date().toISOString();
  for (;;) {
    const before = jobs();
    // After Node was blocked for a while (seeding), wrangler may have closed the idle
    // keep-alive socket: a request written to it never reached the Worker, and is sent again.
    const res = await fetch(url).catch(() => fetch(url));
    if (!res.ok) throw new Error(`The ${cron} job failed: ${res.status} ${await res.text()}`);
    if (jobs() === before) break;
    while (running() > 0) {
      if (Date.now() > deadline) throw new Error(`The ${cron} jobs did not end in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const failed = read<{ edition_year: number; outcome: string }>(
    "SELECT edition_year, outcome FROM release_jobs WHERE phase = 'failed' AND created_at >= ?",
    since,
  );
  if (failed.length)
    throw new Error(failed.map((j) => `${j.edition_year}: ${j.outcome}`).join('\n'));
}

/** Applies the migrations to a local D1 (wrangler's default state folder unless given). */
export function migrateLocalD1(persistDir?: string, options: SpawnOptions = {}): void {
  const persist = persistDir ? ['--persist-to', persistDir] : [];
  run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', ...persist], options);
}

export function prepareDatabase(persistDir: string, responses: number, testimonials = 0): void {
  migrateLocalD1(persistDir);
  run('npx', [
    'tsx',
    'scripts/seed.ts',
    '--persist-to',
    persistDir,
    '--responses',
    String(responses),
    '--testimonials',
    String(testimonials),
  ]);
}

export async function startLocalServer(
  options: { responses?: number; testimonials?: number } = {},
): Promise<LocalServer> {
  const persistDir = mkdtempSync(join(tmpdir(), 'cm-observatory-'));
  prepareDatabase(persistDir, options.responses ?? 3000, options.testimonials);
  const port = await freePort();
  const child = spawnDetached('npx', [
    'wrangler',
    'dev',
    '--port',
    String(port),
    '--ip',
    '127.0.0.1',
    '--persist-to',
    persistDir,
    '--show-interactive-dev-session=false',
    '--log-level',
    'warn',
    '--test-scheduled',
  ]);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    // wrangler starts workerd as a child: end the whole process group.
    if (child.pid && child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(persistDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseURL, 60_000, () => output);
    // The seed asked for the demo editions' releases: build them as the Cron Trigger would.
    await runCron(baseURL, REQUESTS_CRON, persistDir);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, persistDir, logs: () => output, stop };
}
