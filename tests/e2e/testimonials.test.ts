import type { Browser } from 'playwright-core';
import { openLocalD1 } from '../../scripts/lib/local-d1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../db/seed/generate';
import { run } from '../../scripts/lib/run';
import {
  baseURL,
  expectNoAxeViolations,
  launchBrowser,
  persistDir,
  screenshots,
  settled,
  signIn,
  watchConsole,
} from './browser';

const STORY =
  "Je gère seule les comptes d'une mairie. Pendant la polémique sur le marché de Noël, j'ai modéré 400 commentaires par soir, jusqu'à 23h30. Un élu m'a écrit sur mon perso : joignez-moi au 06 11 22 33 44 ou jeanne.dupont@exemple.fr si besoin. Licorne-témoin.";
const MODERATOR = { email: 'moderatrice@example.org', password: 'une phrase de passe longue' };

/** The stored testimonies whose text contains `text`. */
function testimoniesLike(text: string): number {
  const db = openLocalD1(persistDir());
  try {
    const row = db
      .prepare('SELECT count(*) AS n FROM testimonials WHERE text LIKE ?')
      .get(`%${text}%`) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  run(
    'npx',
    [
      'tsx',
      'scripts/staff-create.ts',
      '--email',
      MODERATOR.email,
      '--role',
      'moderator',
      '--persist-to',
      persistDir(),
    ],
    {
      env: { ...process.env, STAFF_PASSWORD: MODERATOR.password },
    },
  );
});
afterAll(async () => {
  await browser?.close();
});

