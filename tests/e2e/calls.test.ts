import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../db/seed/generate';
import { openLocalD1 } from '../../scripts/lib/local-d1';
import { formatDay } from '../../web/lib/format';
import {
  baseURL,
  expectNoAxeViolations,
  launchBrowser,
  persistDir,
  screenshots,
  settled,
  signIn,
} from './browser';

/** A UTC day `offset` days from today, as calls are written. */
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const CALL = {
  title: 'Les nuits de modération',
  titleEn: 'Moderating at night',
  prompt:
    'Racontez une soirée où les commentaires ne se sont pas arrêtés : ce que vous avez fait, jusqu’à quelle heure, et qui vous a relayé.',
  promptEn:
    'Tell us about an evening when the comments did not stop: what you did, until what time, and who took over.',
  opensOn: day(-7),
  closesOn: day(30),
};
// Left blank in the form: the address is made from the French title.
const SLUG = 'les-nuits-de-moderation';
const MARKER = 'marqueur-nuit-blanche';
const STORY = `Pendant la finale retransmise en direct, les insultes arrivaient par centaines sous chaque publication. J'ai masqué, signalé et répondu seule jusqu'à deux heures du matin, sans consigne claire ni relais. ${MARKER}`;

/** The call a stored testimony answers, found by its words. */
function callOfTestimony(text: string): string | null {
  const db = openLocalD1(persistDir());
  try {
    const row = db
      .prepare('SELECT call_slug AS call FROM testimonials WHERE text LIKE ?')
      .get(`%${text}%`) as { call: string | null };
    return row.call;
  } finally {
    db.close();
  }
}

