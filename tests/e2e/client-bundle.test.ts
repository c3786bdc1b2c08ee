import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTableColumns, getTableName, isTable } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema.server';
import { questionnaires, questionsOf } from '../../api/survey/questionnaires';

/** What the browser downloads: the client chunks of the built Worker (`npm run build`). */
const CLIENT = '.svelte-kit/cloudflare/_app/immutable';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const tables = Object.values(schema).filter((value) => isTable(value));

/**
 * The names only the schema uses: its tables and columns in snake_case. Single words such as
 * "answers" or "status" are also ordinary keys of the pages' data, and the profile columns of
 * responses and testimonials are the questionnaire's own codes, so they prove nothing.
 */
const questionCodes = new Set(
  Object.values(questionnaires).flatMap((questionnaire) =>
    questionsOf(questionnaire).map((q) => q.code.split('.').at(-1)!),
  ),
);
const schemaNames = [
  ...tables.map((table) => getTableName(table)),
  ...tables.flatMap((table) => Object.values(getTableColumns(table)).map((column) => column.name)),
].filter((name) => name.includes('_') && !questionCodes.has(name));

describe('the code sent to the browser', () => {
  const chunks = files(CLIENT).filter((file) => file.endsWith('.js'));

  it('is the built app', () => {
    expect(chunks.length).toBeGreaterThan(20);
    expect(schemaNames).toEqual(
      expect.arrayContaining(['audit_log', 'survey_drafts', 'password_hash', 'token_hash']),
    );
  });

  it('holds neither drizzle nor the names of the schema', () => {
    for (const file of chunks) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/drizzle|sqliteTable|getTableConfig/i);
      for (const name of schemaNames)
        expect(text, `${file}: ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
  });

  it('holds no part of the testimonial flagger’s gazetteer, which stays on the server', () => {
    // Lists of the generated gazetteer (api/testimonials/gazetteer.generated.ts), as stored.
    for (const file of chunks) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toContain('aaliyah|aaron|abagail');
      expect(text, file).not.toContain('abbott|abegglen|abernathy');
      expect(text, file).not.toContain('@etalab/decoupage-administratif@');
    }
  });
});
