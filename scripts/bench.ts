/**
 * `npm run bench`: measures the built Worker under wrangler dev at two data
 * sizes, beside raw SQLite (Node's built-in) on the same database file.
 *
 *   setup        migrate, seed the demo data and start the Worker
 *   health       a trivial route: the cost of the Worker and the runtime alone
 *   editions     GET /api/v1/editions, which reads the trigger-kept counters
 *   COUNT        counting the responses on every read instead, with node:sqlite
 *   submissions  POST /api/v1/editions/2026/responses, a full answer set each,
 *                20 clients at once; then checks that D1 holds every response
 *                the Worker acknowledged
 *   INSERT       the same rows written with node:sqlite, one transaction each
 *   results pg   GET /resultats/2026: the edition page, findings and charts drawn on the server
 *   chart PNG    GET /graphiques/shares.png?edition=2026, rasterised in the Worker (resvg-wasm)
 *   search       GET /api/v1/testimonials?q=…, among as many published testimonials
 *   theme        GET /api/v1/testimonials?theme=…
 *   …SQL         the same queries on node:sqlite
 *   indicators   GET /api/v1/editions/2026/indicators: cold (the first read
 *                computes the summary) and warm (reads of the cached summary)
 *   summary SQL  every aggregate query behind a summary, on node:sqlite
 *   release      the final release of an edition of exactly as many responses
 *                (2099) and its data package, built by the release Workflow
 *                that the Cron Trigger starts: every output computed,
 *                perturbed, audited by the MILP attacker and stored, then the
 *                zip written to R2; its wall time and workerd's peak resident
 *                memory; then the audit's CPU time, run again in this process
 *   package      GET /api/v1/editions/2099/package, served from R2;
 *                node:sqlite dumping the same answer rows to CSV (the
 *                baseline), and the same build run in this process under a
 *                128 MB heap cap
 *   testimony    redaction then flagging of a 5,000-character testimony (the
 *                longest the form takes), in CPU ms in this process: the
 *                first call, then medians once warm
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fromAnswerRows, toAnswerRows } from '../api/survey/answers';
import { getQuestionnaire } from '../api/survey/questionnaires';
import { generateResponses } from '../db/seed/generate';
import { SUMMARY_QUERIES } from '../api/findings/compute.server';
import { openLocalD1 } from './lib/local-d1';
import { CRON_CPU_LIMIT_MS, timeRelease } from './lib/bench-release';
import { startLocalServer } from './lib/local-server';
import { benchFlags } from './lib/bench-flags';
import { progressBar } from './lib/progress';
import {
  addPackageEdition,
  dumpAnswersCsv,
  exportUnderCap,
  HEAP_CAP_MB,
} from './lib/bench-package';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,100000' },
    requests: { type: 'string', default: '400' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const requests = Number(values.requests);
const CONCURRENCY = 20;

const SEARCH_WORDS = 'moderer soir';
const THEME = 'hostility';
const PAGE_SQL = (
  where: string,
) => `SELECT t.id, t.text, t.lang, t.employer_type, t.experience, t.published_on
  FROM testimonials t WHERE t.status = 'published' AND ${where}
  ORDER BY t.published_on DESC, t.id DESC LIMIT 21`;
const SEARCH_SQL = PAGE_SQL(
  `t.seq IN (SELECT rowid FROM testimonials_fts WHERE testimonials_fts MATCH '"moderer"* "soir"*')`,
);
const THEME_SQL = PAGE_SQL(
  `EXISTS (SELECT 1 FROM testimonial_themes x WHERE x.testimonial_id = t.id AND x.theme = '${THEME}')`,
);
const THEMES_OF_PAGE_SQL = (ids: string[]) =>
  `SELECT * FROM testimonial_themes WHERE testimonial_id IN (${ids.map((id) => `'${id}'`).join(',')}) ORDER BY theme`;

/** A year no demo edition uses, for the package measures. */
const PACKAGE_YEAR = 2099;