/** Opens `path` on a 360 px screen and says whether the page scrolls sideways. */
async function fitsPhone(page: Page, path: string) {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`${baseURL()}${path}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(
    360,
  );
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Submits a form by clicking `button` with JavaScript off: the status of the answer. */
async function post(page: Page, button: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForEvent('load'),
    page.click(button),
  ]);
  return response.status();
}

let browser: Browser;
let noScript: BrowserContext;
let admin: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  noScript = await browser.newContext({ javaScriptEnabled: false });
});
afterAll(async () => {
  await browser?.close();
});

describe('calls for testimonies', () => {
  it('are created by an admin without JavaScript; a bad field is a 400 that names it', async () => {
    const page = await noScript.newPage();
    await signIn(page, DEMO_ADMIN, '/admin/appels');
    expect(await page.locator('.admin-bar nav a').allTextContents()).toContain('Appels');
    const create = 'form[action="?/create"]';
    await page.fill('#new-title-fr', CALL.title);
    await page.fill('#new-title-en', CALL.titleEn);
    await page.fill('#new-prompt-fr', CALL.prompt);
    await page.fill('#new-prompt-en', CALL.promptEn);
    await page.fill('#new-opensOn', CALL.opensOn);
    await page.fill('#new-closesOn', day(-8));
    await page.check(`${create} input[name="themes"][value="hostility"]`);
    await page.check(`${create} input[name="themes"][value="support"]`);

    expect(await post(page, `${create} button[type="submit"]`)).toBe(400);
    // The page opens on its summary, which leads to the one field at fault.
    // Autofocus is applied once the page is rendered, which may follow its load event.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toBe('error-summary');
    expect(await page.getAttribute('.error-summary a', 'href')).toBe('#new-closesOn');
    expect(await page.textContent('.error-summary a')).toBe('Dernier jour');
    expect(await page.locator('.field-error').allTextContents()).toEqual([
      'Le dernier jour ne peut pas précéder le premier.',
    ]);
    expect(await page.getAttribute('#new-closesOn', 'aria-describedby')).toBe('new-closesOn-error');
    // What was typed comes back, to be corrected rather than typed again.
    expect(await page.inputValue('#new-title-fr')).toBe(CALL.title);
    expect(await page.inputValue('#new-prompt-en')).toBe(CALL.promptEn);
    expect(await page.isChecked(`${create} input[name="themes"][value="support"]`)).toBe(true);

    await page.fill('#new-closesOn', CALL.closesOn);
    expect(await post(page, `${create} button[type="submit"]`)).toBe(200);
    expect(await page.textContent('.success')).toContain(`Appel « ${CALL.title} » créé.`);
    const card = page.locator('article.call-admin', { hasText: CALL.title });
    expect(await card.locator('h2 a').getAttribute('href')).toBe(`/temoignages/appels/${SLUG}`);
    expect(await card.locator('.tag').textContent()).toBe('Ouvert');
    expect(await card.textContent()).toContain('Sans édition');
    await page.close();
  });

  it('are offered on the home page and the form, and answered through their link without JavaScript', async () => {
    const page = await noScript.newPage();
    await page.goto(`${baseURL()}/`);
    const item = page.locator('#calls-heading + ul li', { hasText: CALL.title });
    expect(await item.textContent()).toContain(`jusqu’au ${formatDay(CALL.closesOn, 'fr')}`);
    const answer = item.locator('a', { hasText: 'Répondre' });
    expect(await answer.getAttribute('href')).toBe(`/temoigner?appel=${SLUG}`);
    await Promise.all([page.waitForURL(/\/temoigner\?appel=/), answer.click()]);

    // The form answers the call, shows its prompt and ticks its suggested themes.
    expect(await page.isChecked(`#call-${SLUG}`)).toBe(true);
    expect(await page.textContent('fieldset:has(#call-none)')).toContain(
      'Aucun appel (témoignage libre)',
    );
    expect(await page.textContent('.call-prompt')).toContain(CALL.prompt);
    const ticked = await page.$$eval('input[name="themes"]:checked', (boxes) =>
      boxes.map((b) => (b as HTMLInputElement).value),
    );
    expect(ticked).toEqual(['hostility', 'support']);

    await page.fill('#text', STORY);
    expect(await post(page, 'button:has-text("Voir ce qui sera enregistré")')).toBe(200);
    expect(await page.textContent('main')).toContain(
      `Votre témoignage répond à l’appel « ${CALL.title} ».`,
    );
    expect(await page.getAttribute('input[type="hidden"][name="call"]', 'value')).toBe(SLUG);
    await post(page, 'button:has-text("Confirmer et envoyer")');
    expect(page.url()).toMatch(/\/temoigner\/merci$/);
    expect(await page.textContent('[data-testid="withdrawal-code"]')).toMatch(
      /^[A-Za-z0-9_-]{22}$/,
    );
    expect(callOfTestimony(MARKER)).toBe(SLUG);
    await page.close();
  });

  it('show moderators which call a testimony answers', async () => {
    admin = await browser.newPage();
    await signIn(admin, DEMO_ADMIN, '/admin/temoignages');
    const card = admin.locator('article.moderation', { hasText: MARKER });
    expect((await card.locator('p.meta').first().textContent())!.replace(/\s+/g, ' ').trim()).toBe(
      `Répond à l’appel : ${CALL.title}`,
    );
    await card.locator('button:has-text("Publier")').click();
    await admin.waitForSelector('.success');
    expect(await admin.locator('article.moderation', { hasText: MARKER }).count()).toBe(0);
  });

  it('have a page with their themes and testimonies, and a filter of the list', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${baseURL()}/temoignages/appels/${SLUG}`);
    expect(res?.status()).toBe(200);
    expect(await page.textContent('h1')).toBe(CALL.title);
    expect(await page.textContent('main')).toContain(CALL.prompt);
    expect(await page.textContent('main .meta')).toContain('Ouvert');
    expect(await page.getAttribute('a:has-text("Répondre à cet appel")', 'href')).toBe(
      `/temoigner?appel=${SLUG}`,
    );
    // One testimony: every theme's count is under k.
    expect(await page.locator('.bar-table tbody tr').count()).toBe(10);
    expect(new Set(await page.locator('.bar-table .bar-value').allTextContents())).toEqual(
      new Set(['moins de 10']),
    );
    expect(await page.locator('article.testimonial').allTextContents()).toEqual([
      expect.stringContaining(MARKER),
    ]);
    await settled(page);
    await expectNoAxeViolations(page);
    await screenshots(page, 'call-page', [360]);

    await page.goto(`${baseURL()}/en/testimonials/calls/${SLUG}`);
    expect(await page.textContent('h1')).toBe(CALL.titleEn);
    expect(await page.textContent('main')).toContain(CALL.promptEn);
    const unknown = await page.goto(`${baseURL()}/temoignages/appels/pas-un-appel`);
    expect(unknown?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page introuvable');

    await page.goto(`${baseURL()}/temoignages?appel=${SLUG}`);
    expect(await page.inputValue('select[name="appel"]')).toBe(SLUG);
    const listed = page.locator('article.testimonial');
    expect(await listed.count()).toBe(1);
    expect(await listed.locator(`a[href="/temoignages/appels/${SLUG}"]`).textContent()).toBe(
      CALL.title,
    );

    // With JavaScript, the prompt shown follows the call chosen.
    await page.goto(`${baseURL()}/temoigner?appel=${SLUG}`);
    await settled(page);
    await expectNoAxeViolations(page);
    await screenshots(page, 'testify-call', [360]);
    await page.check('#call-none');
    expect(await page.locator('.call-prompt').count()).toBe(0);
    await page.check(`#call-${SLUG}`);
    expect(await page.textContent('.call-prompt')).toContain(CALL.prompt);

    await admin.goto(`${baseURL()}/admin/appels`);
    await settled(admin);
    await expectNoAxeViolations(admin);
    await screenshots(admin, 'admin-calls', [360, 1280]);

    await fitsPhone(page, `/temoignages/appels/${SLUG}`);
    await fitsPhone(page, `/temoigner?appel=${SLUG}`);
    await fitsPhone(admin, '/admin/appels');
    await page.close();
  });

  it('are offered no more once closed now, and a late answer is refused on the field', async () => {
    const card = admin.locator('article.call-admin', { hasText: CALL.title });
    expect(await card.textContent()).toContain('1 témoignage publié');
    await card.locator('button:has-text("Clore maintenant")').click();
    await admin.waitForSelector('.success');
    expect(await admin.textContent('.success')).toContain(`Appel « ${CALL.title} » clos`);
    expect(await card.locator('.tag').textContent()).toBe('Clos');
    expect(await card.locator('button:has-text("Clore maintenant")').count()).toBe(0);

    const page = await browser.newPage();
    await page.goto(`${baseURL()}/temoigner?appel=${SLUG}`);
    expect(await page.locator(`#call-${SLUG}`).count()).toBe(0);
    expect(await page.isChecked('#call-none')).toBe(true);
    await page.goto(`${baseURL()}/`);
    expect(await page.locator(`a[href="/temoigner?appel=${SLUG}"]`).count()).toBe(0);
    await page.close();

    // A form shown before the call closed, sent after.
    const late = await fetch(`${baseURL()}/temoigner?/preview`, {
      method: 'POST',
      headers: {
        origin: baseURL(),
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ text: STORY, lang: 'fr', call: SLUG }),
    });
    expect(late.status).toBe(409);
    expect(await late.text()).toMatch(
      /<p class="field-error" id="call-error">Cet appel ne reçoit pas de témoignage aujourd’hui/,
    );
    await admin.close();
  });
});
