/**
 * The release measure of `npm run bench`: the final release of an edition built by the Worker's
 * own code in this process, on the served Worker's local D1 through wrangler's platform proxy
 * (as `npm run export` does). Its CPU time is this process's, so it counts the D1 proxy's
 * decoding too: an upper bound of the Worker's.
 */
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { getPlatformProxy } from 'wrangler';
import { getDb } from '../../api/lib/db';
import { buildRelease } from '../../api/releases/build';
import { loadHighs } from '../../api/releases/highs';
import { editions } from '../../db/schema';

/** wrangler.toml's [limits] cpu_ms for the Cron Trigger that runs releases. */
export const CRON_CPU_LIMIT_MS = 300_000;

export async function timeRelease(persistDir: string, year: number) {
  const proxy = await getPlatformProxy<Env>({ persist: { path: join(persistDir, 'v3') } });
  try {
    const db = getDb(proxy.env.DB);
    const highs = await loadHighs();
    const edition = await db.query.editions.findFirst({ where: eq(editions.year, year) });
    if (!edition) throw new Error(`No ${year} edition to release`);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const built = await buildRelease(db, highs, edition, 'final');
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (built.status !== 'published')
      throw new Error(`The ${year} release was refused: ${JSON.stringify(built.audit.findings)}`);
    return {
      wallMs,
      cpuMs: (used.user + used.system) / 1000,
      pairs: built.audit.pairs,
      targets: built.audit.targets,
      auditMs: built.audit.ms,
    };
  } finally {
    await proxy.dispose();
  }
}
