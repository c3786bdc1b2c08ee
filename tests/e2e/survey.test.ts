import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../api/lib/crypto';
import { openLocalD1 } from '../../scripts/lib/local-d1';
import {
  baseURL,
  expectNoAxeViolations,
  launchBrowser,
  persistDir,
  screenshots,
  settled,
  watchConsole,
} from './browser';

let browser: Browser;
const userAgents = new Set<string>();

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(
  javaScriptEnabled = true,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    javaScriptEnabled,
    viewport: { width: 360, height: 800 },
  });
  const page = await context.newPage();
  userAgents.add(await page.evaluate(() => navigator.userAgent).catch(() => ''));
  return { context, page, problems: watchConsole(page) };
}

const query = <T>(sql: string, ...params: (string | number)[]) => {
  const db = openLocalD1(persistDir());
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
};
const responseCount = () => query<{ n: number }>('SELECT count(*) AS n FROM responses')[0]!.n;

async function storedAnswers(code: string) {
  return query<{ question_code: string; option_code: string; num_value: number | null }>(
    `SELECT a.question_code, a.option_code, a.num_value FROM answers a JOIN responses r ON r.id = a.response_id
     WHERE r.withdrawal_hash = ? ORDER BY a.question_code, a.option_code`,
    await sha256Hex(code),
  );
}

const choose = (page: Page, code: string, option: string) =>
  page.check(`input[name="${code}"][value="${option}"]`);
/** Goes to the next step and waits until the browser is there. */
async function next(page: Page) {
  const step = Number(/\/(\d+)$/.exec(page.url())![1]);
  const target = step === 7 ? /\/relecture$/ : new RegExp(`/${step + 1}$`);
  await Promise.all([page.waitForURL(target), page.click('button[value="next"]')]);
  await settled(page);
}

/** Walks the whole survey, checking each page with axe, and returns the withdrawal code. */
async function walkSurvey(page: Page, name: string, checkEveryPage = true): Promise<string> {
  await page.goto(`${baseURL()}/enquete/2026`);
  if (checkEveryPage) await expectNoAxeViolations(page);
  await Promise.all([
    page.waitForURL(/\/enquete\/2026\/1$/),
    page.click('text=Commencer l’enquête'),
  ]);
  await settled(page);

  // Step 1: the required question, refused while empty.
  await page.click('button[value="next"]');
  await page.waitForSelector('.error-summary');
  expect(await page.textContent('.error-summary')).toContain('Pour quel type de structure');
  expect(page.url()).toMatch(/\/1$/);
  if (checkEveryPage) await expectNoAxeViolations(page);
  await choose(page, 'profile.employer_type', 'agency');
  await choose(page, 'profile.region', 'idf');
  await choose(page, 'profile.gender', 'woman');
  if (checkEveryPage) await screenshots(page, `${name}-step-1`, [360]);
  await next(page);

  // Step 2: numbers, a multiple choice, and the question shown to agencies only.
  expect(await page.isVisible('#q-work-clients_count')).toBe(true);
  await page.fill('#q-work-hours_contract', '35');
  await page.fill('#q-work-hours_actual', '46.5');
  await page.check('input[name="work.platforms"][value="instagram"]');
  await page.check('input[name="work.platforms"][value="tiktok"]');
  await page.fill('#q-work-clients_count', '7');
  if (checkEveryPage) await expectNoAxeViolations(page);
  await next(page);

  // Step 3: the post-attack question depends on the answer just above it.
  await choose(page, 'exposure.harassment_12m', 'yes');
  await choose(page, 'exposure.support_after_attack', 'insufficient');
  if (checkEveryPage) await expectNoAxeViolations(page);
  await next(page);

  for (let step = 4; step <= 7; step++) {
    expect(page.url()).toMatch(new RegExp(`/${step}$`));
    if (step === 5) {
      await choose(page, 'wellbeing.who5_1', 'f2');
      await choose(page, 'wellbeing.cbi_7', 'seldom');
    }
    if (checkEveryPage) {
      await expectNoAxeViolations(page);
      await screenshots(page, `${name}-step-${step}`, [360]);
    }
    await next(page);
  }

  expect(page.url()).toMatch(/\/relecture$/);
  expect(await page.textContent('main')).toContain('46,5');
  if (checkEveryPage) {
    await expectNoAxeViolations(page);
    await screenshots(page, `${name}-review`, [360]);
  }
  await page.click('button:has-text("Envoyer mes réponses")');
  await page.waitForSelector('[data-testid="withdrawal-code"]');
  if (checkEveryPage) {
    await expectNoAxeViolations(page);
    await screenshots(page, `${name}-thanks`, [360]);
  }
  return (await page.textContent('[data-testid="withdrawal-code"]'))!.trim();
}

