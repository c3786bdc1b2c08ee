import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../db/seed/generate';
import { openLocalD1 } from '../../scripts/lib/local-d1';
import {
  expectNoAxeViolations,
  launchBrowser,
  persistDir,
  screenshots,
  settled,
  signIn,
} from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The rows of the table with this caption, as [header, cell] text pairs. */
async function table(page: Page, caption: string) {
  return page
    .locator('table', { has: page.locator('caption', { hasText: caption }) })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())),
    );
}

describe('the editions page', () => {
  it('shows the admin the disclosure risk of a closed edition before publishing, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, DEMO_ADMIN, '/admin/editions');
    expect(await page.locator('h2', { hasText: 'Risque de divulgation' }).count()).toBe(0);

    // The demo's 2026 edition is open with some 1,200 responses: close it.
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Clore 2026")')]);
    await page.waitForSelector('text=Édition 2026 : Close.');
    await page.waitForSelector(
      'h2:has-text("Risque de divulgation des microdonnées 2026, avant publication")',
    );
    const measures = Object.fromEntries(await table(page, 'Mesures du risque, édition 2026'));
    expect(Number(measures['Réponses'])).toBeGreaterThan(1000);
    expect(
      Number(measures['Réponses uniques sur les 11 quasi-identifiants en détail complet']),
    ).toBeGreaterThan(500);
    expect(measures['Réponses uniques après protection']).toBe('0');
    expect(measures['Réponses masquées individuellement']).toBe('0');
    expect(
      Number(measures['k atteint, plus petite combinaison (seuil 10)']),
    ).toBeGreaterThanOrEqual(10);
    const diversity = Object.entries(measures).filter(([name]) => name.startsWith('l distinct'));
    expect(diversity).toHaveLength(5);
    for (const [, l] of diversity) expect(Number(l)).toBeGreaterThanOrEqual(2);
    const levels = await table(page, 'Niveau publié de chaque quasi-identifiant, édition 2026');
    expect(levels.map(([code]) => code)).toContain('work.hours_contract');
    expect(levels).toHaveLength(11);
    for (const [, released] of levels)
      expect(released).toMatch(
        /^(détail complet|regroupé en : .+|masqué pour toutes les réponses)$/,
      );

    // The same page with JavaScript on passes axe, then the edition opens again for the others.
    const checked = await browser.newPage();
    await signIn(checked, DEMO_ADMIN, '/admin/editions');
    await settled(checked);
    await expectNoAxeViolations(checked);
    await screenshots(checked, 'admin-editions-risk', [360, 1280]);
    await checked.close();
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('button:has-text("Ouvrir 2026")'),
    ]);
    await page.waitForSelector('text=Édition 2026 : Ouverte.');
    expect(await page.locator('h2', { hasText: 'Risque de divulgation' }).count()).toBe(0);
    await context.close();
  });

  it('shows the release jobs as they run, and why one failed, with and without JavaScript', async () => {
    // The phases the release Workflow records, set in the Worker's local D1.
    const db = openLocalD1(persistDir());
    const at = new Date().toISOString();
    const job = db.prepare(
      `INSERT INTO release_jobs (id, edition_year, kind, phase, progress, outcome, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    job.run('e2e-running', 2025, null, 'package', 40, null, at, at);
    job.run('e2e-failed', 2024, null, 'failed', 0, 'R2 is unavailable', at, at);
    try {
      const page = await browser.newPage();
      await signIn(page, DEMO_ADMIN, '/admin/editions');
      await settled(page);
      const status = page.getByRole('status').filter({ hasText: 'Tâche 2025' });
      expect(await status.textContent()).toContain(
        'Tâche 2025 : construction du paquet de données.',
      );
      const bar = page.getByRole('progressbar', { name: 'Paquet de données 2025' });
      expect(await bar.getAttribute('value')).toBe('40');
      expect(await page.textContent('tbody')).toContain(
        'La dernière tâche 2024 a échoué après plusieurs essais : R2 is unavailable',
      );
      await expectNoAxeViolations(page);
      await screenshots(page, 'admin-editions-jobs', [360, 1280]);

      // The page reads the job again while it runs, without a reload.
      db.prepare("UPDATE release_jobs SET progress = 80 WHERE id = 'e2e-running'").run();
      await expect.poll(() => bar.getAttribute('value'), { timeout: 10_000 }).toBe('80');
      db.prepare(
        "UPDATE release_jobs SET phase = 'done', progress = 100 WHERE id = 'e2e-running'",
      ).run();
      await expect.poll(() => bar.count(), { timeout: 10_000 }).toBe(0);
      expect(await status.count()).toBe(0);
      await page.close();

      // Without JavaScript, a link reads the state again.
      db.prepare(
        "UPDATE release_jobs SET phase = 'package', progress = 60 WHERE id = 'e2e-running'",
      ).run();
      const context = await browser.newContext({ javaScriptEnabled: false });
      const plain = await context.newPage();
      await signIn(plain, DEMO_ADMIN, '/admin/editions');
      db.prepare("UPDATE release_jobs SET progress = 90 WHERE id = 'e2e-running'").run();
      await Promise.all([
        plain.waitForLoadState('load'),
        plain.click('a:has-text("Actualiser l’état des tâches")'),
      ]);
      expect(
        await plain
          .getByRole('progressbar', { name: 'Paquet de données 2025' })
          .getAttribute('value'),
      ).toBe('90');
      await context.close();
    } finally {
      db.prepare("DELETE FROM release_jobs WHERE id LIKE 'e2e-%'").run();
      db.close();
    }
  });
});
