import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseURL,
  expectNoAxeViolations,
  launchBrowser,
  screenshots,
  settled,
  watchConsole,
} from './browser';
import { readPdf } from './pdf';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Expected {
  path: string;
  resultsPath: string;
  h1: string;
  /** The chapters, in order: key figures, comparison, testimonials, methodology. */
  chapters: string[];
  previousEdition: string;
}

// Demo editions only: other tests add editions, but never before 2024 or in 2025.
const REPORTS: [lang: string, expected: Expected][] = [
  [
    'fr',
    {
      path: '/rapport/2025',
      resultsPath: '/resultats/2025',
      h1: 'Rapport de l’enquête 2025',
      chapters: [
        'Chiffres clés',
        'Comparaison avec l’édition précédente',
        'Témoignages',
        'Méthodologie',
      ],
      previousEdition: '2024',
    },
  ],
  [
    'en',
    {
      path: '/en/report/2025',
      resultsPath: '/en/results/2025',
      h1: '2025 survey report',
      chapters: [
        'Key figures',
        'Comparison with the previous edition',
        'Testimonials',
        'Methodology',
      ],
      previousEdition: '2024',
    },
  ],
];

const texts = (page: Page, selector: string) =>
  page.$$eval(selector, (nodes) => nodes.map((n) => n.textContent!.trim()));

/** A figure as printed ("57,2 %", "6 h", "+5,8 pts", "-0.4"), or null for "< k" and "—". */
function parseFigure(text: string): number | null {
  if (text.startsWith('<') || text === '—') return null;
  return Number(text.replace(/[^\d,.+-]/g, '').replace(',', '.'));
}

