import { DatabaseSync } from 'node:sqlite';
import { strFromU8, unzipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localD1Path } from '../../scripts/lib/local-d1';
import { run } from '../../scripts/lib/run';
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

function currentResponses(year: number): number {
  const db = new DatabaseSync(localD1Path(inject('persistDir')), { readOnly: true });
  try {
    const row = db
      .prepare('SELECT count(*) AS n FROM responses WHERE edition_year = ? AND withdrawn = 0')
      .get(year) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

describe('open data', () => {
  it.each([
    ['/donnees', /^Données ouvertes$/, 'Télécharger les données 2025 (zip)'],
    ['/en/data', /^Open data$/, 'Download the 2025 data (zip)'],
  ])('%s lists the published editions and is accessible', async (path, heading, link) => {
    const page = await browser.newPage();
    const problems = watchConsole(page);
    expect((await page.goto(`${baseURL()}${path}`))?.status()).toBe(200);
    expect(await page.textContent('h1')).toMatch(heading);
    await expect(page.getByRole('link', { name: link }).count()).resolves.toBe(1);
    // The open edition has no package: only published editions do.
    await expect(page.getByRole('link', { name: /2026/ }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    await screenshots(page, `data${path.replace(/\//g, '-')}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('downloads the package from the page of the published edition', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${baseURL()}/resultats/2025`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /télécharger le paquet de données/i }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('observatoire-cm-2025.zip');
    const entries = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    // One folder named after the edition, so two editions never unzip over each other.
    expect(new Set(Object.keys(entries).map((name) => name.split('/')[0]))).toEqual(
      new Set(['observatoire-cm-2025']),
    );
    const files = Object.fromEntries(
      Object.entries(entries).map(([name, bytes]) => [name.replace(/^[^/]+\//, ''), bytes]),
    );
    expect(Object.keys(files).sort()).toEqual([
      'CHANGELOG.md',
      'CITATION.cff',
      'README.md',
      'codebook.csv',
      'codebook.md',
      'datapackage.json',
      'disclosure-risk.json',
      'groups.csv',
      'indicator-definitions.csv',
      'indicators.csv',
      'labels-en.sps',
      'load.R',
      'load.do',
      'load.sps',
      'questionnaire.en.md',
      'questionnaire.fr.md',
      'responses.csv',
      'responses.parquet',
    ]);
    const lines = strFromU8(files['responses.csv']!).trimEnd().split('\r\n');
    expect(lines.length - 1).toBe(currentResponses(2025));
    await context.close();
  });

  it('npm run export writes the very zip the Worker serves, and refuses an open edition', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cm-export-'));
    try {
      const served = new Uint8Array(
        await (await fetch(`${baseURL()}/api/v1/editions/2025/package`)).arrayBuffer(),
      );
      const printed = run('npx', [
        'tsx',
        'scripts/export.ts',
        '--edition',
        '2025',
        '--out',
        out,
        '--persist-to',
        inject('persistDir'),
      ]);
      expect(printed).toMatch(/observatoire-cm-2025\.zip: [\d,]+ rows/);
      const written = new Uint8Array(await readFile(join(out, 'observatoire-cm-2025.zip')));
      // A fixed date in the zip entries and the same code make the two byte-identical.
      expect(Buffer.compare(written, served)).toBe(0);

      const refused = spawnSync(
        'npx',
        [
          'tsx',
          'scripts/export.ts',
          '--edition',
          '2026',
          '--out',
          out,
          '--persist-to',
          inject('persistDir'),
        ],
        { encoding: 'utf8' },
      );
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('only published editions have one');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('answers a helpful 404 for an edition without a package', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${baseURL()}/donnees/2026`);
    expect(res?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Erreur 404');
    expect(await page.textContent('main')).toContain(
      'Il n’y a pas de paquet de données pour 2026 : seules les éditions publiées en ont un.',
    );
    await expect(
      page.getByRole('link', { name: 'les données ouvertes' }).getAttribute('href'),
    ).resolves.toBe('/donnees');
    await expectNoAxeViolations(page);
    await page.close();
  });
});
