import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { reviewForAuthor } from '../../../api/testimonials/flag-review';
import { redact } from '../../../api/testimonials/redact';
import { addStaff, api, clearDatabase, count, newClient, postJson, signIn } from '../fixtures';

/** Issue #16, parts 2 and 3 through the API: flags stay in the text until someone decides. */

const FLAGGED =
  "À la mairie de Saint-Brieuc, je suis la seule à gérer les comptes. Les soirs de conseil municipal, je modère jusqu'à minuit. Écrivez-moi : prenom.nom@exemple.fr.";
const PLAIN =
  "Je suis CM en agence depuis cinq ans. Les soirs de crise, je modère jusqu'à minuit, seule, et personne ne le voit.";

interface QueueItem {
  id: string;
  text: string;
  flags: { start: number; end: number; text: string; kind: string }[];
}
interface ErrorBody {
  error: { code: string; fields: Record<string, string> };
}

const submit = async (text: string, lang: 'fr' | 'en' = 'fr') => {
  const res = await postJson('/api/v1/testimonials', { text, lang });
  expect(res.status).toBe(201);
  return (await res.json()) as { redactedText: string };
};
const staffCall = (path: string, cookie: string, body?: unknown) =>
  api(`/api/v1/staff${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': newClient(), cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const queue = async (cookie: string) =>
  (
    (await (await staffCall('/testimonials?status=pending', cookie)).json()) as {
      items: QueueItem[];
    }
  ).items;
const row = (id: string) =>
  env.DB.prepare('SELECT status, text, published_on FROM testimonials WHERE id = ?')
    .bind(id)
    .first<{ status: string; text: string; published_on: string | null }>();
const audit = async () =>
  (
    await env.DB.prepare(
      "SELECT action, target, detail_json FROM audit_log WHERE action = 'testimonial.publish'",
    ).all<{ action: string; target: string; detail_json: string }>()
  ).results;

let mod: string;
beforeEach(async () => {
  await clearDatabase();
  await addStaff('mod@example.org', 'moderator');
  mod = await signIn('mod@example.org');
});

describe('the moderation queue', () => {
  it('carries the flags that remain in the stored text, computed again, apart from the masks', async () => {
    await submit(FLAGGED);
    const [item] = await queue(mod);
    expect(item!.text).toContain('[email]');
    expect(item!.flags.map((f) => [f.kind, f.text])).toEqual([
      ['organisation', 'mairie de Saint-Brieuc'],
      ['singling_out', 'la seule à gérer'],
    ]);
    for (const flag of item!.flags) expect(item!.text.slice(flag.start, flag.end)).toBe(flag.text);
  });
});

describe('publishing with flags still open', () => {
  it('is refused without confirmation, naming the field, and nothing changes', async () => {
    await submit(FLAGGED);
    const [{ id }] = (await queue(mod)) as [QueueItem];
    const before = await row(id);
    for (const body of [{}, { confirmFlags: false }, { themes: ['isolation'] }]) {
      const res = await staffCall(`/testimonials/${id}/publish`, mod, body);
      expect(res.status).toBe(409);
      const { error } = (await res.json()) as ErrorBody;
      expect(error.code).toBe('flags_unconfirmed');
      expect(Object.keys(error.fields)).toEqual(['confirmFlags']);
    }
    expect(await row(id)).toEqual(before);
    expect(before!.status).toBe('pending');
    expect(await count('testimonial_themes')).toBe(0);
    expect(await audit()).toEqual([]);
    expect((await api('/api/v1/testimonials')).status).toBe(200);
    expect(((await (await api('/api/v1/testimonials')).json()) as { items: [] }).items).toEqual([]);
  });

  it('publishes once confirmed, and the audit log records the confirmation without the words', async () => {
    await submit(FLAGGED);
    const [{ id, text }] = (await queue(mod)) as [QueueItem];
    const res = await staffCall(`/testimonials/${id}/publish`, mod, { confirmFlags: true });
    expect(res.status).toBe(200);
    expect(await row(id)).toMatchObject({ status: 'published', text });
    const [entry] = await audit();
    expect(entry).toMatchObject({ action: 'testimonial.publish', target: id });
    const detail = JSON.parse(entry!.detail_json) as Record<string, unknown>;
    expect(detail.confirmedFlags).toEqual({ organisation: 1, singling_out: 1 });
    expect(entry!.detail_json).not.toMatch(/Brieuc|mairie|seule/);
  });

  it('needs no confirmation for a text without flags', async () => {
    await submit(PLAIN);
    const [{ id, flags }] = (await queue(mod)) as [QueueItem];
    expect(flags).toEqual([]);
    expect((await staffCall(`/testimonials/${id}/publish`, mod, {})).status).toBe(200);
    const [entry] = await audit();
    expect(JSON.parse(entry!.detail_json)).not.toHaveProperty('confirmedFlags');
  });
});

describe('a moderator’s edit', () => {
  it('is redacted and flagged again: flags it brings need the confirmation too', async () => {
    await submit(PLAIN);
    const [{ id }] = (await queue(mod)) as [QueueItem];
    const edit = `${PLAIN} Mon manager, Julien Martin, me rappelle au 06 12 34 56 78.`;
    const refused = await staffCall(`/testimonials/${id}/publish`, mod, { text: edit });
    expect(refused.status).toBe(409);
    expect(await row(id)).toMatchObject({ status: 'pending', text: PLAIN });

    const res = await staffCall(`/testimonials/${id}/publish`, mod, {
      text: edit,
      confirmFlags: true,
    });
    expect(res.status).toBe(200);
    const stored = await row(id);
    expect(stored!.text).toContain('Julien Martin');
    expect(stored!.text).toContain('[téléphone]');
    const [entry] = await audit();
    expect(JSON.parse(entry!.detail_json)).toMatchObject({
      edited: true,
      confirmedFlags: { person: 1 },
    });
  });

  it('that takes the flags out publishes without confirmation', async () => {
    await submit(FLAGGED);
    const [{ id }] = (await queue(mod)) as [QueueItem];
    const edit =
      "Dans une [organisation], je gère les comptes. Les soirs de conseil, je modère jusqu'à minuit.";
    const res = await staffCall(`/testimonials/${id}/publish`, mod, { text: edit });
    expect(res.status).toBe(200);
    expect((await row(id))!.text).toBe(edit);
  });
});

describe('properties', () => {
  it('submitting with no replacement chosen stores the redacted text exactly', async () => {
    const words = fc.constantFrom(
      'Julien Martin',
      'Saint-Brieuc',
      'chez Decathlon',
      'la seule CM',
      'Lyon',
      'prenom.nom@exemple.fr',
      '06 12 34 56 78',
      '@cm_lyon',
      'je modère',
      'le soir',
      'Orange',
      'Nice',
      '[nom]',
      '.',
      ',',
    );
    const text = fc
      .tuple(fc.array(words, { minLength: 8, maxLength: 40 }), fc.string({ maxLength: 30 }))
      .map(([parts, noise]) => `Témoignage : ${parts.join(' ')} ${noise} et voilà, fin du récit.`)
      .filter((t) => t.trim().length >= 50 && t.trim().length <= 5000);
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom('fr' as const, 'en' as const), async (t, lang) => {
        await env.DB.prepare('DELETE FROM testimonials').run();
        const expected = redact(t.trim(), lang).text;
        // What the form stores when the author ticks nothing, and what the API stores.
        expect(reviewForAuthor(t, lang, []).text).toBe(expected);
        const receipt = await submit(t, lang);
        expect(receipt.redactedText).toBe(expected);
        const stored = await env.DB.prepare('SELECT text FROM testimonials').first<{
          text: string;
        }>();
        expect(stored!.text).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });
});
