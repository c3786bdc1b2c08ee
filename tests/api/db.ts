import { env } from 'cloudflare:workers';

/** Children before parents, so foreign keys hold while emptying. */
const TABLES = [
  'release_outputs',
  'releases',
  'aggregates',
  'audit_log',
  'sessions',
  'testimonial_themes',
  'testimonials',
  'staff',
  'survey_drafts',
  'answers',
  'responses',
  'editions',
];

/** Empties every table, so each test starts from the migrated, empty database. */
export async function clearDatabase(): Promise<void> {
  await env.DB.batch(TABLES.map((t) => env.DB.prepare(`DELETE FROM ${t}`)));
}
