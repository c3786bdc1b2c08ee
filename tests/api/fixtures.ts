/**
 * The one fixtures module of the API tests: an empty database per test, the Worker to call, the
 * editions, staff and responses tests start from, and releases built with the real HiGHS.
 */
import { env, exports } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../api/lib/crypto';
import { stepAt, totpCode } from '../../api/staff/totp';
import { getDb } from '../../api/lib/db.server';
import { buildRelease } from '../../api/releases/build.server';
import { loadHighs } from '../../api/releases/highs';
import wasm from '../../api/releases/highs-wasm.server';
import { dispatchJobs } from '../../api/jobs/dispatch.server';
import type { JobOutput } from '../../api/jobs/workflow.server';
import { publishedEdition } from '../../api/publication/package.server';
import { packageStore, storePackage } from '../../api/publication/storage.server';
import type { EditionStatus, ReleaseKind } from '../../db/enums';
import { editions, responses } from '../../db/schema.server';
import { generateResponses } from '../../db/seed/generate';

/** Children before parents, so foreign keys hold while emptying. */
const TABLES = [
  'release_jobs',
  'release_outputs',
  'releases',
  'aggregates',
  'audit_log',
  'sessions',
  'passkeys',
  'recovery_codes',
  'staff_invites',
  'report_quotes',
  'testimonial_themes',
  'testimonials',
  'calls',
  'staff',
  'survey_drafts',
  'answers',
  'responses',
  'editions',
];

/** Empties every table, so each test starts from the migrated, empty database. */
export async function clearDatabase(): Promise<void> {
  await env.DB.batch(TABLES.map((t) => env.DB.prepare(`DELETE FROM ${t}`)));
}

// The test Worker (tests/api/worker.ts) is not the wrangler.toml main, so its
// exports are not in the generated types.
const worker = exports as unknown as { default: Fetcher };

export const api = (path: string, init?: RequestInit) =>
  worker.default.fetch(`http://observatory.test${path}`, init);

/** An edition as the staff would create it; `k` 10 and the 2026.1 questionnaire unless said. */
export async function addEdition(
  year: number,
  status: EditionStatus,
  options: Partial<Omit<typeof editions.$inferInsert, 'year' | 'status'>> = {},
) {
  await getDb(env.DB)
    .insert(editions)
    .values({
      year,
      status,
      questionnaireVersion: '2026.1',
      opensOn: `${year}-09-01`,
      closesOn: `${year}-12-01`,
      k: 10,
      ...options,
    });
}

/** An edition with `responseCount` bare responses, `withdrawn` of them withdrawn. */
export async function addEditionWithResponses(
  year: number,
  status: 'open' | 'published',
  responseCount: number,
  withdrawn = 0,
) {
  const db = getDb(env.DB);
  await addEdition(year, status);
  const rows = Array.from({ length: responseCount }, (_, i) => ({
    id: year * 100_000 + i,
    editionYear: year,
    submittedWeek: `${year}-W40`,
    withdrawalHash: `${year}-${i}`,
    withdrawn: i < withdrawn,
  }));
  // D1 binds at most 100 parameters per statement: 6 columns, 16 rows at a time.
  for (let i = 0; i < rows.length; i += 16)
    await db.insert(responses).values(rows.slice(i, i + 16));
}

let clients = 0;
/** A distinct client address per call, so rate limits of one test do not leak into another. */
export const newClient = () => `192.0.2.${++clients % 250}-${clients}`;

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': newClient(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function count(table: string, where = '1 = 1'): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).first<{
    n: number;
  }>();
  return row!.n;
}

/** The TOTP key of every staff member addStaff adds. */
export const STAFF_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** A staff member with a TOTP key already enrolled, unless `totp` is false. */
export async function addStaff(
  email: string,
  role: 'admin' | 'moderator',
  password = 'correct horse battery',
  { totp = true } = {},
) {
  await env.DB.prepare(
    "INSERT INTO staff (email, password_hash, role, totp_secret, created_at) VALUES (?, ?, ?, ?, '2026-01-01')",
  )
    .bind(email, await hashPassword(password), role, totp ? STAFF_TOTP_SECRET : null)
    .run();
}

/** The password step alone: the cookie of a session still waiting for its second factor. */
export async function passwordOnly(
  email: string,
  password = 'correct horse battery',
): Promise<string> {
  const res = await postJson('/api/v1/staff/login', { email, password });
  if (res.status !== 200) throw new Error(`login answered ${res.status}`);
  return /__Host-cm_staff=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
}

/** The current code of the TOTP key, made good again: each step is accepted once per account. */
export async function freshTotpCode(email: string, secret = STAFF_TOTP_SECRET): Promise<string> {
  await env.DB.prepare('UPDATE staff SET totp_last_step = 0 WHERE email = ?').bind(email).run();
  return totpCode(secret, stepAt(new Date()));
}

/** Signs in through the API, password then TOTP, and returns the session cookie to send back. */
export async function signIn(email: string, password = 'correct horse battery'): Promise<string> {
  const cookie = await passwordOnly(email, password);
  const res = await postJson(
    '/api/v1/staff/second-factor/totp',
    { code: await freshTotpCode(email.trim().toLowerCase()) },
    { cookie },
  );
  if (res.status !== 204) throw new Error(`second factor answered ${res.status}`);
  return cookie;
}

export const highs = () => loadHighs(wasm);

/** Builds a release of `year` now, whatever the threshold: what the job does once it is due. */
export async function release(year: number, kind: ReleaseKind = 'provisional') {
  const db = getDb(env.DB);
  const edition = await db.query.editions.findFirst({ where: eq(editions.year, year) });
  if (!edition) throw new Error(`no edition ${year}`);
  return buildRelease(db, await highs(), edition, kind);
}

/** Builds `year`'s package into R2 now: the release Workflow's package step, without the job. */
export async function buildPackage(year: number) {
  const db = getDb(env.DB);
  return storePackage(db, packageStore(env), await publishedEdition(db, year));
}

/** One tick of the release Cron Trigger, then each Workflow run it started, to its end. */
export async function runJob({ scheduled }: { scheduled: boolean }) {
  const started = await dispatchJobs(getDb(env.DB), env.RELEASES, {
    scheduled,
    exports: env.EXPORTS,
  });
  return Promise.all(
    started.map(async ({ jobId, year, kind }) => ({ year, kind, ...(await workflowEnd(jobId)) })),
  );
}

/** Waits for a Workflow run to end, and gives its status, output and error. */
export async function workflowEnd(id: string) {
  const instance = await env.RELEASES.get(id);
  for (;;) {
    const { status, output, error } = await instance.status();
    if (['complete', 'errored', 'terminated'].includes(status))
      return { status, output: output as JobOutput, error };
    await scheduler.wait(25);
  }
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