const COUNT_SQL = `SELECT e.year, count(r.id) AS responses
  FROM editions e LEFT JOIN responses r ON r.edition_year = e.year AND r.withdrawn = 0
  GROUP BY e.year ORDER BY e.year`;

/** A realistic, complete answer set: the first demo respondent of 2026. */
const questionnaire = getQuestionnaire('2026.1')!;
const sample = [...generateResponses(1000)].find((r) => r.editionYear === 2026)!;
const answers = fromAnswerRows(
  questionnaire,
  sample.answers.map((a) => ({ ...a, textValue: null })),
);
const answerRows = toAnswerRows(questionnaire, answers);

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

/** `requests` calls, CONCURRENCY at a time, after a short warm-up. */
async function load(label: string, call: (i: number) => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < 5; i++) await call(-1 - i);
  const latencies: number[] = [];
  const bar = progressBar(label, requests);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests) {
        const i = next++;
        const t = performance.now();
        await call(i);
        latencies.push(performance.now() - t);
        bar.update(latencies.length);
      }
    }),
  );
  bar.done();
  return stats(latencies, performance.now() - started);
}

function timeSync(run: () => void, times = requests): Stats {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    latencies.push(performance.now() - t);
  }
  return stats(latencies, performance.now() - started);
}

/**
 * After Node was blocked for seconds (seeding, raw SQLite), wrangler has closed the idle
 * keep-alive sockets; a request written to one fails with "other side closed" before the
 * Worker sees it, so it is sent again once, on a new socket.
 */
async function fetchOk(url: string, init?: RequestInit) {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
    res = await fetch(url, init);
  }
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

let acknowledged = 0;
const submit = (baseURL: string, run: string) => async (i: number) => {
  await fetchOk(`${baseURL}/api/v1/editions/2026/responses`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `bench-${run}-${i}-${'x'.repeat(16)}`,
      // One address a request: the limiter does its work but lets the load through.
      'cf-connecting-ip': `10.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`,
    },
    body: JSON.stringify({ answers }),
  });
  acknowledged++;
};

const rows: string[][] = [];
const ms = (x: number) => x.toFixed(2);
const row = (size: number, measure: string, s: Stats | null, ratio = '') =>
  rows.push([
    size.toLocaleString('en'),
    measure,
    s ? ms(s.p50) : '',
    s ? ms(s.p99) : '',
    s ? s.perSecond.toFixed(0) : '',
    ratio,
  ]);
const lost: string[] = [];
// Measured before the servers start, so that wrangler's processes do not share the cores.
const testimony = benchFlags(200);

