/**
 * Writes the data package of a published edition from the local D1, with the
 * same code the Worker runs at publication: D1 is reached through wrangler's
 * platform proxy, so the queries run on workerd's D1, as in production.
 *
 *   npm run export -- --edition 2025 --out exports/
 *
 * Prints the file, its rows and the peak memory the build took.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getPlatformProxy } from 'wrangler';
import { getDb } from '../api/lib/db.server';
import { ApiError } from '../api/lib/errors';
import {
  buildPackage,
  publishedEdition,
  type ByteSink,
  type PackageProgress,
} from '../api/publication/package.server';
import { packageFilename } from '../api/publication/storage.server';
import { persistOption } from './lib/args';
import { DEFAULT_PERSIST_DIR } from './lib/local-d1';
import { memoryGrowth } from './lib/memory';
import { progressBar } from './lib/progress';

const { values: args } = parseArgs({
  options: { edition: { type: 'string' }, out: { type: 'string' }, ...persistOption },
});
const year = Number(args.edition);
if (!Number.isInteger(year) || !args.out) {
  console.error('Usage: npm run export -- --edition 2025 --out exports/ [--persist-to DIR]');
  process.exit(2);
}

const proxy = await getPlatformProxy<Env>({
  persist: { path: join(args['persist-to'] ?? DEFAULT_PERSIST_DIR, 'v3') },
  remoteBindings: false,
});
await mkdir(args.out, { recursive: true });
const path = join(args.out, packageFilename(year));
const file = createWriteStream(path);
const sink: ByteSink = {
  write: (chunk) => void file.write(chunk),
  drain: async () => {
    if (file.writableNeedDrain) await once(file, 'drain');
  },
};

const bars = new Map<PackageProgress['phase'], ReturnType<typeof progressBar>>();
const onProgress = (p: PackageProgress) => {
  if (!bars.has(p.phase)) {
    for (const bar of bars.values()) bar.done();
    bars.set(p.phase, progressBar(p.phase === 'scan' ? 'anonymising' : 'writing rows', p.total));
  }
  bars.get(p.phase)!.update(p.done);
};

const memory = memoryGrowth();
const cpuBefore = process.cpuUsage();
const started = performance.now();
try {
  const db = getDb(proxy.env.DB);
  const built = await buildPackage(
    db,
    await publishedEdition(db, year),
    sink,
    proxy.env.SITE_URL,
    onProgress,
  );
  [...bars.values()].at(-1)?.done();
  file.end();
  await once(file, 'finish');
  const seconds = (performance.now() - started) / 1000;
  const peak = memory.stop();
  const cpu = process.cpuUsage(cpuBefore);
  const { size } = await stat(path);
  console.log(
    `${path}: ${built.rows.toLocaleString('en')} rows, k = ${built.risk.after.k ?? '—'} reached with no record suppressed (sample uniques ${built.risk.before.sampleUniques} → ${built.risk.after.sampleUniques}), ${(size / 1e6).toFixed(2)} MB in ${seconds.toFixed(1)} s; peak memory ${(peak / 2 ** 20).toFixed(1)} MiB above the baseline (JS heap + buffers); CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s in this process`,
  );
} catch (error) {
  memory.stop();
  file.destroy();
  if (!(error instanceof ApiError)) throw error;
  console.error(
    `${error.message}${error.fields ? ` ${Object.values(error.fields).join(' ')}` : ''}`,
  );
  process.exitCode = 1;
} finally {
  await proxy.dispose();
}