const EXPECTED = [
  { question_code: 'exposure.harassment_12m', option_code: 'yes', num_value: null },
  { question_code: 'exposure.support_after_attack', option_code: 'insufficient', num_value: null },
  { question_code: 'profile.employer_type', option_code: 'agency', num_value: null },
  { question_code: 'profile.gender', option_code: 'woman', num_value: null },
  { question_code: 'profile.region', option_code: 'idf', num_value: null },
  { question_code: 'wellbeing.cbi_7', option_code: 'seldom', num_value: 25 },
  { question_code: 'wellbeing.who5_1', option_code: 'f2', num_value: 2 },
  { question_code: 'work.clients_count', option_code: '', num_value: 7 },
  { question_code: 'work.hours_actual', option_code: '', num_value: 46.5 },
  { question_code: 'work.hours_contract', option_code: '', num_value: 35 },
  { question_code: 'work.platforms', option_code: 'instagram', num_value: null },
  { question_code: 'work.platforms', option_code: 'tiktok', num_value: null },
];

describe('the survey journey', () => {
  it('works in French with JavaScript on, with no reloads, and stores exactly what was answered', async () => {
    const { context, page, problems } = await newPage(true);
    const before = responseCount();
    const code = await walkSurvey(page, 'survey-js');
    expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(responseCount()).toBe(before + 1);
    expect(await storedAnswers(code)).toEqual(EXPECTED);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works with JavaScript off, and the withdrawal page deletes the response', async () => {
    const { context, page } = await newPage(false);
    const before = responseCount();
    const code = await walkSurvey(page, 'survey-nojs', false);
    expect(await storedAnswers(code)).toEqual(EXPECTED);
    expect(responseCount()).toBe(before + 1);

    await page.goto(`${baseURL()}/retrait`);
    await page.fill('#code', 'pas-un-code');
    await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')]);
    expect(await page.textContent('#code-error')).toContain('22 caractères');
    await page.fill('#code', code);
    await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')]);
    expect(await page.textContent('.success')).toContain('supprimée');
    await screenshots(page, 'withdraw-done', [360]);
    expect(responseCount()).toBe(before);
    expect(await storedAnswers(code)).toEqual([]);
    await context.close();
  });

  it('resumes from the link on another device, with the answers kept', async () => {
    const first = await newPage(true);
    await first.page.goto(`${baseURL()}/enquete/2026`);
    await Promise.all([
      first.page.waitForURL(/\/1$/),
      first.page.click('text=Commencer l’enquête'),
    ]);
    await settled(first.page);
    await choose(first.page, 'profile.employer_type', 'freelance');
    await next(first.page);
    const link = (await first.page.textContent('.resume-link'))!.trim();
    expect(link).toMatch(/\/enquete\/reprendre\/[A-Za-z0-9_-]{22}$/);
    await first.context.close();

    const other = await newPage(false);
    await other.page.goto(link);
    expect(other.page.url()).toMatch(/\/enquete\/2026\/2$/);
    await Promise.all([
      other.page.waitForURL(/\/1$/),
      other.page.click('button[value="previous"]'),
    ]);
    expect(
      await other.page.isChecked('input[name="profile.employer_type"][value="freelance"]'),
    ).toBe(true);
    await other.page.goto(`${baseURL()}/enquete/reprendre/${'x'.repeat(22)}`);
    expect(other.page.url()).toMatch(/\/enquete\?expired=1$|\/enquete\/2026\?expired=1$/);
    expect(await other.page.textContent('main')).toContain('n’est plus valable');
    await other.context.close();
  });

  it('is in English under /en/survey, accessible', async () => {
    const { context, page } = await newPage(true);
    await page.goto(`${baseURL()}/en/survey/2026`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await Promise.all([
      page.waitForURL(/\/en\/survey\/2026\/1$/),
      page.click('text=Start the survey'),
    ]);
    expect(await page.textContent('h1')).toBe('Your profile');
    await expectNoAxeViolations(page);
    await screenshots(page, 'survey-en-step-1', [360, 1280]);
    await context.close();
  });

  it('offers an accessible withdrawal page that names a bad code', async () => {
    const { context, page } = await newPage(true);
    await page.goto(`${baseURL()}/retrait`);
    await expectNoAxeViolations(page);
    await page.fill('#code', 'A'.repeat(22));
    await page.click('button[type="submit"]');
    await page.waitForSelector('#code-error');
    expect(await page.textContent('#code-error')).toContain('Aucune réponse');
    expect(await page.getAttribute('#code', 'aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('says when an edition is closed', async () => {
    const { context, page } = await newPage(true);
    await page.goto(`${baseURL()}/enquete/2025`);
    expect(await page.textContent('main')).toContain('close depuis le 14 décembre 2025');
    expect(await page.$('form')).toBeNull();
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('stores neither the client address nor the user agent anywhere in the D1 files', () => {
    const dir = join(persistDir(), 'v3', 'd1', 'miniflare-D1DatabaseObject');
    const bytes = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('\n');
    expect(bytes.length).toBeGreaterThan(100_000);
    for (const needle of ['127.0.0.1', '::1', 'HeadlessChrome', ...userAgents].filter(Boolean)) {
      expect(bytes.includes(needle), needle).toBe(false);
    }
  });
});