describe('testimonials', () => {
  it('are submitted after a redacted preview, moderated, then read, searched and linked', async () => {
    const author = await browser.newPage();
    const problems = watchConsole(author);
    await author.goto(`${baseURL()}/temoigner`);
    await settled(author);
    await expectNoAxeViolations(author);
    await author.fill('#text', STORY);
    await author.check('input[name="themes"][value="hostility"]');
    await author.check('input[name="themes"][value="crisis"]');
    await author.selectOption('select[name="employerType"]', 'public');
    await author.click('button:has-text("Voir ce qui sera enregistré")');
    await author.waitForSelector('.preview');
    expect(await author.$$eval('.preview mark.mask', (ms) => ms.map((x) => x.textContent))).toEqual(
      ['[téléphone]', '[email]'],
    );
    expect(await author.textContent('.preview')).toContain("jusqu'à 23h30");
    await expectNoAxeViolations(author);
    await screenshots(author, 'testify-preview', [360]);
    await author.click('button:has-text("Confirmer et envoyer")');
    await author.waitForSelector('[data-testid="withdrawal-code"]');
    expect(await author.textContent('[data-testid="withdrawal-code"]')).toMatch(
      /^[A-Za-z0-9_-]{22}$/,
    );
    expect(problems).toEqual([]);

    // Pending: not public yet.
    await author.goto(`${baseURL()}/temoignages?q=licorne`);
    expect(await author.textContent('main')).toContain('Aucun témoignage ne correspond');

    const moderator = await browser.newPage();
    await signIn(moderator, MODERATOR);
    await expectNoAxeViolations(moderator);
    await screenshots(moderator, 'moderation-queue', [1280]);
    const card = moderator.locator('article.moderation', { hasText: 'Licorne-témoin' });
    expect(await card.locator('mark.mask').allTextContents()).toEqual(['[téléphone]', '[email]']);
    expect(await card.locator('mark.flag').count()).toBe(0);
    const edited = STORY.replace(
      "Un élu m'a écrit sur mon perso",
      'On m’a écrit sur mon compte personnel',
    );
    await card
      .locator('textarea[name="text"]')
      .fill(
        edited
          .replace('06 11 22 33 44', '[téléphone]')
          .replace('jeanne.dupont@exemple.fr', '[email]'),
      );
    await card.locator('button:has-text("Publier")').click();
    await moderator.waitForSelector('.success');
    expect(
      await moderator.locator('article.moderation', { hasText: 'Licorne-témoin' }).count(),
    ).toBe(0);

    await author.goto(`${baseURL()}/temoignages?q=licorne%20temoin`);
    expect(await author.locator('article.testimonial').count()).toBe(1);
    const text = await author.textContent('article.testimonial');
    expect(text).toContain('compte personnel');
    expect(text).not.toContain('06 11');
    await expectNoAxeViolations(author);
    await screenshots(author, 'testimonials-search', [360, 1280]);
    await author.setViewportSize({ width: 360, height: 800 });
    expect(await author.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await author.click('article.testimonial >> text=Lien permanent');
    await author.waitForURL(/\/temoignages\/[A-Za-z0-9_-]{12}$/);
    expect(await author.textContent('h1')).toMatch(/^Témoignage du /);
    await expectNoAxeViolations(author);

    await author.goto(`${baseURL()}/temoignages?theme=crisis`);
    expect(await author.locator('article.testimonial', { hasText: 'Licorne-témoin' }).count()).toBe(
      1,
    );
    await author.goto(`${baseURL()}/en/testimonials/themes`);
    expect(await author.getAttribute('html', 'lang')).toBe('en');
    expect(await author.locator('tbody tr').count()).toBe(10);
    await expectNoAxeViolations(author);
    await screenshots(author, 'themes-en', [360]);
    await author.close();
    await moderator.close();
  });

  it('can be left with JavaScript off, with a way back to edit the text', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL()}/en/testify`);
    await page.fill('#text', 'Too short.');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('button:has-text("See what will be stored")'),
    ]);
    expect(await page.textContent('#text-error')).toContain('between 50 and 5000 characters');
    // The page opens on its error summary, which leads to the field.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await page.getAttribute('.error-summary a', 'href')).toBe('#text');
    await page.fill('#text', `${STORY} Sent without JavaScript, reach me at @cm_sans_js.`);
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('button:has-text("See what will be stored")'),
    ]);
    // Masks only: flags (here "JavaScript", which looks like a brand) are marked apart.
    expect(await page.$$eval('.preview mark.mask', (ms) => ms.map((x) => x.textContent))).toEqual([
      '[phone]',
      '[email]',
      '[handle]',
    ]);
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('button:has-text("Change my text")'),
    ]);
    expect(await page.inputValue('#text')).toContain('Sent without JavaScript');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('button:has-text("See what will be stored")'),
    ]);
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('button:has-text("Confirm and send")'),
    ]);
    expect(page.url()).toMatch(/\/en\/testify\/thanks$/);
    expect(await page.textContent('[data-testid="withdrawal-code"]')).toMatch(
      /^[A-Za-z0-9_-]{22}$/,
    );
    // A refresh shows the code no more, and posts nothing: the testimony is stored once.
    await page.reload();
    expect(await page.$('[data-testid="withdrawal-code"]')).toBeNull();
    expect(await page.textContent('main')).toContain('shown once only');
    expect(testimoniesLike('Sent without JavaScript')).toBe(1);
    await context.close();
  });

  it('name each permalink after its testimony, so that a list of links tells them apart', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL()}/temoignages`);
    const names = await page
      // Links to the call a testimony answers share the call's name, as they share its page.
      .locator('article.testimonial a[href^="/temoignages/"]:not([href^="/temoignages/appels/"])')
      .evaluateAll((links) => links.map((a) => a.textContent!.replace(/\s+/g, ' ').trim()));
    expect(names.length).toBeGreaterThan(5);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toMatch(/^Lien permanent — \S+/);
    await page.close();
  });

  it('keep the staff pages to staff, and the audit log to admins', async () => {
    const anonymous = await browser.newPage();
    await anonymous.goto(`${baseURL()}/admin/journal`);
    await settled(anonymous);
    expect(anonymous.url()).toContain('/admin/connexion?next=%2Fadmin%2Fjournal');
    await expectNoAxeViolations(anonymous);
    await anonymous.fill('#email', MODERATOR.email);
    await anonymous.fill('#password', 'not the password');
    await anonymous.click('button[type="submit"]');
    await anonymous.waitForSelector('#login-error');
    expect(await anonymous.textContent('#login-error')).toBe('Email ou mot de passe incorrect.');
    await anonymous.close();

    const moderator = await browser.newPage();
    await signIn(moderator, MODERATOR);
    expect(await moderator.locator('.admin-bar nav a').allTextContents()).toEqual([
      'Modération',
      'Mon compte',
    ]);
    const forbidden = await moderator.goto(`${baseURL()}/admin/journal`);
    expect(forbidden?.status()).toBe(403);
    await moderator.close();

    const admin = await browser.newPage();
    await signIn(admin, DEMO_ADMIN, '/admin/journal');
    expect(await admin.textContent('tbody')).toContain('testimonial.publish');
    await expectNoAxeViolations(admin);
    // On a phone the log scrolls sideways inside its own box, which the keyboard can reach.
    const desk = admin.viewportSize()!;
    await admin.setViewportSize({ width: 360, height: 800 });
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await expectNoAxeViolations(admin);
    await admin.setViewportSize(desk);

    // Editions, from the admin bar: create one, open it; illegal steps are not even offered.
    expect(await admin.locator('.admin-bar nav a').allTextContents()).toEqual([
      'Modération',
      'Éditions',
      'Appels',
      'Journal',
      'Équipe',
      'Mon compte',
    ]);
    await Promise.all([
      admin.waitForURL(/\/admin\/editions$/),
      admin.click('.admin-bar a:has-text("Éditions")'),
    ]);
    await settled(admin);
    await expectNoAxeViolations(admin);
    await admin.fill('input[name="year"][type="number"]', '2030');
    await admin.fill('input[name="opensOn"]', '2030-09-01');
    await admin.fill('input[name="closesOn"]', '2030-12-01');
    await admin.click('button:has-text("Créer une édition")');
    await admin.waitForSelector('text=Édition 2030 : En préparation.');
    expect(
      await admin.locator('tr', { hasText: '2030' }).locator('button').allTextContents(),
    ).toEqual(['Ouvrir 2030']);
    await admin.click('button:has-text("Ouvrir 2030")');
    await admin.waitForSelector('text=Édition 2030 : Ouverte.');
    expect(
      await admin.locator('tr', { hasText: '2030' }).locator('button').allTextContents(),
    ).toEqual(['Diffuser maintenant 2030', 'Clore 2030']);
    // No response yet: the release is refused, with the reason, and nothing is requested.
    await admin.click('button:has-text("Diffuser maintenant 2030")');
    await admin.waitForSelector('text=0 new responses since the last release; 50 are needed.');
    expect(await admin.locator('tr', { hasText: '2030' }).textContent()).not.toContain(
      'Diffusion demandée',
    );
    await screenshots(admin, 'admin-editions', [1280]);

    await Promise.all([
      admin.waitForURL(/\/admin\/connexion$/),
      admin.click('button:has-text("Se déconnecter")'),
    ]);
    await admin.goto(`${baseURL()}/admin/journal`);
    expect(admin.url()).toContain('/admin/connexion');
    await admin.close();
  });

  it('refuses a story with control characters in words, and counts what a reader sees', async () => {
    const post = (text: string) =>
      fetch(`${baseURL()}/temoigner?/preview`, {
        method: 'POST',
        // As the page's own form sends it without JavaScript: same origin, asking for HTML.
        headers: {
          origin: baseURL(),
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ text, lang: 'fr' }),
      });
    const escaped = await post(`${STORY}\u001b[2J`);
    expect(escaped.status).toBe(400);
    expect(await escaped.text()).toContain(
      'Votre témoignage contient des caractères invisibles ou de contrôle',
    );
    const invisible = await post('\u200b'.repeat(60));
    expect(invisible.status).toBe(400);
    expect(await invisible.text()).toContain(
      'doit compter entre 50 et 5000 caractères (actuellement 0)',
    );
  });
});
