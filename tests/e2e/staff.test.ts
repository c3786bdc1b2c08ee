import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepAt, totpCode } from '../../api/staff/totp';
import { DEMO_ADMIN } from '../../db/seed/generate';
import { openLocalD1 } from '../../scripts/lib/local-d1';
import {
  baseURL,
  currentTotpCode,
  expectNoAxeViolations,
  launchBrowser,
  persistDir,
  settled,
  signIn,
} from './browser';

/** Invited by the first test; the later ones sign in with it. */
const INVITED = { email: 'moderatrice-invitee@example.org', password: 'ma phrase de passe à moi' };
/** Its recovery codes, as the first test read them off the page. */
let recoveryCodes: string[] = [];

type Param = string | number | null;

function query<T>(sql: string, ...params: Param[]): T[] {
  const db = openLocalD1(persistDir());
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

function execute(sql: string, ...params: Param[]): void {
  const db = openLocalD1(persistDir());
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

/** The session behind the page's cookie, as the database keys it: the SHA-256 of its token. */
async function sessionHash(page: Page): Promise<string> {
  const host = new URL(page.url()).hostname;
  const cookie = (await page.context().cookies()).find(
    (c) => c.name === '__Host-cm_staff' && c.domain === host,
  );
  expect(cookie, 'the page has a staff session cookie').toBeDefined();
  return createHash('sha256').update(cookie!.value).digest('hex');
}

let addresses = 0;

/**
 * The password step alone, from an address of its own (the login limit counts per client): the
 * page then stands at the second factor, for the test to prove it its own way.
 */
async function enterPassword(
  page: Page,
  who: { email: string; password: string },
  next = '/admin/temoignages',
  origin = baseURL(),
): Promise<void> {
  addresses += 1;
  await page.setExtraHTTPHeaders({ 'cf-connecting-ip': `198.51.100.${addresses}` });
  await page.goto(`${origin}/admin/connexion?next=${encodeURIComponent(next)}`);
  await settled(page);
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await Promise.all([
    page.waitForURL(/\/admin\/(verification|enrolement)/),
    page.click('button[type="submit"]'),
  ]);
  await settled(page);
}

async function signOut(page: Page): Promise<void> {
  await Promise.all([
    page.waitForURL(/\/admin\/connexion$/),
    page.click('.admin-bar button:has-text("Se déconnecter")'),
  ]);
}

async function widthAt360(page: Page): Promise<number> {
  await page.setViewportSize({ width: 360, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1280, height: 800 });
  return width;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('staff accounts', () => {
  it('are joined by a one-time invitation, then a TOTP key and recovery codes, without JavaScript', async () => {
    const adminContext = await browser.newContext({ javaScriptEnabled: false });
    const admin = await adminContext.newPage();
    await signIn(admin, DEMO_ADMIN, '/admin/equipe');
    await admin.fill('#invite-email', INVITED.email);
    await admin.selectOption('#invite-role', 'moderator');
    await admin.click('form[action="?/invite"] button[type="submit"]');
    await admin.waitForSelector('[data-testid="invitation"]');
    expect(await admin.textContent('[data-testid="invitation"] h2')).toContain(INVITED.email);
    const link = (await admin.textContent('[data-testid="invitation"] code'))!.trim();
    expect(link).toMatch(new RegExp(`^${baseURL()}/admin/invitation/[A-Za-z0-9_-]{43}$`));
    // The link is readable once: the database keeps only its hash.
    await admin.reload();
    expect(await admin.locator('[data-testid="invitation"]').count()).toBe(0);
    expect(await admin.textContent('body')).not.toContain(link);

    const context = await browser.newContext({ javaScriptEnabled: false });
    const invitee = await context.newPage();
    await invitee.goto(link);
    expect(await invitee.textContent('main')).toContain(INVITED.email);
    await invitee.fill('#password', INVITED.password);
    await invitee.fill('#confirm', INVITED.password);
    await Promise.all([
      invitee.waitForURL(/\/admin\/enrolement$/),
      invitee.click('button[type="submit"]'),
    ]);

    const shown = (await invitee.textContent('[data-testid="totp-key"]'))!;
    expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/);
    const secret = shown.replace(/\s/g, '');
    expect(await invitee.getAttribute('input[name="secret"]', 'value')).toBe(secret);
    // A mistyped code is refused, with the focus on why, and the same key stays on the page.
    const right = totpCode(secret, stepAt(new Date()));
    await invitee.fill(
      '#code',
      right.replace(/^\d/, (d) => String((Number(d) + 5) % 10)),
    );
    await Promise.all([
      invitee.waitForLoadState('load'),
      invitee.click('form[action^="?/totp"] button'),
    ]);
    await invitee.waitForSelector('#code-error');
    await expect.poll(() => invitee.evaluate(() => document.activeElement?.id)).toBe('code-error');
    expect((await invitee.textContent('[data-testid="totp-key"]'))!.replace(/\s/g, '')).toBe(
      secret,
    );
    await invitee.fill('#code', totpCode(secret, stepAt(new Date())));
    await Promise.all([
      invitee.waitForURL(/\/admin\/codes-de-secours\?next=%2Fadmin%2Ftemoignages$/),
      invitee.click('form[action^="?/totp"] button'),
    ]);

    recoveryCodes = await invitee.locator('[data-testid="recovery-codes"] code').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    const onward = await invitee.getAttribute('a.button:not(.secondary)', 'href');
    expect(onward).toBe('/admin/temoignages');
    // Shown once: a refresh finds them no more.
    await invitee.reload();
    expect(await invitee.locator('[data-testid="recovery-codes"]').count()).toBe(0);
    expect(await invitee.textContent('main')).toContain("ne s'affichent qu'une fois");
    expect(await invitee.textContent('main')).not.toContain(recoveryCodes[0]);
    await invitee.goto(`${baseURL()}${onward}`);
    expect(invitee.url()).toBe(`${baseURL()}/admin/temoignages`);
    expect(await invitee.textContent('.admin-bar')).toContain(INVITED.email);
    expect(await invitee.locator('.admin-bar nav a').allTextContents()).toEqual([
      'Modération',
      'Mon compte',
    ]);

    // The link served once.
    const used = await invitee.goto(link);
    expect(used?.status()).toBe(404);
    expect(await invitee.textContent('main')).toContain("Ce lien d'invitation a déjà servi");
    expect(await invitee.locator('#password').count()).toBe(0);

    // The admin sees the new account, with its factor.
    await admin.reload();
    const row = admin.locator(`tr[data-email="${INVITED.email}"]`);
    expect(await row.locator('select[name="role"]').inputValue()).toBe('moderator');
    expect(await row.textContent()).toContain('application');

    const log = query<{ action: string; target: string | null; actor: string }>(
      `SELECT a.action, a.target, s.email AS actor FROM audit_log a JOIN staff s ON s.id = a.staff_id
       WHERE a.target = ? OR s.email = ? ORDER BY a.id`,
      INVITED.email,
      INVITED.email,
    );
    expect(log.map((e) => `${e.action} by ${e.actor}`)).toEqual([
      `staff.invited by ${DEMO_ADMIN.email}`,
      `staff.invite_accepted by ${INVITED.email}`,
      `staff.totp_enrolled by ${INVITED.email}`,
      `staff.recovery_codes_renewed by ${INVITED.email}`,
    ]);
    expect(log[0]!.target).toBe(INVITED.email);
    await context.close();
    await adminContext.close();
  });

  it('let a recovery code stand in for the second factor once', async () => {
    expect(recoveryCodes).toHaveLength(10);
    const [code] = recoveryCodes as [string];
    const left = () =>
      query<{ n: number }>(
        'SELECT count(*) AS n FROM recovery_codes r JOIN staff s ON s.id = r.staff_id WHERE s.email = ?',
        INVITED.email,
      )[0]!.n;
    const page = await browser.newPage();
    await enterPassword(page, INVITED);
    expect(page.url()).toContain('/admin/verification');
    await page.click('details.recovery summary');
    // Typed as people copy it: in capitals, with spaces for dashes.
    await page.fill('#recoveryCode', code.toUpperCase().replace(/-/g, ' '));
    await Promise.all([
      page.waitForURL(/\/admin\/temoignages$/),
      page.click('form[action^="?/recovery"] button'),
    ]);
    expect(left()).toBe(9);
    await signOut(page);

    await enterPassword(page, INVITED);
    expect(await page.textContent('details.recovery summary')).toContain('9 restants');
    await page.click('details.recovery summary');
    await page.fill('#recoveryCode', code);
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('form[action^="?/recovery"] button'),
    ]);
    await page.waitForSelector('#recovery-error');
    expect(page.url()).toContain('/admin/verification');
    expect(await page.textContent('#recovery-error')).toContain(
      "Ce code n'est pas valide ou a déjà servi.",
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('recovery-error');
    expect(await page.getAttribute('details.recovery', 'open')).not.toBeNull();
    expect(left()).toBe(9);
    await page.close();
  });

  it('add a passkey that then proves the second factor, with JavaScript', async () => {
    // WebAuthn refuses an IP address as the relying party: the same Worker, named localhost.
    const origin = baseURL().replace('//127.0.0.1:', '//localhost:');
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    const keys = () =>
      query<{ last_used_at: string | null }>(
        'SELECT p.last_used_at FROM passkeys p JOIN staff s ON s.id = p.staff_id WHERE s.email = ?',
        INVITED.email,
      );

    await enterPassword(page, INVITED, '/admin/compte', origin);
    // No passkey yet: codes only.
    expect(await page.locator('button:has-text("Utiliser ma clé d\'accès")').count()).toBe(0);
    await page.fill('#code', currentTotpCode(INVITED.email));
    await Promise.all([
      page.waitForURL(/\/admin\/compte$/),
      page.click('form[action^="?/totp"] button'),
    ]);
    await Promise.all([
      page.waitForURL(/\/admin\/enrolement\?next=/),
      page.click('a:has-text("Ajouter une clé d\'accès")'),
    ]);
    await settled(page);
    // The API's answer first: a refused ceremony fails here, not as a navigation that never comes.
    const [registered] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/staff/passkeys/registration')),
      page.click('button:has-text("Ajouter une clé d\'accès")'),
    ]);
    expect(registered.status(), 'the passkey registration is accepted').toBe(204);
    await page.waitForURL((url) => url.pathname === '/admin/compte');
    expect(await page.textContent('main')).toContain("1 clé d'accès");
    expect(keys()).toEqual([{ last_used_at: null }]);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials.map((c) => c.rpId)).toEqual(['localhost']);

    await signOut(page);
    await enterPassword(page, INVITED, '/admin/temoignages', origin);
    const [proven] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/staff/passkeys/authentication')),
      page.click('button:has-text("Utiliser ma clé d\'accès")'),
    ]);
    expect(proven.status(), 'the passkey assertion is accepted').toBe(204);
    await page.waitForURL(/\/admin\/temoignages$/);
    expect(await page.textContent('.admin-bar')).toContain(INVITED.email);
    expect(keys()).toHaveLength(1);
    expect(keys()[0]!.last_used_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const verified = query<{ verified_at: string }>(
      'SELECT verified_at FROM sessions WHERE token_hash = ?',
      await sessionHash(page),
    );
    expect(verified[0]!.verified_at).not.toBe('');
    await context.close();
  });

  it('ask for the second factor again before staff changes, ten minutes after the last', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO_ADMIN, '/admin/compte');
    const hash = await sessionHash(page);
    execute(
      'UPDATE sessions SET verified_at = ? WHERE token_hash = ?',
      new Date(Date.now() - 11 * 60_000).toISOString(),
      hash,
    );
    await page.goto(`${baseURL()}/admin/equipe`);
    await settled(page);
    expect(page.url()).toBe(`${baseURL()}/admin/verification?next=%2Fadmin%2Fequipe`);
    expect(await page.textContent('h1')).toBe("Confirmer que c'est vous");
    await page.fill('#code', currentTotpCode(DEMO_ADMIN.email));
    await Promise.all([
      page.waitForURL(/\/admin\/equipe$/),
      page.click('form[action^="?/totp"] button'),
    ]);
    expect(await page.textContent('h1')).toBe('Équipe');
    const [session] = query<{ verified_at: string }>(
      'SELECT verified_at FROM sessions WHERE token_hash = ?',
      hash,
    );
    expect(Date.now() - Date.parse(session!.verified_at)).toBeLessThan(60_000);
    await page.close();
  });

  it("let an admin end another member's session", async () => {
    const moderator = await browser.newPage();
    await signIn(moderator, INVITED);
    const hash = await sessionHash(moderator);
    const [target] = query<{ id: string }>('SELECT id FROM sessions WHERE token_hash = ?', hash);

    const admin = await browser.newPage();
    await signIn(admin, DEMO_ADMIN, '/admin/equipe');
    const revoke = admin.locator(
      `form[action="?/revoke"]:has(input[name="id"][value="${target!.id}"]) button`,
    );
    expect(await revoke.count()).toBe(1);
    await Promise.all([admin.waitForLoadState('load'), revoke.click()]);
    await expect.poll(() => revoke.count()).toBe(0);
    expect(query('SELECT 1 FROM sessions WHERE token_hash = ?', hash)).toEqual([]);
    // The admin's own session lives on.
    expect(query('SELECT 1 FROM sessions WHERE token_hash = ?', await sessionHash(admin))).toEqual([
      { 1: 1 },
    ]);

    await Promise.all([
      moderator.waitForURL(/\/admin\/connexion\?next=%2Fadmin%2Fcompte$/),
      moderator.click('.admin-bar a:has-text("Mon compte")'),
    ]);
    expect(await moderator.locator('#password').count()).toBe(1);
    await moderator.close();
    await admin.close();
  });

  it('have second-factor and team pages that pass axe and fit a phone', async () => {
    const page = await browser.newPage();
    await enterPassword(page, DEMO_ADMIN, '/admin/equipe');
    expect(page.url()).toBe(`${baseURL()}/admin/verification?next=%2Fadmin%2Fequipe`);
    await expectNoAxeViolations(page);
    await page.fill('#code', currentTotpCode(DEMO_ADMIN.email));
    await Promise.all([
      page.waitForURL(/\/admin\/equipe$/),
      page.click('form[action^="?/totp"] button'),
    ]);
    await settled(page);
    await expectNoAxeViolations(page);
    expect(await widthAt360(page)).toBeLessThanOrEqual(360);

    await page.goto(`${baseURL()}/admin/enrolement?next=/admin/compte`);
    await settled(page);
    expect(await page.locator('[data-testid="totp-key"]').count()).toBe(1);
    await expectNoAxeViolations(page);
    expect(await widthAt360(page)).toBeLessThanOrEqual(360);

    await page.goto(`${baseURL()}/admin/compte`);
    await settled(page);
    await expectNoAxeViolations(page);
    await Promise.all([
      page.waitForURL(/\/admin\/codes-de-secours/),
      page.click('button:has-text("Créer de nouveaux codes de secours")'),
    ]);
    await settled(page);
    expect(await page.locator('[data-testid="recovery-codes"] li').count()).toBe(10);
    await expectNoAxeViolations(page);
    await page.close();
  });
});
