/**
 * The release measure of `npm run bench`: the final release of an edition and its package,
 * built by the served Worker's release Workflow, started by its Cron Trigger (wall time, every
 * query on its local D1, and workerd's peak resident memory), then the audit run again in this
 * process on the stored outputs, for its CPU time: the audit is what a release spends CPU on,
 * the queries' time is D1's, not the Worker's.
 */
import type { Crosstab } from '../../api/findings/crosstab';
import type { Summary } from '../../api/findings/summary';
import { auditRelease } from '../../api/releases/build.server';
import { loadHighs } from '../../api/releases/highs';
import { CROSSTAB_OUTPUT, SUMMARY_OUTPUT } from '../../api/releases/queries.server';
import { REQUESTS_CRON } from '../../api/releases/schedule';
import { openLocalD1 } from './local-d1';
import { runCron, type LocalServer } from './local-server';
import { withPeakMemory } from './workerd-memory';

/** wrangler.toml's [limits] cpu_ms: what each Workflow step may spend. */
export const CRON_CPU_LIMIT_MS = 300_000;

export async function timeRelease(server: LocalServer, year: number) {
  const request = openLocalD1(server.persistDir);
  request.prepare("UPDATE editions SET release_requested = 'final' WHERE year = ?").run(year);
  request.close();
  const started = performance.now();
  const memory = await withPeakMemory(() =>
    runCron(server.baseURL, REQUESTS_CRON, server.persistDir),
  );
  const wallMs = performance.now() - started;
  const db = openLocalD1(server.persistDir);
  const release = db
    .prepare('SELECT id, status, audit_json FROM releases WHERE edition_year = ? ORDER BY id DESC')
    .get(year) as { id: number; status: string; audit_json: string } | undefined;
  if (release?.status !== 'published')
    throw new Error(`The ${year} release was not published: ${release?.audit_json}`);
  const outputs = db
    .prepare('SELECT kind, payload_json FROM release_outputs WHERE release_id = ?')
    .all(release.id) as { kind: string; payload_json: string }[];
  const summary = JSON.parse(
    outputs.find((o) => o.kind === SUMMARY_OUTPUT)!.payload_json,
  ) as Summary;
  const crosstabs = outputs
    .filter((o) => o.kind === CROSSTAB_OUTPUT)
    .map((o) => JSON.parse(o.payload_json) as Crosstab);
  db.close();
  const highs = await loadHighs();
  const cpu = process.cpuUsage();
  const audit = auditRelease(highs, { summary, crosstabs }, null);
  const used = process.cpuUsage(cpu);
  return {
    wallMs,
    memory,
    auditCpuMs: (used.user + used.system) / 1000,
    pairs: audit.pairs,
    targets: audit.targets,
  };
}
