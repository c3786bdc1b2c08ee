import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  baseURL,
  expectNoAxeViolations,
  launchBrowser,
  screenshots,
  watchConsole,
} from './browser';

let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.newPage();
  problems = watchConsole(page);
  return async () => {
    await page.close();
  };
});

describe('home page', () => {
  it('renders in French at /, with the open edition, links and the demo notice', async () => {
    const res = await page.goto(`${baseURL()}/`);
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('h1')).toBe('Le métier de community manager, mesuré et raconté');
    expect(await page.textContent('#survey-heading')).toBe('L’enquête 2026 est ouverte');
    expect(await page.getAttribute('a.button', 'href')).toBe('/enquete/2026');
    expect(await page.isVisible('text=Démonstration')).toBe(true);
    const rows = await page.$$eval('tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.children, (cell) => cell.textContent?.trim())),
    );
    // Other browser tests may add editions to the shared database: look at the demo ones.
    const demo = rows.filter((row) => ['2024', '2025', '2026'].includes(row[0]!));
    expect(demo).toHaveLength(3);
    expect(demo[2]).toEqual([
      '2026',
      'Ouverte',
      'du 14 septembre 2026 au 13 décembre 2026',
      'environ 1\u202f170',
    ]);
    await expectNoAxeViolations(page);
    await screenshots(page, 'home-fr');
    expect(problems).toEqual([]);
  });

  it('renders in English at /en, with English links', async () => {
    await page.goto(`${baseURL()}/en`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe(
      'The community manager profession, measured and told',
    );
    expect(await page.getAttribute('a.button', 'href')).toBe('/en/survey/2026');
    expect(await page.getAttribute('a[hreflang="fr"]', 'href')).toBe('/');
    await expectNoAxeViolations(page);
    await screenshots(page, 'home-en');
    expect(problems).toEqual([]);
  });

  it('fits a 360 px screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${baseURL()}/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  });

  it('offers a skip link as the first stop of the keyboard, leading to the main content', async () => {
    await page.goto(`${baseURL()}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#main$/);
  });

  it('shows a helpful 404 page in the visitor language', async () => {
    const res = await page.goto(`${baseURL()}/en/no-such-page`);
    expect(res?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('Page not found');
    expect(await page.$$eval('main li a', (as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/en/',
      '/en/survey',
      '/en/results',
      '/en/testimonials',
      '/en/data',
    ]);
    await expectNoAxeViolations(page);
    await screenshots(page, 'not-found-en', [360]);
  });
});
