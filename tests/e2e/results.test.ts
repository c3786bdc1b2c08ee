import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseURL,
  expectNoAxeViolations,
  launchBrowser,
  screenshots,
  watchConsole,
} from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PAGES: [name: string, path: string, heading: RegExp][] = [
  ['results', '/resultats', /^Résultats$/],
  ['edition-2025', '/resultats/2025', /^Résultats de l’enquête 2025$/],
  ['edition-2026', '/resultats/2026', /^Résultats de l’enquête 2026$/],
  [
    'breakdowns',
    '/resultats/2025/ventilations?indicator=cbi_high&by=region',
    /^Ventilations 2025$/,
  ],
  [
    'crosstabs',
    '/resultats/2025/croisements?row=profile.contract&col=career.intent_leave',
    /^Croisements 2025$/,
  ],
  ['trends', '/resultats/tendances?indicator=hostile_weekly', /^Évolutions$/],
  ['methodology', '/resultats/methodologie', /^Méthodologie$/],
  ['edition-en', '/en/results/2025', /^Results of the 2025 survey$/],
  ['releases', '/resultats/2026/diffusions', /^Diffusions des résultats 2026$/],
  ['releases-en', '/en/results/2025/releases', /^Releases of the 2025 results$/],
];

describe('results pages', () => {
  it.each(PAGES)(
    '%s is accessible, readable at 360 px and 1280 px, and clean',
    async (name, path, heading) => {
      const page = await browser.newPage();
      const problems = watchConsole(page);
      const res = await page.goto(`${baseURL()}${path}`);
      expect(res?.status()).toBe(200);
      expect(await page.textContent('h1')).toMatch(heading);
      await expectNoAxeViolations(page);
      await screenshots(page, `results-${name}`);
      await page.setViewportSize({ width: 360, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it.each(PAGES)('%s works with JavaScript off', async (_, path, heading) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL()}${path}`);
    expect(await page.textContent('h1')).toMatch(heading);
    await context.close();
  });

  it('shows every chart beside a table, and the provisional edition as such', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL()}/resultats/2026`);
    expect(await page.textContent('.provisional')).toContain('Résultats provisoires');
    const figures = page.locator('figure.chart-figure');
    expect(await figures.count()).toBeGreaterThanOrEqual(2);
    for (const figure of await figures.all()) {
      expect(await figure.locator('svg.chart').count()).toBe(1);
      expect(await figure.locator('table caption').count()).toBe(1);
    }
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(0);
    await page.goto(`${baseURL()}/resultats/2025`);
    expect(await page.$('.provisional')).toBeNull();
    await page.close();
  });

  it('offers the breakdown shown as a CSV with the same figures', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL()}/resultats/2025/ventilations?indicator=cbi_high&by=region`);
    const shown = await page.$$eval('tbody tr', (rows) =>
      rows.map((r) => r.querySelector('td')!.textContent!.trim()),
    );
    const href = await page.getAttribute('a[download]', 'href');
    const csv = await (await fetch(`${baseURL()}${href}`)).text();
    const values = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[5]);
    const numbers = shown.map((text) => text.replace(/[^\d,]/g, '').replace(',', '.'));
    expect(values).toEqual(numbers);
    await page.close();
  });
});
