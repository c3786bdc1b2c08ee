import type { Browser, Page } from 'playwright-core';
import fc from 'fast-check';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectNoAxeViolations, launchBrowser, screenshots } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Every public page that a reader reaches from the home page, in both languages where it differs. */
const PUBLIC_PAGES = [
  '/',
  '/en',
  '/enquete',
  '/temoigner',
  '/temoignages',
  '/temoignages/themes',
  '/resultats',
  '/resultats/2025',
  '/en/results/2025',
  '/resultats/2026',
  '/resultats/2025/ventilations?indicator=who5_mean&by=experience',
  '/resultats/2025/croisements?row=profile.contract&col=career.intent_leave',
  '/resultats/tendances?indicator=hostile_weekly',
  '/en/results/trends?indicator=overtime_median',
  '/resultats/2025/croisements?row=profile.experience&col=exposure.hostile_frequency&show=col&counts=1',
  '/resultats/2025/questions',
  '/resultats/2025/questions/career.salary_band',
  '/en/results/2026/questions/work.clients_count',
  '/resultats/methodologie',
  '/resultats/2025/diffusions',
  '/rapport/2025',
  '/donnees',
  '/aide',
  '/confidentialite',
  '/retrait',
  '/graphiques/shares?edition=2025',
  '/en/charts/breakdown?edition=2025&indicator=harassed_12m&by=gender',
  '/graphiques/trend?indicator=who5_mean',
  '/integrer/question?edition=2025&question=career.salary_band',
];

/** Pairs of texts, within one chart, whose boxes intersect by more than a pixel. */
function overlappingTexts(page: Page): Promise<string[]> {
  return page.$$eval('svg.chart', (charts) =>
    charts.flatMap((chart) => {
      const boxes = [...chart.querySelectorAll('text')].map((t) => ({
        text: t.textContent ?? '',
        box: t.getBoundingClientRect(),
      }));
      const clashes: string[] = [];
      boxes.forEach((a, i) =>
        boxes.slice(i + 1).forEach((b) => {
          const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (x > 1 && y > 1) clashes.push(`${a.text} × ${b.text}`);
        }),
      );
      return clashes;
    }),
  );
}

/** Texts of a chart that stick out of the page's width. */
function textsOutside(page: Page, width: number): Promise<string[]> {
  return page.$$eval(
    'svg.chart text',
    (texts, w) =>
      texts
        .filter((t) => {
          const box = t.getBoundingClientRect();
          return box.left < -1 || box.right > w + 1;
        })
        .map((t) => t.textContent ?? ''),
    width,
  );
}