for (const size of sizes) {
  console.log(`\n== ${size.toLocaleString('en')} responses and published testimonials`);
  const setupStart = performance.now();
  const server = await startLocalServer({ responses: size, testimonials: size });
  row(size, `setup ${((performance.now() - setupStart) / 1000).toFixed(1)} s`, null);
  try {
    const health = await load('health     ', () => fetchOk(`${server.baseURL}/api/health`));
    const editions = await load('editions   ', () => fetchOk(`${server.baseURL}/api/v1/editions`));
    // Reads of the current release, which the startup cron built: the first, then the rest.
    const indicatorsUrl = `${server.baseURL}/api/v1/editions/2026/indicators`;
    const coldStart = performance.now();
    await fetchOk(indicatorsUrl);
    const cold = performance.now() - coldStart;
    const warm = await load('indicators ', () => fetchOk(indicatorsUrl));
    // A results page as a reader gets it (findings and three charts drawn on the server), and a
    // chart's PNG, rasterised in the Worker.
    const resultsPage = await load('results pg ', () =>
      fetchOk(`${server.baseURL}/resultats/2026`),
    );
    const chartPng = await load('chart PNG  ', () =>
      fetchOk(`${server.baseURL}/graphiques/shares.png?edition=2026`),
    );
    const search = await load('search     ', () =>
      fetchOk(`${server.baseURL}/api/v1/testimonials?q=${encodeURIComponent(SEARCH_WORDS)}`),
    );
    const theme = await load('theme      ', () =>
      fetchOk(`${server.baseURL}/api/v1/testimonials?theme=${THEME}`),
    );
    const db = openLocalD1(server.persistDir);
    // The page query, then the themes of its rows, as the Worker does.
    const pageWithThemes = (sqlText: string) => () => {
      const rows = db.prepare(sqlText).all() as { id: string }[];
      db.prepare(THEMES_OF_PAGE_SQL(rows.slice(0, 20).map((r) => r.id))).all();
    };
    const before = Number(
      (db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n,
    );
    acknowledged = 0;
    const submissions = await load('submissions', submit(server.baseURL, String(size)));
    const after = Number(
      (db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n,
    );
    if (after - before !== acknowledged)
      lost.push(`${size}: ${acknowledged} acknowledged, ${after - before} stored`);

    // The raw SQLite baselines block Node for seconds: run after every HTTP load, so idle
    // keep-alive sockets are not reused after the server closed them.
    const summaryStatements = Object.values(SUMMARY_QUERIES).map((q) => db.prepare(q));
    const summarySql = timeSync(
      () => summaryStatements.forEach((statement) => statement.all(2026)),
      3,
    );
    const searchSql = timeSync(pageWithThemes(SEARCH_SQL));
    const themeSql = timeSync(pageWithThemes(THEME_SQL));
    const countStatement = db.prepare(COUNT_SQL);
    const counting = timeSync(() => countStatement.all());
    const insertResponse = db.prepare(
      "INSERT INTO responses (id, edition_year, submitted_week, withdrawal_hash) VALUES (?, 2026, '2026-W47', ?)",
    );
    const insertAnswer = db.prepare(
      'INSERT INTO answers (response_id, edition_year, question_code, option_code, num_value, text_value) VALUES (?, 2026, ?, ?, ?, ?)',
    );
    let id = 9_000_000_000_000;
    const inserting = timeSync(() => {
      id++;
      db.exec('BEGIN');
      insertResponse.run(id, `bench-${id}`);
      for (const a of answerRows)
        insertAnswer.run(id, a.questionCode, a.optionCode, a.numValue, a.textValue);
      db.exec('COMMIT');
    });

    addPackageEdition(db, PACKAGE_YEAR, size);
    // No connection of this process stays open while the Workflow writes (see runCron).
    db.close();
    const released = await timeRelease(server, PACKAGE_YEAR);
    console.log(
      `release of ${size.toLocaleString('en')} responses: ${released.pairs} pairs, ${released.targets} audited values`,
    );
    const packageUrl = `${server.baseURL}/api/v1/editions/${PACKAGE_YEAR}/package`;
    const storedStart = performance.now();
    await fetchOk(packageUrl);
    const packageStored = performance.now() - storedStart;
    const dumped = openLocalD1(server.persistDir);
    const dump = await dumpAnswersCsv(dumped, PACKAGE_YEAR, join(server.persistDir, 'dump.csv'));
    dumped.close();
    const capped = exportUnderCap(server.persistDir, PACKAGE_YEAR);
    console.log(capped.line);
    const once = (t: number) => ({ p50: t, p99: t, perSecond: 1000 / t });

    row(size, 'health (Worker)', health);
    row(
      size,
      'editions (Worker)',
      editions,
      `${(editions.p50 / health.p50).toFixed(2)}× health p50`,
    );
    row(
      size,
      'COUNT per read (node:sqlite)',
      counting,
      `editions/COUNT p50 ${(editions.p50 / counting.p50).toFixed(1)}×`,
    );
    row(
      size,
      'submissions (Worker)',
      submissions,
      `${(health.perSecond / submissions.perSecond).toFixed(2)}× slower than health`,
    );
    row(
      size,
      'INSERT response (node:sqlite)',
      inserting,
      `submission/INSERT p50 ${(submissions.p50 / inserting.p50).toFixed(1)}×`,
    );
    row(
      size,
      'indicators cold (Worker)',
      { p50: cold, p99: cold, perSecond: 1000 / cold },
      'first read of the release',
    );
    row(
      size,
      'indicators warm (Worker)',
      warm,
      `${(warm.p50 / health.p50).toFixed(2)}× health p50`,
    );
    row(
      size,
      'summary SQL (node:sqlite)',
      summarySql,
      `warm read/SQL p50 ${(warm.p50 / summarySql.p50).toFixed(2)}×`,
    );
    row(
      size,
      'results page (Worker)',
      resultsPage,
      `${(resultsPage.p50 / health.p50).toFixed(2)}× health p50`,
    );
    row(
      size,
      'chart PNG (Worker)',
      chartPng,
      `${(chartPng.p50 / health.p50).toFixed(2)}× health p50`,
    );
    row(size, 'search (Worker)', search, `${(search.p50 / health.p50).toFixed(2)}× health p50`);
    row(
      size,
      'search SQL (node:sqlite)',
      searchSql,
      `Worker/SQL p50 ${(search.p50 / searchSql.p50).toFixed(1)}×`,
    );
    row(size, 'theme filter (Worker)', theme, `${(theme.p50 / health.p50).toFixed(2)}× health p50`);
    row(
      size,
      'theme SQL (node:sqlite)',
      themeSql,
      `Worker/SQL p50 ${(theme.p50 / themeSql.p50).toFixed(1)}×`,
    );
    row(
      size,
      'release Workflow (Worker)',
      once(released.wallMs),
      `final release + package: ${(released.wallMs / dump).toFixed(1)}× the CSV dump; workerd RSS ${released.memory.beforeMiB.toFixed(0)} → peak ${released.memory.peakMiB.toFixed(0)} MiB`,
    );
    row(
      size,
      'audit CPU (Worker code)',
      once(released.auditCpuMs),
      `${((released.auditCpuMs / CRON_CPU_LIMIT_MS) * 100).toFixed(1)}% of a Workflow step's ${CRON_CPU_LIMIT_MS / 1000} s CPU`,
    );
    row(size, 'package download (Worker)', once(packageStored), 'from R2');
    row(size, 'answers CSV dump (node:sqlite)', once(dump), 'baseline');
    row(
      size,
      `export, ${HEAP_CAP_MB} MB heap cap (CLI)`,
      once(capped.ms),
      `fits; build +${capped.growthMiB} MiB JS memory`,
    );
    console.log(`submissions: ${acknowledged} acknowledged, ${after - before} stored in D1`);
  } catch (error) {
    console.error(`The Worker's last words:\n${server.logs().slice(-4000)}`);
    throw error;
  } finally {
    await server.stop();
  }
}

console.log(
  `\n${CONCURRENCY} concurrent clients, ${requests} requests per measure, latencies in ms.\n`,
);
const header = ['size', 'measure', 'p50', 'p99', 'per s', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));

const p50Of = (measure: string) => rows.filter((r) => r[1] === measure).map((r) => Number(r[2]));
for (const measure of [
  'editions (Worker)',
  'indicators warm (Worker)',
  'indicators cold (Worker)',
  'summary SQL (node:sqlite)',
  'submissions (Worker)',
  'search (Worker)',
  'theme filter (Worker)',
  'release Workflow (Worker)',
  'package download (Worker)',
  'audit CPU (Worker code)',
  'answers CSV dump (node:sqlite)',
  `export, ${HEAP_CAP_MB} MB heap cap (CLI)`,
]) {
  const [small, large] = p50Of(measure);
  if (small && large)
    console.log(
      `${measure} p50 at ${sizes[1]} vs ${sizes[0]} responses: ${(large / small).toFixed(2)}×`,
    );
}
console.log(
  `\nTestimony of ${testimony.chars.toLocaleString('en')} characters (${testimony.flags} flags), CPU ms, median of 200 once warm:`,
);
console.log(
  `redaction ${ms(testimony.redactMs)} + flagging ${ms(testimony.flagMs)} = ${ms(testimony.totalMs)} ms (first call of the process ${ms(testimony.firstMs)} ms)`,
);
if (lost.length > 0) {
  console.error(`Submissions lost: ${lost.join('; ')}`);
  process.exit(1);
}
console.log('No submission lost: every acknowledged response is in D1.');
