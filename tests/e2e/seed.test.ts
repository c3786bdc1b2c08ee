import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLocalD1 } from '../../scripts/lib/local-d1';
import { prepareDatabase } from '../../scripts/lib/local-server';
import { run } from '../../scripts/lib/run';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cm-seed-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const seed = (dir: string, ...args: string[]) =>
  run('npx', ['tsx', 'scripts/seed.ts', '--persist-to', dir, ...args]);

function snapshot(dir: string) {
  const db = openLocalD1(dir);
  const all = (sql: string) => JSON.stringify(db.prepare(sql).all());
  const result = {
    counts: db
      .prepare(
        `SELECT (SELECT count(*) FROM editions) AS editions, (SELECT count(*) FROM responses) AS responses,
                (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM testimonials) AS testimonials,
                (SELECT count(*) FROM staff) AS staff`,
      )
      .get(),
    responses: all('SELECT id, edition_year, submitted_week FROM responses ORDER BY id'),
    answers: all(
      'SELECT response_id, question_code, option_code, num_value FROM answers ORDER BY 1, 2, 3',
    ),
  };
  db.close();
  return result;
}

describe('npm run seed', () => {
  it('writes the same data on two fresh databases', () => {
    const [a, b] = [freshDir(), freshDir()];
    prepareDatabase(a, 300);
    prepareDatabase(b, 300);
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(snapshot(a).counts).toMatchObject({ editions: 3, responses: 300, staff: 1 });
  });

  it('never duplicates demo data and never touches real data', () => {
    const dir = freshDir();
    prepareDatabase(dir, 300);
    const before = snapshot(dir);
    expect(seed(dir, '--responses', '300')).toMatch(/nothing to do/);
    expect(seed(dir, '--if-empty')).toMatch(/left as it is/);
    expect(snapshot(dir)).toEqual(before);

    // A real response to the open demo edition, as the survey would store it.
    const db = openLocalD1(dir);
    db.exec(
      "INSERT INTO responses (id, edition_year, submitted_week, withdrawal_hash) VALUES (42, 2026, '2026-W47', 'real')",
    );
    db.close();
    seed(dir, '--responses', '120');
    const after = openLocalD1(dir);
    expect(after.prepare('SELECT count(*) AS n FROM responses WHERE demo = 1').get()).toEqual({
      n: 120,
    });
    expect(after.prepare('SELECT id FROM responses WHERE demo = 0').all()).toEqual([{ id: 42 }]);
    after.close();
  });
});