/** No sideways scrolling, no chart text over another or off the page, and axe finds nothing. */
async function readableEverywhere(path: string): Promise<void> {
  const page = await browser.newPage();
  const res = await page.goto(`${baseURL()}${path}`);
  expect(res?.status()).toBe(200);
  for (const width of [360, 768, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    expect(await overlappingTexts(page)).toEqual([]);
    expect(await textsOutside(page, width)).toEqual([]);
  }
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoAxeViolations(page);
  await screenshots(page, `public${path.replace(/[^a-z0-9]+/gi, '-')}`, [360, 768, 1280]);
  await page.close();
}

describe('charts and public pages', () => {
  it.each(PUBLIC_PAGES)(
    '%s fits 360, 768 and 1280 px, with no chart text over another, and passes axe',
    readableEverywhere,
  );

  it('holds the same for a testimony and a call for testimonies, reached by their links', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL()}/temoignages`);
    const testimony = await page.getAttribute(
      'main article a[href^="/temoignages/"]:not([href*="/appels/"])',
      'href',
    );
    await page.goto(`${baseURL()}/`);
    const call = await page.getAttribute('main a[href^="/temoignages/appels/"]', 'href');
    await page.close();
    for (const path of [testimony!, call!]) await readableEverywhere(path);
  });

  it('draws every chart with a value axis, its unit, a legend for intervals and a source line', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL()}/resultats/2025`);
    const charts = page.locator('svg.chart');
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (const chart of await charts.all()) {
      const text = (await chart.locator('text').allTextContents()).join(' ');
      expect(text).toMatch(/En % des répondant·es|Score sur 100/);
      expect(text).toContain('intervalle de confiance à 95 %');
      expect(text).toMatch(
        /Source : Observatoire des CM, enquête 2025, diffusion n° \d+ du .+, n = [\d\s\u202f]+\./,
      );
      // Ticks: at least three numbers on the value axis, from 0.
      const ticks = await chart.locator('text[font-size="12"][text-anchor]').allTextContents();
      expect(ticks[0]).toBe('0');
      expect(ticks.length).toBeGreaterThanOrEqual(3);
    }
    // Shares are sorted, largest first; suppressed ones would come last.
    const shares = await page
      .locator('#shares-heading ~ figure svg text[text-anchor="end"][font-weight="700"]')
      .allTextContents();
    const values = shares.map((s) => Number(s.replace(/[^\d,]/g, '').replace(',', '.')));
    expect(values.length).toBeGreaterThan(3);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await page.close();
  });

  it('folds the table behind a disclosure on a phone and shows it open on a desk', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${baseURL()}/resultats/2025`);
    const table = page.locator('.chart-table table').first();
    expect(await table.isVisible()).toBe(false);
    await page.locator('.chart-table summary').first().click();
    expect(await table.isVisible()).toBe(true);
    const desk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await desk.goto(`${baseURL()}/resultats/2025`);
    expect(await desk.locator('.chart-table table').first().isVisible()).toBe(true);
    expect(await desk.locator('.chart-table summary').first().isVisible()).toBe(false);
    await page.close();
    await desk.close();
  });

  it('gives each explorer state a chart page, with SVG, PNG, Open Graph image and embed', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL()}/resultats/2025/ventilations?indicator=who5_poor&by=gender`);
    await page.click('text=Lien permanent du graphique');
    await page.waitForURL(/\/graphiques\/breakdown\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      edition: '2025',
      indicator: 'who5_poor',
      by: 'gender',
    });
    const title = (await page.textContent('h1'))!;
    expect(title).toMatch(/selon « Genre », édition 2025$/);

    // The SVG is well-formed XML, as a strict parser reads it, titled and with the same figures.
    const svgHref = await page.getAttribute('a:text("Image SVG")', 'href');
    const svgRes = await fetch(`${baseURL()}${svgHref}`);
    expect(svgRes.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await svgRes.text();
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.localName,
        width: doc.documentElement.getAttribute('width'),
        title: doc.querySelector('title')?.textContent,
        text: doc.documentElement.textContent,
      };
    }, svg);
    expect(parsed).toMatchObject({ error: null, root: 'svg', width: '720', title });
    const tableValues = await page.locator('.chart-table tbody td:nth-child(2)').allTextContents();
    for (const value of tableValues) expect(parsed.text).toContain(value.trim());

    // The PNG is drawn in the Worker, at twice the SVG's size, and is what the link preview shows.
    const ogImage = await page.getAttribute('meta[property="og:image"]', 'content');
    expect(ogImage).toBe(new URL(svgHref!.replace('.svg', '.png'), baseURL()).href);
    const png = Buffer.from(await (await fetch(ogImage!)).arrayBuffer());
    const size = pngSize(png);
    const svgHeight = Number(/height="(\d+)"/.exec(svg)![1]);
    expect(size).toEqual({ width: 1440, height: svgHeight * 2 });
    expect(inkShare(png, size)).toBeGreaterThan(0.02);

    // A chart that does not exist is a 400 naming the field, in every form.
    for (const path of [
      '/graphiques/breakdown?edition=2025&indicator=nope',
      '/graphiques/breakdown.svg?edition=2025&indicator=nope',
      '/graphiques/breakdown.png?edition=2025&indicator=nope',
    ]) {
      const res = await fetch(`${baseURL()}${path}`);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('indicator');
    }
    expect((await fetch(`${baseURL()}/graphiques/shares?edition=1999`)).status).toBe(400);
    expect((await fetch(`${baseURL()}/graphiques/nothing?edition=2025`)).status).toBe(404);
    await page.close();
  });

  it('gives every question of an edition a page: answers, cross-tabs, trend and codebook', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL()}/resultats/2025`);
    await page.click('text=Toutes les questions');
    await page.waitForURL('**/resultats/2025/questions');
    const links = page.locator('main li a');
    expect(await links.count()).toBeGreaterThan(30);
    await page.click('a[href="/resultats/2025/questions/exposure.hostile_frequency"]');
    await page.waitForURL('**/questions/exposure.hostile_frequency');
    // Its answers as a chart with its table, in the scale's own order.
    expect(await page.locator('svg.chart').count()).toBe(1);
    // Its cross-tabs by each profile dimension, opened as row percentages.
    const crosstab = page.locator('a:text-matches("^Selon « Contrat »$")');
    expect(await crosstab.getAttribute('href')).toBe(
      '/resultats/2025/croisements?row=profile.contract&col=exposure.hostile_frequency&show=row',
    );
    // The same code in 2024 and 2025: a trend table with a column per edition.
    const years = await page
      .locator('section[aria-labelledby="trend-heading"] thead th')
      .allTextContents();
    expect(years.map((y) => y.slice(0, 4))).toEqual(expect.arrayContaining(['2024', '2025']));
    // Its codebook entry: code, type, routing, options.
    const codebook = (await page.textContent('.codebook'))!;
    expect(codebook).toContain('exposure.hostile_frequency');
    expect(codebook).toContain('Toutes et tous les répondant·es');

    // A routed number question says to whom it was asked, and gives its mean with its interval.
    await page.goto(`${baseURL()}/en/results/2026/questions/work.clients_count`);
    expect(await page.textContent('.codebook')).toMatch(/Only if “.+”: /);
    expect(await page.textContent('section[aria-labelledby="distribution-heading"]')).toMatch(
      /Mean [\d.]+ \(95% CI: [\d.]+ – [\d.]+\); median/,
    );
    expect((await fetch(`${baseURL()}/resultats/2025/questions/no.such_code`)).status).toBe(404);
    await page.close();
  });

  it('lets the reader read a cross-tab as row or column shares, shaded, with counts on demand', async () => {
    const page = await browser.newPage();
    const path = '/resultats/2025/croisements?row=profile.contract&col=career.intent_leave';
    await page.goto(`${baseURL()}${path}`);
    // Row shares by default: each published row sums to about 100 %.
    const rowSums = await page.$$eval('table.crosstab tbody tr', (rows) =>
      rows.map((r) =>
        [...r.querySelectorAll('td')]
          .slice(0, -1)
          .map((td) => td.textContent!.trim())
          .filter((t) => t.endsWith('%'))
          .reduce((sum, t) => sum + Number(t.replace(/[^\d,]/g, '').replace(',', '.')), 0),
      ),
    );
    expect(rowSums.some((sum) => Math.abs(sum - 100) < 0.6)).toBe(true);
    expect(await page.locator('table.crosstab td[style*="background"]').count()).toBeGreaterThan(0);
    // Without JavaScript the form carries the choice: column shares with counts.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${baseURL()}${path}`);
    await plain.check('input[name="show"][value="col"]');
    await plain.check('input[name="counts"]');
    await plain.click('form.explorer-form button[type="submit"]');
    await plain.waitForURL(/show=col/);
    expect(new URL(plain.url()).searchParams.get('counts')).toBe('1');
    expect(await plain.locator('table.crosstab .cell-count').count()).toBeGreaterThan(0);
    await plain.check('input[name="show"][value="count"]');
    await plain.click('form.explorer-form button[type="submit"]');
    await plain.waitForURL(/show=count/);
    expect(await plain.locator('table.crosstab td[style*="background"]').count()).toBe(0);
    await context.close();
    await page.close();
  });

  it('answers any chart or explorer address with a page or a 4xx naming the field, never a 5xx', async () => {
    const codeOr = (codes: string[]) => fc.oneof(fc.constantFrom(...codes), fc.string());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/graphiques/', '/en/charts/', '/integrer/'),
        fc.constantFrom('shares', 'scores', 'question', 'breakdown', 'trend', 'pie'),
        fc.constantFrom('', '.svg', '.png'),
        fc.record(
          {
            edition: codeOr(['2024', '2025', '2026', '1999']),
            indicator: codeOr(['who5_mean', 'harassed_12m']),
            by: codeOr(['gender', 'region']),
            question: codeOr(['career.salary_band', 'work.clients_count']),
          },
          { requiredKeys: [] },
        ),
        async (prefix, kind, form, query) => {
          const path = `${prefix}${kind}${prefix === '/integrer/' ? '' : form}`;
          const res = await fetch(`${baseURL()}${path}?${new URLSearchParams(query)}`);
          const body = await res.text();
          expect(res.status, `${path} ${JSON.stringify(query)}`).toBeLessThan(500);
          if (res.status === 400) expect(body).toMatch(/edition|indicator|by|question/);
        },
      ),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), fc.string(), async (show, counts, code) => {
        for (const path of [
          `/resultats/2025/croisements?${new URLSearchParams({ show, counts })}`,
          `/resultats/2025/questions/${encodeURIComponent(code)}`,
        ])
          expect((await fetch(`${baseURL()}${path}`)).status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it('lets another site frame the embed, and no other page', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL()}/resultats/2025`);
    const embed = `${baseURL()}/integrer/shares?edition=2025`;
    const res = await fetch(embed);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    // A page of another site frames the embed and the chart's own page: only the first shows.
    // A site of its own (another origin, served by this test) frames the embed and the chart's
    // own page: only the first shows.
    const elsewhere = createServer((_, response) =>
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<iframe id="embed" src="${embed}"></iframe><iframe id="page" src="${baseURL()}/graphiques/shares?edition=2025"></iframe>`,
        ),
    );
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const host = await browser.newPage();
    await host.goto(`http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`, {
      waitUntil: 'load',
    });
    await host.frameLocator('#embed').locator('svg.chart').waitFor();
    expect(await host.frameLocator('#page').locator('svg.chart').count()).toBe(0);
    // The embed is the chart alone, with a way to its page.
    const alone = await browser.newPage();
    await alone.goto(embed);
    expect(await alone.locator('header, footer, nav').count()).toBe(0);
    expect(await alone.getAttribute('a[target="_blank"]', 'href')).toBe(
      '/graphiques/shares?edition=2025',
    );
    await Promise.all([page.close(), host.close(), alone.close()]);
    elsewhere.close();
  });
});

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The share of pixels darker than light grey: a chart, not a blank image. Expects 8-bit RGBA. */
function inkShare(png: Buffer, { width, height }: { width: number; height: number }): number {
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT')
      chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  // PNG's five row filters (ISO/IEC 15948 §9), undone row by row.
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const predictor = [
        0,
        a,
        b,
        Math.floor((a + b) / 2),
        pa <= pb && pa <= pc ? a : pb <= pc ? b : c,
      ][filter]!;
      pixels[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + predictor) & 0xff;
    }
  }
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4)
    if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 600 && pixels[i + 3]! > 0) ink++;
  return ink / (width * height);
}
