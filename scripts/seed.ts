/**
 * Seeds the local D1 with demo data. Never runs against a remote database:
 * it only opens the local file that wrangler keeps.
 *
 *   npm run seed                       3,000 responses (or replace the demo data)
 *   npm run seed -- --responses 100000
 *   npm run seed -- --if-empty         seed only a database with no edition (npm start)
 *
 * Only rows marked demo are ever replaced: real responses, testimonials and
 * staff stay as they are.
 */
import { parseArgs } from 'node:util';
import { persistOption } from './lib/args';
import { openLocalD1 } from './lib/local-d1';
import { progressBar } from './lib/progress';
import { QUOTES_PER_THEME, pickPerTheme } from '../api/report/testimonial-selection';
import { THEME_CODES } from '../api/testimonials/themes';
import { hashPassword } from '../api/lib/crypto';
import {
  DEFAULT_RESPONSES,
  DEFAULT_SEED,
  DEMO_ADMIN,
  demoCalls,
  demoEditions,
  generateExtraTestimonials,
  generateResponses,
  generateTestimonials,
  type DemoTestimonialRow,
} from '../db/seed/generate';

const { values: args } = parseArgs({
  options: {
    responses: { type: 'string' },
    testimonials: { type: 'string' },
    'if-empty': { type: 'boolean' },
    ...persistOption,
  },
});
const total = Number(args.responses ?? DEFAULT_RESPONSES);
const extraTestimonials = Number(args.testimonials ?? 0);
if (
  !Number.isInteger(extraTestimonials) ||
  extraTestimonials < 0 ||
  extraTestimonials > 1_000_000
) {
  console.error('--testimonials must be a whole number between 0 and 1,000,000.');
  process.exit(2);
}
if (!Number.isInteger(total) || total < 0 || total > 1_000_000) {
  console.error('--responses must be a whole number between 0 and 1,000,000.');
  process.exit(2);
}

const db = openLocalD1(args['persist-to']);
const count = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);

if (args['if-empty'] && count('SELECT count(*) AS n FROM editions') > 0) {
  console.log('The local database already has editions: demo data left as it is.');
  process.exit(0);
}
const realEditions = count('SELECT count(*) AS n FROM editions WHERE demo = 0');
if (realEditions > 0) {
  console.error('The local database holds real (non-demo) editions: the seed will not touch it.');
  process.exit(1);
}
const demoResponses = count('SELECT count(*) AS n FROM responses WHERE demo = 1');
const demoTestimonials = count('SELECT count(*) AS n FROM testimonials WHERE demo = 1');
if (demoResponses === total && demoTestimonials > 0 && extraTestimonials === 0) {
  console.log(
    `Demo data already present (${total.toLocaleString('en')} responses): nothing to do.`,
  );
  process.exit(0);
}

