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

/** Picks an option, from radios or, for long lists, a select. */
const choose = async (page: Page, code: string, option: string) => {
  if (await page.$(`select[name="${code}"]`))
    await page.selectOption(`select[name="${code}"]`, option);
  else await page.check(`input[name="${code}"][value="${option}"]`);
};
/** Goes to the next step and waits until the browser is there. */
async function next(page: Page) {
  const step = Number(/\/(\d+)$/.exec(page.url())![1]);
  const target = step === 7 ? /\/relecture$/ : new RegExp(`/${step + 1}$`);
  await Promise.all([page.waitForURL(target), page.click('button[value="next"]')]);
  await settled(page);
}

/** The element that has the keyboard focus, as its tag and class. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement!;
    return `${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
  });

/**
 * What a phone shows of a step (360 × 800): focus on the step's heading, the first field within
 * the first screen, and no more than three screens in all.
 */
async function expectLightStep(page: Page) {
  expect(await focused(page)).toBe('h1');
  const first = await page.locator('form .question').first().boundingBox();
  expect(first!.y).toBeLessThan(800 - 60);
  expect(await page.getAttribute('.help-link', 'href')).toMatch(/\/aide$/);
  const stepEnd = await page.evaluate(
    () => document.querySelector('.step-buttons')!.getBoundingClientRect().bottom + scrollY,
  );
  console.log(`${new URL(page.url()).pathname}: the step ends at ${Math.round(stepEnd)} px`);
  expect(stepEnd).toBeLessThanOrEqual(2400);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
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

  // Step 1: the required question, refused while empty, focus on the summary.
  await expectLightStep(page);
  expect(await page.textContent('.step-count')).toBe('Étape 1 sur 8 · Votre profil');
  await page.click('button[value="next"]');
  await page.waitForSelector('.error-summary');
  expect(await page.textContent('.error-summary')).toContain(
    '1 réponse à corriger : Pour quel type de structure',
  );
  expect(await focused(page)).toBe('div.error-summary');
  expect(page.url()).toMatch(/\/1$/);
  if (checkEveryPage) await expectNoAxeViolations(page);
  await choose(page, 'profile.employer_type', 'agency');
  await choose(page, 'profile.region', 'idf');
  await choose(page, 'profile.gender', 'woman');
  if (checkEveryPage) await screenshots(page, `${name}-step-1`, [360]);
  await next(page);

  // Step 2: numbers, a multiple choice, and the question shown to agencies only.
  await expectLightStep(page);
  expect(await page.isVisible('#q-work-clients_count')).toBe(true);
  await page.fill('#q-work-hours_contract', '35');
  await page.fill('#q-work-hours_actual', '46.5');
  await page.check('input[name="work.platforms"][value="instagram"]');
  await page.check('input[name="work.platforms"][value="tiktok"]');
  await page.fill('#q-work-clients_count', '7');
  if (checkEveryPage) await expectNoAxeViolations(page);
  await next(page);

  // Step 3: the post-attack question depends on the answer just above it.
  await expectLightStep(page);
  await choose(page, 'exposure.harassment_12m', 'yes');
  await choose(page, 'exposure.support_after_attack', 'insufficient');
  if (checkEveryPage) await expectNoAxeViolations(page);
  await next(page);

  for (let step = 4; step <= 7; step++) {
    expect(page.url()).toMatch(new RegExp(`/${step}$`));
    await expectLightStep(page);
    if (step === 5) {
      // The rating items by keyboard: one Tab from the heading to the first item, arrows within.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(
        'wellbeing.who5_1',
      );
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      expect(await page.isChecked('input[name="wellbeing.who5_1"][value="f2"]')).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(
        'wellbeing.who5_2',
      );
      await choose(page, 'wellbeing.cbi_7', 'seldom');
      // From 600 px up the items line up as a matrix: each item's radios beside its text.
      await page.setViewportSize({ width: 1280, height: 800 });
      const legend = (await page.locator('#q-wellbeing-who5_2 legend').boundingBox())!;
      const radio = (await page.locator('input[name="wellbeing.who5_2"]').first().boundingBox())!;
      expect(radio.x).toBeGreaterThan(legend.x + legend.width - 1);
      expect(radio.y).toBeLessThan(legend.y + legend.height);
      await page.setViewportSize({ width: 360, height: 800 });
    }
    if (checkEveryPage) {
      await expectNoAxeViolations(page);
      // Wide first, so that the walk goes on at 360 px.
      await screenshots(page, `${name}-step-${step}`, step === 5 ? [1280, 360] : [360]);
    }
    await next(page);
  }

  expect(page.url()).toMatch(/\/relecture$/);
  expect(await page.textContent('main')).toContain('46,5');
  if (checkEveryPage) {
    await expectNoAxeViolations(page);
    await screenshots(page, `${name}-review`, [360]);
  }
  await Promise.all([
    page.waitForURL(/\/enquete\/2026\/merci$/),
    page.click('button:has-text("Envoyer mes réponses")'),
  ]);
  await page.waitForSelector('[data-testid="withdrawal-code"]');
  expect(await focused(page)).toBe('h1');
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

  it('shows the respondent their scores once, with help for a low WHO-5, and a refresh posts nothing', async () => {
    const { context, page, problems } = await newPage(true);
    await page.goto(`${baseURL()}/enquete/2026`);
    await Promise.all([page.waitForURL(/\/1$/), page.click('text=Commencer l’enquête')]);
    await settled(page);
    await choose(page, 'profile.employer_type', 'freelance');
    await next(page);
    await page.fill('#q-work-hours_contract', '60');
    for (let step = 2; step <= 4; step++) await next(page);
    for (let i = 1; i <= 5; i++) await choose(page, `wellbeing.who5_${i}`, 'f1');
    for (const i of [1, 2, 3]) await choose(page, `wellbeing.cbi_${i}`, 'd75');
    await choose(page, 'wellbeing.cbi_4', 'often');
    for (let step = 5; step <= 6; step++) await next(page);
    const resumeLink = (await page.textContent('.resume-link'))!.trim();
    await next(page);
    // 60 contracted hours: the review asks, kindly, and links back to the step.
    expect(await page.textContent('.doubts')).toContain('plus de 48 heures par semaine');
    expect(await page.getAttribute('.doubts a', 'href')).toBe('/enquete/2026/2');
    await expectNoAxeViolations(page);
    const before = responseCount();
    await Promise.all([
      page.waitForURL(/\/enquete\/2026\/merci$/),
      page.click('button:has-text("Envoyer mes réponses")'),
    ]);
    await settled(page);
    expect(responseCount()).toBe(before + 1);
    const code = (await page.textContent('[data-testid="withdrawal-code"]'))!.trim();
    const feedback = await page.textContent('[data-testid="feedback"]');
    // WHO-5: five items at 1 → 5 × 4 = 20. CBI: four items at 75.
    expect(feedback).toContain('Votre score : 20 sur 100.');
    expect(feedback).toContain('À 28 ou moins');
    expect(feedback).toContain('Votre score : 75 sur 100.');
    expect(await page.textContent('.care')).toContain('3114');
    expect(await page.getAttribute('a[download]', 'href')).toContain(encodeURIComponent(code));
    await expectNoAxeViolations(page);
    await screenshots(page, 'survey-feedback', [360, 1280]);

    // A refresh: no code, no scores, and nothing posted.
    await page.reload();
    await settled(page);
    expect(await page.$('[data-testid="withdrawal-code"]')).toBeNull();
    expect(await page.$('[data-testid="feedback"]')).toBeNull();
    expect(await page.textContent('main')).toContain('n’est affiché qu’une fois');
    expect(responseCount()).toBe(before + 1);
    // Neither the code nor the scores were written to D1.
    const dir = join(persistDir(), 'v3', 'd1', 'miniflare-D1DatabaseObject');
    const bytes = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('\n');
    expect(bytes.includes(code)).toBe(false);
    expect(bytes.includes('"who5":')).toBe(false);

    // The resume link of a sent survey says so.
    await page.goto(resumeLink);
    expect(page.url()).toMatch(/\/enquete\/2026\?submitted=1$/);
    expect(await page.textContent('main')).toContain('déjà été envoyées');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says beside the send button when to retry after too many submissions, and keeps the answers', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 800 },
      extraHTTPHeaders: { 'cf-connecting-ip': '198.51.100.7' },
    });
    const page = await context.newPage();
    await page.goto(`${baseURL()}/enquete/2026`);
    await Promise.all([page.waitForURL(/\/1$/), page.click('text=Commencer l’enquête')]);
    await settled(page);
    await choose(page, 'profile.employer_type', 'media');
    for (let step = 1; step <= 7; step++) await next(page);
    // Withdrawal attempts spend this address's submissions until one is refused; the limit's
    // window is a fixed minute, so the survey is sent right after.
    let status = 0;
    for (let i = 0; i < 20 && status !== 429; i++) {
      const answer = await context.request.post(`${baseURL()}/retrait`, {
        form: { code: 'A'.repeat(22) },
        headers: { origin: baseURL(), accept: 'text/html' },
      });
      status = answer.status();
    }
    expect(status).toBe(429);
    const before = responseCount();
    await page.click('button:has-text("Envoyer mes réponses")');
    await page.waitForSelector('#submit-refused');
    expect(await page.textContent('#submit-refused')).toMatch(/réessayez dans \d+ secondes/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('submit-refused');
    const button = (await page.locator('button:has-text("Envoyer mes réponses")').boundingBox())!;
    const message = (await page.locator('#submit-refused').boundingBox())!;
    expect(message.y - (button.y + button.height)).toBeLessThan(40);
    expect(page.url()).toMatch(/\/relecture$/);
    expect(await page.textContent('main')).toContain('Média');
    expect(responseCount()).toBe(before);
    await expectNoAxeViolations(page);
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
    expect(await other.page.inputValue('select[name="profile.employer_type"]')).toBe('freelance');
    await other.page.goto(`${baseURL()}/enquete/reprendre/${'x'.repeat(22)}`);
    expect(other.page.url()).toMatch(/\/enquete\/2026\?unknown=1$/);
    expect(await other.page.textContent('main')).toContain('ne correspond à aucune réponse');
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

  it('links the same help from every survey page and the testimony form, in both languages', async () => {
    const { context, page } = await newPage(true);
    await page.goto(`${baseURL()}/temoigner`);
    await Promise.all([page.waitForURL(/\/aide$/), page.click('main a[href="/aide"]')]);
    expect(await page.textContent('.care')).toContain('3114');
    await expectNoAxeViolations(page);
    await page.goto(`${baseURL()}/en/help`);
    expect(await page.textContent('h1')).toBe('Need help');
    expect(await page.textContent('.care')).toContain('Samaritans');
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
