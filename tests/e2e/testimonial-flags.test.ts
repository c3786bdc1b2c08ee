import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseURL,
  expectNoAxeViolations,
  launchBrowser,
  screenshots,
  settled,
  signIn,
  watchConsole,
} from './browser';

/**
 * Issue #16 in the browser, with JavaScript on and off: the author replaces one flag and keeps
 * another at preview, the moderator sees the flag that remains, and publishing asks for the
 * confirmation. After every step the keyboard focus is on the step's heading or error summary.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const JOURNEYS = [
  {
    js: true,
    path: '/temoigner',
    witness: 'Drapeau-témoin-js',
    search: 'drapeau%20temoin%20js',
    text: "Je suis CM à Lyon depuis cinq ans. Mon manager, Julien Martin, ne répond jamais le soir et je modère jusqu'à minuit. Drapeau-témoin-js.",
    ui: {
      preview: 'Voir ce qui sera enregistré',
      update: 'Mettre l’aperçu à jour',
      confirm: 'Confirmer et envoyer',
      previewTitle: 'Voici ce qui sera enregistré',
      thanks: 'Merci pour votre témoignage',
      reasonPlace: '(peut vous identifier : lieu)',
      reasonPerson: '(peut vous identifier : nom)',
    },
    nameMarker: '[nom]',
  },
  {
    js: false,
    path: '/en/testify',
    witness: 'Flag-witness-nojs',
    search: 'flag%20witness%20nojs',
    text: 'I have been the CM in Lyon for five years. My manager, Julien Martin, never answers in the evening and I moderate until midnight. Flag-witness-nojs.',
    ui: {
      preview: 'See what will be stored',
      update: 'Update the preview',
      confirm: 'Confirm and send',
      previewTitle: 'This is what will be stored',
      thanks: 'Thank you for your testimonial',
      reasonPlace: '(may identify you: place)',
      reasonPerson: '(may identify you: name)',
    },
    nameMarker: '[name]',
  },
] as const;

/** Clicks a submit button and waits for the next step: a page load, or the enhanced update. */
async function submitWith(page: Page, js: boolean, button: string) {
  if (js) {
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.locator(button).click(),
    ]);
    // focusStep moves the focus once the page shows the answer.
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-step-focus'));
  } else {
    await Promise.all([page.waitForEvent('framenavigated'), page.locator(button).click()]);
    await page.waitForLoadState('load');
  }
}

/** The element that has the keyboard focus, described by its tag and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}: ${el.textContent?.trim().slice(0, 80)}` : null;
  });

const marks = (page: Page, selector: string) =>
  page.$$eval(selector, (ms) => ms.map((m) => m.textContent));

describe.each(JOURNEYS)('flags, JavaScript $js', (journey) => {
  it('the author replaces one flag and keeps another; the moderator sees the one left and confirms it', async () => {
    const { js, ui } = journey;
    const context = await browser.newContext({ javaScriptEnabled: js });
    const author = await context.newPage();
    const problems = watchConsole(author);
    await author.goto(`${baseURL()}${journey.path}`);
    if (js) await settled(author);
    await author.fill('#text', journey.text);
    await submitWith(author, js, `button:has-text("${ui.preview}")`);

    // First preview: both flags highlighted with their reason, nothing replaced.
    await expect.poll(() => focused(author)).toBe(`h1: ${ui.previewTitle}`);
    expect(await marks(author, '.preview mark.flag')).toEqual(['Lyon', 'Julien Martin']);
    expect(await marks(author, '.preview .flag-reason')).toEqual([ui.reasonPlace, ui.reasonPerson]);
    expect(await author.locator('input[name="replace"]').count()).toBe(2);
    if (js) {
      await expectNoAxeViolations(author);
      await screenshots(author, 'testify-flags', [360]);
    }

    // Replace the name, keep the place, and look again.
    await author.locator('label', { hasText: 'Julien Martin' }).locator('input').check();
    await submitWith(author, js, `button:has-text("${ui.update}")`);
    await expect.poll(() => focused(author)).toBe(`h1: ${ui.previewTitle}`);
    expect(await marks(author, '.preview mark.flag')).toEqual(['Lyon']);
    expect(await marks(author, '.preview mark.mask')).toEqual([journey.nameMarker]);
    expect(await author.textContent('.preview')).not.toContain('Julien');
    expect(
      await author.locator('label', { hasText: 'Julien Martin' }).locator('input').isChecked(),
    ).toBe(true);
    expect(await author.locator('label', { hasText: 'Lyon' }).locator('input').isChecked()).toBe(
      false,
    );
    if (js) await expectNoAxeViolations(author);

    if (!js) {
      // Ticked but not looked at again: confirming shows the preview of the new choices first.
      await author.locator('label', { hasText: 'Lyon' }).locator('input').check();
      await submitWith(author, js, `button:has-text("${ui.confirm}")`);
      await expect.poll(() => focused(author)).toBe(`h1: ${ui.previewTitle}`);
      expect(await author.textContent('.flags-changed')).toContain('Your choices changed');
      expect(await marks(author, '.preview mark.mask')).toEqual(['[place]', '[name]']);
      await author.locator('label', { hasText: 'Lyon' }).locator('input').uncheck();
      await submitWith(author, js, `button:has-text("${ui.update}")`);
      expect(await marks(author, '.preview mark.flag')).toEqual(['Lyon']);
    }

    await submitWith(author, js, `button:has-text("${ui.confirm}")`);
    await expect.poll(() => focused(author)).toBe(`h1: ${ui.thanks}`);
    expect(await author.textContent('[data-testid="withdrawal-code"]')).toMatch(
      /^[A-Za-z0-9_-]{22}$/,
    );
    expect(problems).toEqual([]);

    // The moderator: the flag that remains is highlighted apart from the masks.
    const moderator = await context.newPage();
    await signIn(moderator);
    const card = moderator.locator('article.moderation', { hasText: journey.witness });
    expect(await card.locator('mark.flag').allTextContents()).toEqual(['Lyon']);
    expect(await card.locator('mark.mask').allTextContents()).toEqual([journey.nameMarker]);
    expect(await card.locator('.flag-reason').allTextContents()).toEqual([
      '(peut identifier l’auteur·e : lieu)',
    ]);
    if (js) {
      await expectNoAxeViolations(moderator);
      await screenshots(moderator, 'moderation-flags', [1280]);
    }

    // Publishing without the confirmation is refused, and says why, focused.
    await submitWith(
      moderator,
      js,
      `article.moderation:has-text("${journey.witness}") button:has-text("Publier")`,
    );
    await expect
      .poll(() => focused(moderator))
      .toMatch(/^div: Le texte à publier contient encore 1 passage/);
    expect(await card.count()).toBe(1);
    if (js) await expectNoAxeViolations(moderator);

    await card.locator('input[name="confirmFlags"]').check();
    await submitWith(
      moderator,
      js,
      `article.moderation:has-text("${journey.witness}") button:has-text("Publier")`,
    );
    await expect.poll(() => focused(moderator)).toBe('p: Témoignage publié.');
    expect(await card.count()).toBe(0);

    const reader = await context.newPage();
    await reader.goto(`${baseURL()}/temoignages?q=${journey.search}`);
    const published = await reader.textContent('article.testimonial');
    expect(published).toContain(journey.nameMarker);
    expect(published).toContain('Lyon');
    expect(published).not.toContain('Julien');
    await context.close();
  });
});
