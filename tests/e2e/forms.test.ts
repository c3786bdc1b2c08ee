import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openLocalD1 } from '../../scripts/lib/local-d1';
import { baseURL, persistDir } from './browser';

/**
 * Issue #15, part 4: every form action answers a malformed or oversized body with a 400 or 413
 * and a page that says what to do, never a 500, and nothing stored changes. The actions are read
 * from the routes, so a new one is attacked too.
 */

const ROUTES = 'web/routes';
const PARAMS: Record<string, string> = { '[year=year]': '2026', '[step=step]': '1' };

function formActions(): string[] {
  const urls: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === '+page.server.ts') {
        const source = readFileSync(path, 'utf8');
        const block = /export const actions[^{]*\{([\s\S]*)\};/.exec(source)?.[1];
        if (!block) continue;
        const route = `/${relative(ROUTES, dir)}`
          .split('/')
          .map((part) => PARAMS[part] ?? part)
          .join('/');
        for (const [, name] of block.matchAll(/^ {2}(\w+): /gm))
          urls.push(name === 'default' ? route : `${route}?/${name}`);
      }
    }
  };
  walk(ROUTES);
  return urls;
}

/** What a hostile body could change: every table's row count, and the editions' states. */
function storedState(): string {
  const db = openLocalD1(persistDir());
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'")
      .all() as { name: string }[];
    const counts = tables.map(
      ({ name }) =>
        `${name}:${(db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n}`,
    );
    const states = db.prepare("SELECT group_concat(year || status, ',') AS s FROM editions").get();
    return JSON.stringify([counts, states]);
  } finally {
    db.close();
  }
}

const post = (url: string, body: BodyInit, type?: string) =>
  fetch(`${baseURL()}${url}`, {
    method: 'POST',
    redirect: 'manual',
    // A same-origin post, as the page's own form would send: SvelteKit refuses others first.
    headers: { origin: baseURL(), ...(type ? { 'content-type': type } : {}) },
    body,
  });

describe('form actions', () => {
  const actions = formActions();

  it('are all found in the routes', () => {
    expect(actions).toContain('/temoigner?/confirm');
    expect(actions).toContain('/retrait');
    expect(actions).toContain('/enquete/2026/1');
    expect(actions.length).toBeGreaterThanOrEqual(13);
  });

  it('answer malformed bodies with a 400, never a 5xx, and store nothing', async () => {
    const before = storedState();
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...actions),
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom(
          'text/plain',
          'application/json',
          'application/octet-stream',
          'multipart/form-data',
          'multipart/form-data; boundary=----x',
          undefined,
        ),
        async (url, body, type) => {
          const res = await post(url, new Uint8Array(body), type);
          statuses.add(res.status);
          const page = await res.text();
          expect(res.status).toBe(400);
          expect(page).toMatch(/rien n’a été enregistré/);
        },
      ),
      { numRuns: 150 },
    );
    expect([...statuses]).toEqual([400]);
    expect(storedState()).toBe(before);
  }, 60_000);

  it('refuse an oversized body with a 413 before reading it whole, and store nothing', async () => {
    const before = storedState();
    const story = `text=${'a'.repeat(100 * 1024)}&lang=fr`;
    for (const url of actions) {
      const res = await post(url, story, 'application/x-www-form-urlencoded');
      expect(res.status).toBe(413);
      expect(await res.text()).toContain('la limite : rien n’a été enregistré');
    }
    expect(storedState()).toBe(before);
  });

  it('answer GET on a route that only has an action with a redirect to a page', async () => {
    const res = await fetch(`${baseURL()}/admin/deconnexion`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin');
  });
});
