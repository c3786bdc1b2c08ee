import { env, exports } from 'cloudflare:workers';
import { hashPassword } from '../../api/lib/crypto';
import { getDb } from '../../api/lib/db.server';
import { editions } from '../../db/schema.server';
import type { EditionStatus } from '../../db/enums';

// The test Worker (tests/api/worker.ts) is not the wrangler.toml main, so its
// exports are not in the generated types.
const worker = exports as unknown as { default: Fetcher };

export const api = (path: string, init?: RequestInit) =>
  worker.default.fetch(`http://observatory.test${path}`, init);

export async function addEdition(year: number, status: EditionStatus, version = '2026.1') {
  await getDb(env.DB)
    .insert(editions)
    .values({
      year,
      status,
      questionnaireVersion: version,
      opensOn: `${year}-09-01`,
      closesOn: `${year}-12-01`,
      k: 10,
    });
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

export async function addStaff(
  email: string,
  role: 'admin' | 'moderator',
  password = 'correct horse battery',
) {
  await env.DB.prepare(
    "INSERT INTO staff (email, password_hash, role, created_at) VALUES (?, ?, ?, '2026-01-01')",
  )
    .bind(email, await hashPassword(password), role)
    .run();
}

/** Signs in through the API and returns the session cookie to send back. */
export async function signIn(email: string, password = 'correct horse battery'): Promise<string> {
  const res = await postJson('/api/v1/staff/login', { email, password });
  if (res.status !== 200) throw new Error(`login answered ${res.status}`);
  return /cm_staff=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
}
