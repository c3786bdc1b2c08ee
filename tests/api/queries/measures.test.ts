import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { measureSql } from '../../../api/findings/measures';
import { CBI_ITEMS, WHO5_ITEMS, cbiWorkScore, who5Score } from '../../../api/findings/scoring';
import { addEdition, clearDatabase } from '../fixtures';

beforeEach(async () => {
  await clearDatabase();
  await addEdition(2026, 'open');
});

const scores = async (measure: 'who5' | 'cbi') =>
  new Map(
    (
      await env.DB.prepare(measureSql(measure))
        .bind(2026)
        .all<{ response_id: number; value: number }>()
    ).results.map((r) => [r.response_id, r.value]),
  );

describe('instrument scores in SQL', () => {
  it('equal the scoring functions on random, partly answered instruments', async () => {
    const who5Item = fc.option(fc.integer({ min: 0, max: 5 }), { nil: null, freq: 6 });
    const cbiItem = fc.option(fc.constantFrom(0, 25, 50, 75, 100), { nil: null, freq: 4 });
    const respondents = fc.array(
      fc.tuple(
        fc.array(who5Item, { minLength: 5, maxLength: 5 }),
        fc.array(cbiItem, { minLength: 7, maxLength: 7 }),
      ),
      {
        minLength: 1,
        maxLength: 15,
      },
    );
    await fc.assert(
      fc.asyncProperty(respondents, async (list) => {
        await env.DB.prepare('DELETE FROM responses').run();
        const statements = list.flatMap(([who5, cbi], i) => [
          env.DB.prepare(
            "INSERT INTO responses (id, edition_year, submitted_week, withdrawal_hash) VALUES (?, 2026, '2026-W40', ?)",
          ).bind(i + 1, `h${i}`),
          ...[
            ...who5.map((v, j) => [WHO5_ITEMS[j]!, v] as const),
            ...cbi.map((v, j) => [CBI_ITEMS[j]!, v] as const),
          ]
            .filter(([, v]) => v !== null)
            .map(([code, v]) =>
              env.DB.prepare(
                "INSERT INTO answers (response_id, edition_year, question_code, option_code, num_value) VALUES (?, 2026, ?, 'x', ?)",
              ).bind(i + 1, code, v),
            ),
        ]);
        await env.DB.batch(statements);
        const [sqlWho5, sqlCbi] = [await scores('who5'), await scores('cbi')];
        list.forEach(([who5, cbi], i) => {
          expect(sqlWho5.get(i + 1) ?? null).toBe(who5Score(who5));
          const expected = cbiWorkScore(cbi);
          if (expected === null) expect(sqlCbi.has(i + 1)).toBe(false);
          else expect(sqlCbi.get(i + 1)).toBeCloseTo(expected, 9);
        });
      }),
      { numRuns: 40 },
    );
  });
});
