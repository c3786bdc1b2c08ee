/**
 * `npm run bench`: measures the built Worker under wrangler dev at two data
 * sizes, beside raw SQLite (Node's built-in) on the same database file.
 *
 *   setup     time to migrate, seed the demo data and start the Worker
 *   health    a trivial route: the cost of the Worker and the runtime alone
 *   editions  GET /api/v1/editions, which reads the trigger-kept counters
 *   sqlite    counting the responses on every read instead, with node:sqlite
 *             on the same file: the naive way, whose cost grows with the data
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openLocalD1 } from './lib/local-d1';
import { startLocalServer } from './lib/local-server';
import { progressBar } from './lib/progress';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,100000' },
    requests: { type: 'string', default: '300' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const requests = Number(values.requests);
const CONCURRENCY = 10;

const EDITIONS_SQL = `SELECT e.year, e.status, e.k, count(r.id) AS responses
  FROM editions e LEFT JOIN responses r ON r.edition_year = e.year AND r.withdrawn = 0
  GROUP BY e.year ORDER BY e.year`;

interface Stats {
  p50: number;
  p99: number;
  perSecond: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function stats(latencies: number[], wallMs: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    perSecond: (latencies.length / wallMs) * 1000,
  };
}

/** `requests` calls, CONCURRENCY at a time, after a warm-up. */
async function load(label: string, call: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < 10; i++) await call();
  const latencies: number[] = [];
  const bar = progressBar(label, requests);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests) {
        next++;
        const t = performance.now();
        await call();
        latencies.push(performance.now() - t);
        bar.update(latencies.length);
      }
    }),
  );
  bar.done();
  return stats(latencies, performance.now() - started);
}

async function fetchOk(url: string) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  await res.arrayBuffer();
}

const rows: string[][] = [];
const fmt = (ms: number) => ms.toFixed(2);
for (const size of sizes) {
  console.log(`\n== ${size.toLocaleString('en')} responses`);
  const seedStart = performance.now();
  const server = await startLocalServer({ responses: size });
  const setupSeconds = (performance.now() - seedStart) / 1000;
  try {
    const health = await load('health  ', () => fetchOk(`${server.baseURL}/api/health`));
    const editions = await load('editions', () => fetchOk(`${server.baseURL}/api/v1/editions`));
    const db = openLocalD1(server.persistDir);
    const statement = db.prepare(EDITIONS_SQL);
    const sqliteLatencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < requests; i++) {
      const t = performance.now();
      statement.all();
      sqliteLatencies.push(performance.now() - t);
    }
    const sqlite = stats(sqliteLatencies, performance.now() - started);
    db.close();
    rows.push(
      [String(size), 'migrate+seed+start (s)', setupSeconds.toFixed(1), '', '', ''],
      [
        String(size),
        'health (Worker)',
        fmt(health.p50),
        fmt(health.p99),
        health.perSecond.toFixed(0),
        '',
      ],
      [
        String(size),
        'editions (Worker)',
        fmt(editions.p50),
        fmt(editions.p99),
        editions.perSecond.toFixed(0),
        (editions.p50 / health.p50).toFixed(2) + '× health',
      ],
      [
        String(size),
        'COUNT per read (node:sqlite)',
        fmt(sqlite.p50),
        fmt(sqlite.p99),
        sqlite.perSecond.toFixed(0),
        (editions.p50 / sqlite.p50).toFixed(1) + '× Worker/sqlite',
      ],
    );
  } finally {
    await server.stop();
  }
}

console.log(`\nConcurrency ${CONCURRENCY}, ${requests} requests per measure, latencies in ms.\n`);
const header = ['responses', 'measure', 'p50', 'p99', 'req/s', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));

const bySize = (measure: string) => rows.filter((r) => r[1] === measure).map((r) => Number(r[2]));
const [small, large] = bySize('editions (Worker)');
if (small && large)
  console.log(
    `\neditions p50 at ${sizes[1]} vs ${sizes[0]} responses: ${(large / small).toFixed(2)}×`,
  );