describe('annual report', () => {
  it.each(REPORTS)(
    '%s: has its chapters in order, is accessible and fits a phone',
    async (lang, expected) => {
      const page = await browser.newPage();
      const problems = watchConsole(page);
      const res = await page.goto(`${baseURL()}${expected.path}`);
      expect(res?.status()).toBe(200);
      expect(await texts(page, 'h1')).toEqual([expected.h1]);
      const h2 = await texts(page, 'main h2');
      // The cover's key findings and the contents come first, then one h2 a chapter, in order.
      expect(h2.slice(0, 2)).toEqual(
        lang === 'fr' ? ['À retenir', 'Sommaire'] : ['Key findings', 'Contents'],
      );
      expect(h2.slice(2)).toEqual(expected.chapters);
      // Themes under testimonials, and the methodology's five parts plus further reading.
      expect(
        await page.locator('section[aria-labelledby="report-testimonials"] h3').count(),
      ).toBeGreaterThan(0);
      expect(await page.locator('section[aria-labelledby="report-methodology"] h3').count()).toBe(
        7,
      );
      await settled(page);
      await expectNoAxeViolations(page);
      await screenshots(page, `report-2025-${lang}`);
      await page.setViewportSize({ width: 360, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it.each(REPORTS)(
    '%s: shows the results page’s figures, every chart in a captioned figure with its table',
    async (_, expected) => {
      const page = await browser.newPage();
      await page.goto(`${baseURL()}${expected.resultsPath}`);
      const onResults = await texts(page, '.key-findings li');
      // The results page of the edition links to its report.
      const link = page.locator(`a[href="${expected.path}"]`);
      expect(await link.count()).toBe(1);
      await link.click();
      await page.waitForURL(`**${expected.path}`);
      // The cover leads with the same findings, and says how to cite the report.
      expect(await texts(page, '.report-cover .key-findings li')).toEqual(onResults);
      expect(onResults.length).toBeGreaterThanOrEqual(3);
      expect(await page.textContent('.report-cite')).toMatch(/^\s*(Pour citer|To cite)/);

      const figures = page.locator('main section figure:has(svg.chart)');
      expect(await figures.count()).toBeGreaterThanOrEqual(2);
      for (const figure of await figures.all()) {
        expect((await figure.locator('figcaption').first().textContent())!.trim()).toMatch(
          /^Figure \d/,
        );
        expect(await figure.locator('table caption').count()).toBe(1);
        // Every charted label is a row of the table (which may hold more, e.g. "prefer not to say").
        const rows = await figure.locator('th[scope="row"]').allTextContents();
        const drawn = (await figure.locator('svg.chart').textContent())!.replace(/\s/g, '');
        const charted = rows.filter((row) => drawn.includes(row.replace(/\s/g, '')));
        expect(charted.length).toBeGreaterThanOrEqual(rows.length - 1);
        expect(charted.length).toBeGreaterThan(0);
      }
      await page.close();
    },
  );

  it.each(REPORTS)(
    '%s: compares each indicator with the previous edition, difference included',
    async (_, expected) => {
      const page = await browser.newPage();
      await page.goto(`${baseURL()}${expected.path}`);
      const headers = await texts(page, 'table.report-comparison thead th');
      expect(headers.slice(1, 3)).toEqual(['2025', expected.previousEdition]);
      const rows = await page.$$eval('table.report-comparison tbody tr', (trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())),
      );
      expect(rows).toHaveLength(12);
      let compared = 0;
      for (const [now, then, difference] of rows as [string, string, string][]) {
        const [a, b, d] = [parseFigure(now), parseFigure(then), parseFigure(difference)];
        if (a === null || b === null) {
          expect(difference).toBe('—');
          continue;
        }
        compared++;
        expect(d).toBeCloseTo(a - b, 1);
        if (d !== 0) expect(difference).toMatch(d! > 0 ? /^\+/ : /^-/);
      }
      expect(compared).toBeGreaterThan(0);
      await page.close();
    },
  );

  it('quotes published testimonials only, at most two a theme, each once', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL()}/rapport/2025`);
    const section = page.locator('section[aria-labelledby="report-testimonials"]');
    const links = await section
      .locator('.report-quote figcaption a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links).size).toBe(links.length);
    const perTheme = await section.evaluate((s) =>
      [...s.querySelectorAll('h3')].map((h3) => {
        let n = 0;
        for (
          let el = h3.nextElementSibling;
          el && el.tagName === 'FIGURE';
          el = el.nextElementSibling
        )
          n++;
        return n;
      }),
    );
    expect(perTheme.every((n) => n >= 1 && n <= 2)).toBe(true);
    // A permalink answers only for a published testimonial.
    for (const href of links) expect((await fetch(`${baseURL()}${href}`)).status).toBe(200);
    await page.close();
  });

  it('labels the open edition’s report provisional, on screen and on paper', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL()}/rapport/2026`);
    expect(await page.textContent('.provisional')).toContain('Résultats provisoires');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.provisional').first().isVisible()).toBe(true);
    await page.goto(`${baseURL()}/rapport/2025`);
    expect(await page.locator('.report-cover .provisional').count()).toBe(0);
    await page.close();
  });

  it('prints without the site’s header, navigation, footer and buttons', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL()}/rapport/2025`);
    await settled(page);
    const chrome = ['.skip-link', '.site-header', 'nav[aria-label="Navigation principale"]'];
    const visible = async (selector: string) => page.locator(selector).first().isVisible();
    expect(await visible('.site-header')).toBe(true);
    expect(await visible('.report-print button')).toBe(true);
    expect(await visible('.site-footer')).toBe(true);

    await page.emulateMedia({ media: 'print' });
    for (const selector of [...chrome, '.site-footer', '.demo-banner', '.report-print'])
      expect(await visible(selector), selector).toBe(false);
    // On paper, the report says where it lives online and that the data are synthetic.
    expect(await visible('.report-cover a[href="/rapport/2025"]')).toBe(true);
    expect(await visible('.report-demo')).toBe(true);
    const styles = await page.evaluate(() => ({
      chapters: [...document.querySelectorAll('.report-chapter')].map(
        (s) => getComputedStyle(s).breakBefore,
      ),
      figures: [...document.querySelectorAll('main figure')].map(
        (f) => getComputedStyle(f).breakInside,
      ),
    }));
    expect(styles.chapters).toEqual(['page', 'page', 'page', 'page']);
    expect(new Set(styles.figures)).toEqual(new Set(['avoid']));

    // The report's print rules stay with it: after a client-side navigation to another
    // page, which keeps the report's stylesheet loaded, that page prints its header.
    await page.click('.report-sources a[href="/resultats/2025"]');
    await page.waitForURL('**/resultats/2025');
    expect(await visible('.site-header')).toBe(true);
    await page.close();
  });

  it.each(REPORTS)(
    '%s: prints to an A4 PDF with its headings as bookmarks',
    async (_, expected) => {
      const page = await browser.newPage();
      await page.goto(`${baseURL()}${expected.path}`);
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        outline: true,
        tagged: true,
      });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { pages, titles } = await readPdf(pdf);
      // A cover, then each chapter on new pages: 6 at least; measured 12 with the demo data.
      expect(pages.length).toBeGreaterThanOrEqual(6);
      expect(pages.length).toBeLessThanOrEqual(20);
      for (const heading of [expected.h1, ...expected.chapters]) expect(titles).toContain(heading);
      expect(pages[0]).toContain(expected.h1);
      // Every chapter starts a page: its heading follows the page number ("2 / 11"). Spaces are
      // ignored because pdf.js splits words at ligatures ("Chi ff res").
      const compact = (text: string) => text.replace(/\s+/g, '');
      for (const chapter of expected.chapters) {
        expect(
          pages.some((text) => /^\d+\/\d+$/.test(compact(text).split(compact(chapter))[0]!)),
          chapter,
        ).toBe(true);
      }
      await page.close();
    },
  );

  it('prints with JavaScript off too, offering the browser’s print instead of a button', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL()}/rapport/2025`);
    expect(await page.textContent('h1')).toBe('Rapport de l’enquête 2025');
    expect(await page.locator('.report-print button').count()).toBe(0);
    expect(await page.textContent('.report-print')).toContain('Ctrl+P');
    await context.close();
  });

  it.each(['/rapport/1999', '/rapport/2099', '/en/report/1999', '/rapport/abcd'])(
    '%s is a 404',
    async (path) => {
      const res = await fetch(`${baseURL()}${path}`);
      expect(res.status).toBe(404);
    },
  );
});
