import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { stepAt, totpCode } from '../../api/staff/totp';
import { DEMO_ADMIN } from '../../db/seed/generate';
import { openLocalD1 } from '../../scripts/lib/local-d1';

export const baseURL = () => inject('baseURL');
export const persistDir = () => inject('persistDir');

/**
 * Flags that keep Chromium from reaching out to a network this machine does
 * not have. Playwright gives every launch a fresh, temporary profile.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) in the page and fails with what it
 * found. Needs a page with JavaScript on: axe runs asynchronously in it.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Evaluated through DevTools, so the page's CSP (no inline scripts) does not block it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: { id: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  });
  expect(violations).toEqual([]);
}

const SCREENSHOT_DIR = 'test-results/screenshots';

/** Saves full-page screenshots at phone and desktop widths, for people to look at. */
export async function screenshots(page: Page, name: string, widths = [360, 1280]): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
  }
}

/** Collects CSP violations and page errors, which a test expects to be none. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  return problems;
}

/**
 * Waits until the page's scripts have loaded and hydrated, so hydration cannot
 * reset a field filled a moment before it.
 */
export const settled = (page: Page) => page.waitForLoadState('networkidle');

let clients = 0;

/**
 * Signs a staff member in through the form at `next`, from an address of its own: the login
 * limit (5 a minute per client) counts every sign-in of the suite otherwise, and whether it
 * throttles one then depends on the order the files run in.
 */
export async function signIn(
  page: Page,
  who: { email: string; password: string } = DEMO_ADMIN,
  next = '/admin/temoignages',
): Promise<void> {
  clients += 1;
  await page.setExtraHTTPHeaders({ 'cf-connecting-ip': `192.0.2.${clients}` });
  await page.goto(`${baseURL()}${next}`);
  await settled(page);
  expect(page.url()).toContain('/admin/connexion');
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await Promise.all([
    page.waitForURL(/\/admin\/(verification|enrolement)/),
    page.click('button[type="submit"]'),
  ]);
  await proveSecondFactor(page, who.email);
  await page.waitForURL(new RegExp(`${next}$`));
}

/**
 * The second step of a sign-in, where the browser stands: a first account enrols the TOTP key the
 * page shows and passes its recovery codes; an enrolled one types its current code. The key is
 * read from the local D1, as the staff member's app holds it.
 */
export async function proveSecondFactor(page: Page, email: string): Promise<void> {
  await settled(page);
  if (page.url().includes('/admin/enrolement')) {
    const key = (await page.textContent('[data-testid="totp-key"]'))!.replace(/\s/g, '');
    await page.fill('#code', totpCode(key, stepAt(new Date())));
    await Promise.all([
      page.waitForURL(/codes-de-secours/),
      page.click('form[action^="?/totp"] button'),
    ]);
    await Promise.all([
      page.waitForURL((u) => !u.pathname.includes('codes-de-secours')),
      page.click('a.button:not(.secondary)'),
    ]);
    return;
  }
  await page.fill('#code', currentTotpCode(email));
  await Promise.all([
    page.waitForURL((u) => !u.pathname.includes('/admin/verification')),
    page.click('form[action^="?/totp"] button'),
  ]);
}

/**
 * The current code of a staff member's TOTP key, read from the local D1 as their app holds it, and
 * made good again: each step is accepted once per account, and the suite's sign-ins follow one
 * another within seconds.
 */
export function currentTotpCode(email: string): string {
  const db = openLocalD1(persistDir());
  try {
    const { totp_secret: secret } = db
      .prepare('SELECT totp_secret FROM staff WHERE email = ?')
      .get(email) as { totp_secret: string };
    db.prepare('UPDATE staff SET totp_last_step = 0 WHERE email = ?').run(email);
    return totpCode(secret, stepAt(new Date()));
  } finally {
    db.close();
  }
}