const adminHash = await hashPassword(DEMO_ADMIN.password);
const now = new Date();
const started = performance.now();
db.exec('BEGIN');
try {
  db.exec('DELETE FROM responses WHERE demo = 1');
  db.exec('DELETE FROM testimonials WHERE demo = 1');
  // Releases of the demo editions describe the old demo data: the release job builds new ones.
  const demoYears = 'SELECT year FROM editions WHERE demo = 1';
  db.exec(
    `DELETE FROM release_outputs WHERE release_id IN (SELECT id FROM releases WHERE edition_year IN (${demoYears}))`,
  );
  db.exec(`DELETE FROM releases WHERE edition_year IN (${demoYears})`);

  const upsertEdition = db.prepare(
    `INSERT INTO editions (year, status, questionnaire_version, opens_on, closes_on, published_on, k, demo)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1)
     ON CONFLICT(year) DO NOTHING`,
  );
  // Published editions ask for their final release, the open one for a provisional one: the
  // release job (the Worker's Cron Trigger) builds them as it would in production.
  const requestRelease = db.prepare('UPDATE editions SET release_requested = ? WHERE year = ?');
  for (const e of demoEditions) {
    upsertEdition.run(
      e.year,
      e.status,
      e.questionnaireVersion,
      e.opensOn,
      e.closesOn,
      e.publishedOn,
      e.k,
    );
    requestRelease.run(e.status === 'published' ? 'final' : 'provisional', e.year);
  }

  // Calls carry no demo mark: the demo's are known by their addresses, and replaced like the
  // rest of the demo data, so that the open one is open around today.
  const upsertCall = db.prepare(
    `INSERT INTO calls (slug, title_fr, title_en, prompt_fr, prompt_en, opens_on, closes_on, themes_json, edition_year, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(slug) DO UPDATE SET title_fr = excluded.title_fr, title_en = excluded.title_en,
       prompt_fr = excluded.prompt_fr, prompt_en = excluded.prompt_en, opens_on = excluded.opens_on,
       closes_on = excluded.closes_on, themes_json = excluded.themes_json, edition_year = excluded.edition_year`,
  );
  for (const c of demoCalls(now))
    upsertCall.run(
      c.slug,
      c.title.fr,
      c.title.en,
      c.prompt.fr,
      c.prompt.en,
      c.opensOn,
      c.closesOn,
      JSON.stringify(c.themes),
      c.editionYear,
      now.toISOString(),
    );

  const insertResponse = db.prepare(
    'INSERT INTO responses (id, edition_year, submitted_week, withdrawal_hash, demo) VALUES (?, ?, ?, ?, 1)',
  );
  const insertAnswer = db.prepare(
    'INSERT INTO answers (response_id, edition_year, question_code, option_code, num_value) VALUES (?, ?, ?, ?, ?)',
  );
  const bar = progressBar('responses', total);
  let done = 0;
  for (const r of generateResponses(total)) {
    insertResponse.run(r.id, r.editionYear, r.submittedWeek, r.withdrawalHash);
    for (const a of r.answers)
      insertAnswer.run(r.id, r.editionYear, a.questionCode, a.optionCode, a.numValue);
    bar.update(++done);
  }
  bar.done();

  const insertTestimonial = db.prepare(
    `INSERT INTO testimonials (id, text, lang, employer_type, experience, status, reject_reason, submitted_week, published_on, withdrawal_hash, call_slug, demo)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const insertTheme = db.prepare(
    'INSERT INTO testimonial_themes (testimonial_id, theme) VALUES (?, ?)',
  );
  const insert = (t: DemoTestimonialRow) => {
    insertTestimonial.run(
      t.id,
      t.text,
      t.lang,
      t.employerType ?? null,
      t.experience ?? null,
      t.status,
      t.rejectReason ?? null,
      t.submittedWeek,
      t.publishedOn,
      t.withdrawalHash,
      t.call,
    );
    for (const theme of t.themes) insertTheme.run(t.id, theme);
  };
  generateTestimonials(DEFAULT_SEED, now).forEach(insert);
  if (extraTestimonials > 0) {
    const testimonialBar = progressBar('testimonials', extraTestimonials);
    let written = 0;
    for (const t of generateExtraTestimonials(extraTestimonials)) {
      insert(t);
      testimonialBar.update(++written);
    }
    testimonialBar.done();
  }

  // The published demo editions' reports quote what their calls gathered, as publishing would
  // have chosen it (api/report/quotes.server.ts): newest first, two a theme, each once.
  const candidates = db.prepare(
    `SELECT t.id FROM testimonials t JOIN testimonial_themes th ON th.testimonial_id = t.id
     JOIN calls c ON c.slug = t.call_slug
     WHERE t.status = 'published' AND c.edition_year = ? AND th.theme = ?
     ORDER BY t.published_on DESC, t.id DESC LIMIT ?`,
  );
  const insertQuote = db.prepare(
    'INSERT INTO report_quotes (edition_year, testimonial_id, theme, position) VALUES (?, ?, ?, ?)',
  );
  for (const e of demoEditions.filter((d) => d.status === 'published')) {
    db.prepare('DELETE FROM report_quotes WHERE edition_year = ?').run(e.year);
    const picked = pickPerTheme(
      THEME_CODES.map((theme) => ({
        theme,
        items: candidates.all(e.year, theme, QUOTES_PER_THEME * 2) as { id: string }[],
      })),
      QUOTES_PER_THEME,
    );
    let position = 0;
    for (const { theme, items } of picked)
      for (const t of items) insertQuote.run(e.year, t.id, theme, position++);
  }

  db.prepare(
    `INSERT INTO staff (email, password_hash, role, totp_secret, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(email) DO NOTHING`,
  ).run(DEMO_ADMIN.email, adminHash, DEMO_ADMIN.role, DEMO_ADMIN.totpSecret, now.toISOString());
  db.exec('COMMIT');
} catch (error) {
  db.exec('ROLLBACK');
  throw error;
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `Seeded ${total.toLocaleString('en')} demo responses, ${count('SELECT count(*) AS n FROM testimonials WHERE demo = 1').toLocaleString('en')} testimonials and the demo admin (${DEMO_ADMIN.email}) in ${seconds.toFixed(1)} s.`,
);
