import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../db/seed/generate';
import { baseURL, currentTotpCode, launchBrowser, persistDir, settled } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A word found nowhere else: lower case letters and digits, so the
 * full-text index keeps it as one token, as typed.
 */
const newMarker = () => `trace${randomBytes(8).toString('hex')}`;

/** Every file wrangler keeps for the local D1: databases, their WAL and shared memory. */
function d1Files(dir = join(persistDir(), 'v3', 'd1')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? d1Files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Where a marker's bytes lie in the D1 files. The full-text index stores a
 * term after the prefix it shares with the previous one, so the random tail
 * is searched too: it survives any prefix compression.
 */
function tracesOf(marker: string): string[] {
  const needles = [marker, marker.slice(-12)];
  const found: string[] = [];
  for (const file of d1Files()) {
    const bytes = readFileSync(file).toString('latin1').toLowerCase();
    for (const needle of needles) {
      const at = bytes.indexOf(needle);
      if (at >= 0) found.push(`${file.split('/').slice(-1)[0]} @${at} (${needle})`);
    }
  }
  return found;
}

/** Picks an option, from radios or, for long lists, a select. */
const choose = async (page: Page, code: string, option: string) => {
  if (await page.$(`select[name="${code}"]`))
    await page.selectOption(`select[name="${code}"]`, option);
  else await page.check(`input[name="${code}"][value="${option}"]`);
};

async function go(page: Page, direction: 'next' | 'previous') {
  await Promise.all([page.waitForLoadState('load'), page.click(`button[value="${direction}"]`)]);
  await settled(page);
}

/** Answers the 2026 survey with JavaScript off, the comment saved twice in the draft. */
async function answerWithComment(page: Page, marker: string): Promise<string> {
  await page.goto(`${baseURL()}/enquete/2026`);
  await Promise.all([page.waitForURL(/\/enquete\/2026\/1$/), page.click('button[type="submit"]')]);
  await choose(page, 'profile.employer_type', 'association');
  while (!/\/7$/.test(page.url())) await go(page, 'next');
  await page.fill('#q-comment-free_text', `Trop de soirées à modérer, ${marker} et des week-ends.`);
  await go(page, 'next');
  expect(page.url()).toMatch(/\/relecture$/);
  // Back to the comment and forward again: the draft holds two versions of it.
  await page.goto(`${baseURL()}/enquete/2026/7`);
  await page.fill(
    '#q-comment-free_text',
    `Trop de soirées à modérer, ${marker} et des week-ends. Et les nuits aussi.`,
  );
  await go(page, 'next');
  await page.click('button:has-text("Envoyer mes réponses")');
  await page.waitForSelector('[data-testid="withdrawal-code"]');
  return (await page.textContent('[data-testid="withdrawal-code"]'))!.trim();
}

const api = (path: string, method: string, body?: unknown, cookie?: string) =>
  fetch(`${baseURL()}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** A testimonial long enough to spill onto SQLite overflow pages, the marker in its middle. */
function longTestimonial(marker: string): string {
  const sentence =
    'Le soir, je modère les commentaires de la page pendant que mes collègues sont rentrés chez eux. ';
  return `${sentence.repeat(24)}Un mot pour le retrouver : ${marker}. ${sentence.repeat(24)}`;
}

describe('withdrawal', () => {
  it('leaves no trace of a response or a testimonial in any file of the local D1', async () => {
    const responseMarker = newMarker();
    const testimonialMarker = newMarker();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const responseCode = await answerWithComment(page, responseMarker);

    const submitted = await fetch(`${baseURL()}/api/v1/testimonials`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: longTestimonial(testimonialMarker), lang: 'fr' }),
    });
    expect(submitted.status).toBe(201);
    const { withdrawalCode: testimonialCode } = (await submitted.json()) as {
      withdrawalCode: string;
    };

    // The search below must be able to see the words while they are stored.
    expect(tracesOf(responseMarker)).not.toEqual([]);
    expect(tracesOf(testimonialMarker)).not.toEqual([]);

    // The response through the withdrawal form: gone at once, before anything else is written.
    await page.goto(`${baseURL()}/retrait`);
    await page.fill('#code', responseCode);
    await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')]);
    expect(await page.textContent('.success')).toContain('supprimée');
    await context.close();
    expect(tracesOf(responseMarker)).toEqual([]);

    // The testimonial through the API.
    const withdrawn = await fetch(`${baseURL()}/api/v1/testimonials`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ withdrawalCode: testimonialCode }),
    });
    expect(withdrawn.status).toBe(204);
    expect({
      response: tracesOf(responseMarker),
      testimonial: tracesOf(testimonialMarker),
    }).toEqual({ response: [], testimonial: [] });
  });

  it('leaves no trace of a testimonial that was published before it was withdrawn', async () => {
    const marker = newMarker();
    // Short, so the whole text sits in the row's own cell, not in overflow pages.
    const submitted = await api('/testimonials', 'POST', {
      text: `Le soir, je modère seule les commentaires, ${marker}, jusqu’à minuit passé.`,
      lang: 'fr',
    });
    expect(submitted.status).toBe(201);
    const { withdrawalCode } = (await submitted.json()) as { withdrawalCode: string };
    // Another one after it, so its record is not the last written in its page.
    const next = await api('/testimonials', 'POST', {
      text: 'Le lendemain, une autre équipe a repris la modération des commentaires.',
      lang: 'fr',
    });
    expect(next.status).toBe(201);

    // Publishing rewrites the row at another size: SQLite moves it, and the
    // old copy of the text must not stay behind in free space.
    const login = await api('/staff/login', 'POST', DEMO_ADMIN);
    const cookie = /__Host-cm_staff=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
    const code = currentTotpCode(DEMO_ADMIN.email);
    expect((await api('/staff/second-factor/totp', 'POST', { code }, cookie)).status).toBe(204);
    const queue = (await (
      await api('/staff/testimonials?status=pending', 'GET', undefined, cookie)
    ).json()) as { items: { id: string; text: string }[] };
    const mine = queue.items.find((t) => t.text.includes(marker))!;
    expect((await api(`/staff/testimonials/${mine.id}/publish`, 'POST', {}, cookie)).status).toBe(
      200,
    );
    const found = (await (await api(`/testimonials?q=${marker}`, 'GET')).json()) as {
      items: unknown[];
    };
    expect(found.items).toHaveLength(1);

    expect((await api('/testimonials', 'DELETE', { withdrawalCode })).status).toBe(204);
    expect(tracesOf(marker)).toEqual([]);
  });
});
