import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { transitionEdition } from '../../../api/editions/service.server';
import { sha256Hex } from '../../../api/lib/crypto';
import { getDb } from '../../../api/lib/db.server';
import { reportQuotesOf } from '../../../api/report/quotes.server';
import { withdrawTestimonial } from '../../../api/testimonials/service.server';
import { addEdition, addStaff, clearDatabase, count } from '../fixtures';

const db = () => getDb(env.DB);

async function addTestimony(id: string, publishedOn: string, themes: string[]) {
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO testimonials (id, text, lang, submitted_week, withdrawal_hash, status, published_on, call_slug) VALUES (?, 'Un témoignage assez long pour être publié.', 'fr', '2027-W40', ?, 'published', ?, 'appel')",
    ).bind(id, await sha256Hex(`code-${id}`), publishedOn),
    ...themes.map((theme) =>
      env.DB.prepare('INSERT INTO testimonial_themes (testimonial_id, theme) VALUES (?, ?)').bind(
        id,
        theme,
      ),
    ),
  ]);
}

const publish = async () => {
  const admin = (await env.DB.prepare('SELECT id, email, role FROM staff').first<{
    id: number;
    email: string;
    role: 'admin';
  }>())!;
  await transitionEdition(db(), admin, 2027, 'published');
};

const quoted = async (published: boolean) =>
  (await reportQuotesOf(db(), 2027, published)).map((g) => [g.theme, g.items.map((t) => t.id)]);

beforeEach(async () => {
  await clearDatabase();
  await addEdition(2027, 'closed');
  await addStaff('admin@example.org', 'admin');
  await env.DB.prepare(
    "INSERT INTO calls (slug, title_fr, title_en, prompt_fr, prompt_en, opens_on, closes_on, edition_year, created_at) VALUES ('appel', 'Appel', 'Call', 'Racontez.', 'Tell.', '2027-01-01', '2027-12-31', 2027, '2027-01-01')",
  ).run();
  await addTestimony('first', '2027-10-01', ['isolation']);
  await addTestimony('second', '2027-10-02', ['isolation', 'workload']);
});

describe("the report's quotes", () => {
  it('are chosen at publication and kept: a newer testimony does not enter the report', async () => {
    await publish();
    // "second" touches workload too, but is quoted once, under the first theme.
    const atPublication = [['isolation', ['second', 'first']]];
    expect(await quoted(true)).toEqual(atPublication);
    expect(await count('report_quotes', 'edition_year = 2027')).toBe(2);

    await addTestimony('later', '2027-12-20', ['isolation', 'workload']);
    expect(await quoted(true)).toEqual(atPublication);
    // Chosen today instead, the newer one would be quoted: the freeze is what keeps it out.
    expect(await quoted(false)).toEqual([['isolation', ['later', 'second']]]);
  });

  it('let a withdrawal through: the author’s withdrawal outranks the freeze', async () => {
    await publish();
    expect(await withdrawTestimonial(db(), 'code-second')).toBe(true);
    expect(await quoted(true)).toEqual([['isolation', ['first']]]);
    expect(await count('report_quotes')).toBe(1);
  });
});
