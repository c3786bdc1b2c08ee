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

const PAGES = [
  {
    lang: 'fr',
    path: '/confidentialite',
    title: 'Confidentialité : ce que nous gardons, et ce que nous ne gardons jamais',
    withdraw: '/retrait',
    other: '/en/privacy',
    numbers: ['au moins 50 nouvelles réponses', 'k vaut 10', '30 jours après'],
  },
  {
    lang: 'en',
    path: '/en/privacy',
    title: 'Privacy: what we keep, and what we never keep',
    withdraw: '/en/withdraw',
    other: '/confidentialite',
    numbers: ['at least 50 new responses', 'k is 10', '30 days after'],
  },
] as const;

describe('the privacy page', () => {
  for (const p of PAGES) {
    it(`is at ${p.path}, accessible, in plain sections, with the withdrawal link`, async () => {
      const page = await browser.newPage();
      const problems = watchConsole(page);
      const res = await page.goto(`${baseURL()}${p.path}`);
      expect(res?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(p.lang);
      expect(await page.textContent('h1')).toBe(p.title);
      // Nine sections, each a heading the table of contents links to.
      const headings = await page.$$eval('main h2', (hs) => hs.map((h) => h.id));
      expect(headings).toHaveLength(9);
      const toc = await page.$$eval('main nav a', (as) => as.map((a) => a.getAttribute('href')));
      expect(toc).toEqual(headings.map((id) => `#${id}`));
      const text = (await page.textContent('main'))!;
      for (const number of p.numbers) expect(text).toContain(number);
      expect(await page.getAttribute(`main a[href="${p.withdraw}"]`, 'href')).toBe(p.withdraw);
      expect(await page.getAttribute('a[hreflang]', 'href')).toBe(p.other);
      await expectNoAxeViolations(page);
      await screenshots(page, `privacy-${p.lang}`);
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`fits a 360 px screen without sideways scrolling at ${p.path}`, async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(`${baseURL()}${p.path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      await page.close();
    });
  }

  it('reads the same with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL()}/confidentialite`);
    expect(await page.$$eval('main h2', (hs) => hs.length)).toBe(9);
    expect(await page.textContent('main')).toContain('Notre promesse');
    await context.close();
  });

  it('is linked from every page’s footer and from the survey’s first page, in each language', async () => {
    const page = await browser.newPage();
    for (const [path, href] of [
      ['/', '/confidentialite'],
      ['/temoignages', '/confidentialite'],
      ['/resultats', '/confidentialite'],
      ['/en', '/en/privacy'],
      ['/en/data', '/en/privacy'],
    ] as const) {
      await page.goto(`${baseURL()}${path}`);
      expect(await page.getAttribute(`footer a[href="${href}"]`, 'href'), path).toBe(href);
    }
    for (const [path, href] of [
      ['/enquete/2026', '/confidentialite'],
      ['/en/survey/2026', '/en/privacy'],
    ] as const) {
      await page.goto(`${baseURL()}${path}`);
      expect(await page.getAttribute(`main a[href="${href}"]`, 'href'), path).toBe(href);
    }
    await page.close();
  });
});
