/**
 * The exact attacker on the demo data: what the previous rule published (exact counts, a
 * breakdown's share and n whenever n >= k) gives suppressed cells away; a release of the same
 * responses gives the MILP nothing, alone or beside the previous release.
 */
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeCrosstabs, computeSummary } from '../../../api/findings/compute.server';
import { suppressTable } from '../../../api/findings/disclosure';
import { getDb } from '../../../api/lib/db.server';
import { auditPair, type PairOutputs } from '../../../api/releases/audit';
import { auditRelease } from '../../../api/releases/build.server';
import { getQuestionnaire, optionsOf } from '../../../api/survey/questionnaires';
import { editions } from '../../../db/schema.server';
import { addEdition, clearDatabase, highs, insertDemoResponses } from '../fixtures';

const YEAR = 2025;
const db = () => getDb(env.DB);

async function content() {
  const edition = (await db().query.editions.findFirst({ where: eq(editions.year, YEAR) }))!;
  const questionnaire = getQuestionnaire(edition.questionnaireVersion)!;
  return {
    summary: await computeSummary(db(), edition, questionnaire, true),
    crosstabs: await computeCrosstabs(db(), edition, questionnaire),
  };
}

/** The true table of a profile question × harassment (yes/no/prefer not to say). */
async function trueTable(row: string) {
  const questionnaire = getQuestionnaire('2024.1')!;
  const options = (code: string) => optionsOf(questionnaire, code).map((o) => o.code);
  const rows = options(row);
  const cols = options('exposure.harassment_12m');
  const { results } = await env.DB.prepare(
    `SELECT a.option_code AS r, b.option_code AS c, count(*) AS n FROM answers a
     JOIN answers b ON b.response_id = a.response_id AND b.question_code = 'exposure.harassment_12m'
     WHERE a.edition_year = ?1 AND a.question_code = ?2 GROUP BY 1, 2`,
  )
    .bind(YEAR, row)
    .all<{ r: string; c: string; n: number }>();
  const counts = rows.map((r) =>
    cols.map((c) => results.find((x) => x.r === r && x.c === c)?.n ?? 0),
  );
  return { rows, cols, counts };
}

/** What the previous rule published about row × harassment: exact, and shares whenever n >= k. */
function previousRule(row: string, t: Awaited<ReturnType<typeof trueTable>>): PairOutputs {
  const k = 10;
  const hide = suppressTable(t.counts, k);
  const rowTotals = t.counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = t.cols.map((_, j) => t.counts.reduce((a, r) => a + r[j]!, 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const yes = t.cols.indexOf('yes');
  const no = t.cols.indexOf('no');
  return {
    a: { code: row, options: t.rows },
    b: { code: 'exposure.harassment_12m', options: t.cols },
    k,
    noise: 0,
    respondents: null,
    crosstab: {
      counts: t.counts.map((r, i) => r.map((n, j) => (hide.cells[i]![j] ? null : n))),
      rowTotals: rowTotals.map((n, i) => (hide.rowTotals[i] ? null : n)),
      colTotals: colTotals.map((n, j) => (hide.colTotals[j] ? null : n)),
      total: hide.grandTotal ? null : total,
    },
    distributions: [],
    shares: [
      {
        groups: t.rows.map((r) => [r]),
        yes: ['yes'],
        among: ['yes', 'no'],
        cells: t.counts.map((r) => {
          const n = r[yes]! + r[no]!;
          return n >= k
            ? { share: Math.round((1000 * r[yes]!) / n) / 10, n }
            : { share: null, n: null };
        }),
      },
    ],
    previous: null,
  };
}

beforeAll(async () => {
  await clearDatabase();
  await addEdition(YEAR, 'open', { questionnaireVersion: '2024.1' });
  expect(await insertDemoResponses(YEAR, 3000)).toBeGreaterThan(900);
}, 120_000);

describe('the exact attacker on the demo data', () => {
  it('recovers suppressed cells from what the previous rule published', async () => {
    const solver = await highs();
    const found: string[] = [];
    for (const row of ['profile.gender', 'profile.employer_type', 'profile.age_band']) {
      const audit = auditPair(solver, previousRule(row, await trueTable(row)));
      found.push(...audit.findings.map((f) => `${f.target}: ${f.min}..${f.max}`));
    }
    // For example the non-binary row of gender × harassment, which the attack of issue #10 read.
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((f) => f.includes('profile.gender=non_binary'))).toBe(true);
  }, 60_000);

  it('derives nothing from a release of the same responses, nor from two releases', async () => {
    const solver = await highs();
    const first = await content();
    const alone = auditRelease(solver, first, null);
    expect(alone.pairs).toBe(first.crosstabs.length);
    expect(alone.targets).toBeGreaterThan(0);
    expect(alone.findings).toEqual([]);
    // R more responses, then the second release against the first.
    await insertDemoResponses(2024, 300, YEAR);
    const both = auditRelease(solver, await content(), first);
    expect(both.targets).toBeGreaterThan(alone.targets);
    expect(both.findings).toEqual([]);
  }, 300_000);
});
