import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../../api/lib/db.server';
import { getQuestionnaire } from '../../../api/survey/questionnaires';
import { openEdition, submitResponse } from '../../../api/survey/service.server';
import type { Answers } from '../../../api/survey/answers';
import { EMPTY, addCounted, perturb, recordKey } from '../../../api/findings/cellkey';
import { addEdition, api, clearDatabase, release } from '../fixtures';

/** The published value of the count of these responses: the truth plus their key's noise. */
async function published(where = '1 = 1'): Promise<number> {
  const { results } = await env.DB.prepare(
    `SELECT id FROM responses WHERE edition_year = 2026 AND withdrawn = 0 AND ${where}`,
  ).all<{ id: number }>();
  return perturb(results.map((r) => ({ n: 1, key: recordKey(r.id) })).reduce(addCounted, EMPTY));
}
const answered = (question: string, option: string) =>
  `id IN (SELECT response_id FROM answers WHERE question_code = '${question}' AND option_code = '${option}')`;

/**
 * Twelve respondents whose figures were computed by hand (with Python's
 * statistics module, independently of this code): see the expectations.
 * Means, medians and intervals are exact; counts are published with their
 * cell-key noise, which the test recomputes from the records behind each.
 */
const WHO5_SUMS = [5, 7, 10, 12, 13, 15, 17, 18, 20, 22, 24, 25];
const OVERTIME = [0, 2, 4, 5, 5, 6, 8, 10, 10, 12, 15, 20];
const EVENINGS = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3];

/** Five WHO-5 items (0–5 each) adding up to `sum`. */
const who5Items = (sum: number) =>
  Array.from({ length: 5 }, (_, i) => Math.floor(sum / 5) + (i < sum % 5 ? 1 : 0));

function respondent(i: number): Answers {
  const items = who5Items(WHO5_SUMS[i]!);
  const answers: Answers = {
    'profile.employer_type': i < 7 ? 'agency' : 'brand',
    'profile.region': i % 2 === 0 ? 'idf' : 'ara',
    'profile.gender': i < 10 ? 'woman' : 'man',
    'work.hours_contract': 35,
    'work.hours_actual': 35 + OVERTIME[i]!,
    'work.evenings_per_week': EVENINGS[i]!,
  };
  items.forEach((score, j) => (answers[`wellbeing.who5_${j + 1}`] = `f${score}`));
  return answers;
}

interface Indicator {
  code: string;
  value: number | null;
  ci: [number, number] | null;
  n: number | null;
  suppressed: boolean;
}
const indicator = async (code: string) => {
  const body = (await (await api('/api/v1/editions/2026/indicators')).json()) as {
    indicators: Indicator[];
  };
  return body.indicators.find((i) => i.code === code)!;
};
const breakdown = async (code: string, by: string) =>
  (
    (await (await api(`/api/v1/editions/2026/breakdowns/${code}?by=${by}`)).json()) as {
      cells: (Indicator & { group: string })[];
    }
  ).cells;

beforeAll(async () => {
  await clearDatabase();
  await addEdition(2026, 'open', { k: 5 });
  const db = getDb(env.DB);
  const edition = await openEdition(db, 2026);
  for (let i = 0; i < 12; i++)
    await submitResponse(db, edition, respondent(i), `findings-respondent-${i}-key`);
  expect(getQuestionnaire('2026.1')).toBeDefined();
  expect((await release(2026)).status).toBe('published');
}, 60_000);

describe('findings API, against figures computed by hand', () => {
  it('reports the indicators with n, Wilson and t intervals', async () => {
    const res = await api('/api/v1/editions/2026/indicators');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      n: number;
      k: number;
      provisional: boolean;
      dimensions: unknown[];
    };
    const n = await published();
    expect(body).toMatchObject({ n, k: 5, provisional: true });
    expect(Math.abs(n - 12)).toBeLessThanOrEqual(2);
    expect(body.dimensions).toHaveLength(8);
    expect(await indicator('who5_mean')).toMatchObject({
      value: 62.7,
      ci: [46.1, 79.2],
      n,
      suppressed: false,
    });
    expect(await indicator('overtime_median')).toMatchObject({ value: 7, ci: null, n });
    // 6 of 12 work evenings twice a week or more: a share of perturbed counts, both sides >= k.
    const yes = await published(
      "id IN (SELECT response_id FROM answers WHERE question_code = 'work.evenings_per_week' AND num_value >= 2)",
    );
    expect(await indicator('evenings_2plus')).toMatchObject({
      value: Math.round((yes / n) * 1000) / 10,
      n,
      suppressed: false,
    });
  });

  it('suppresses a share whose numerator or complement is under k', async () => {
    // 4 and 2 of 12: the share and n together would give the numerator away.
    for (const code of ['who5_poor', 'who5_depression'])
      expect(await indicator(code)).toMatchObject({ value: null, n: null, suppressed: true });
  });

  it('suppresses indicators nobody (or fewer than k) answered', async () => {
    expect(await indicator('cbi_mean')).toMatchObject({ value: null, n: null, suppressed: true });
  });

  it('breaks an indicator down by a dimension, with the same intervals per group', async () => {
    const region = await breakdown('who5_mean', 'region');
    expect(region.map((c) => [c.group, c.value, c.ci, c.n, c.suppressed])).toEqual([
      ['idf', 59.3, [30.3, 88.3], await published(answered('profile.region', 'idf')), false],
      [
        'other',
        66,
        [38.3, 93.7],
        await published(`NOT ${answered('profile.region', 'idf')}`),
        false,
      ],
    ]);
  });

  it('suppresses groups under k, and a published group that would reveal them', async () => {
    const byGroup = Object.fromEntries(
      (await breakdown('who5_mean', 'employer_type')).map((c) => [c.group, c]),
    );
    expect(byGroup.agency).toMatchObject({
      value: 45.1,
      ci: [29.3, 60.9],
      n: await published(answered('profile.employer_type', 'agency')),
      suppressed: false,
    });
    expect(byGroup.public).toMatchObject({ value: null, n: null, suppressed: true });
    // Brand has 5 = k respondents, but publishing it beside agency (7 of 12) would show that the
    // four other types have exactly 0: it is suppressed too.
    expect(byGroup.brand).toMatchObject({ value: null, n: null, suppressed: true });
  });

  it('never lets a small group be recovered by subtraction', async () => {
    // 10 women and 2 men: publishing the women's n would give the men's by subtraction.
    const cells = await breakdown('who5_mean', 'gender');
    expect(cells.every((c) => c.suppressed && c.value === null && c.n === null)).toBe(true);
  });

  it('cross-tabulates a dimension, in its groups, by another question; one table both ways', async () => {
    const get = async (row: string, col: string) => {
      const res = await api(`/api/v1/editions/2026/crosstab?row=${row}&col=${col}`);
      expect(res.status).toBe(200);
      return (await res.json()) as {
        rows: string[];
        cols: string[];
        counts: (number | null)[][];
        rowTotals: (number | null)[];
        colTotals: (number | null)[];
        total: number | null;
      };
    };
    const t = await get('profile.region', 'wellbeing.who5_1');
    expect(t.rows).toEqual(['idf', 'other']);
    // Every cell holds 3 respondents or fewer (< k = 5): suppressed, never 0.
    expect(t.counts.flat().every((c) => c === null)).toBe(true);
    expect(t.rowTotals).toEqual([
      await published(answered('profile.region', 'idf')),
      await published(`NOT ${answered('profile.region', 'idf')}`),
    ]);
    expect(t.total).toBe(await published());
    const turned = await get('wellbeing.who5_1', 'profile.region');
    expect(turned.rows).toEqual(t.cols);
    expect(turned.colTotals).toEqual(t.rowTotals);
    expect(turned.counts).toEqual(t.cols.map((_, j) => t.counts.map((r) => r[j])));
  });

  it('downloads the same tables as CSV that R and pandas read', async () => {
    const res = await api(
      '/api/v1/editions/2026/breakdowns/who5_mean?by=employer_type&format=csv&lang=en',
    );
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'edition,indicator,dimension,group,label,value,ci_low,ci_high,n,suppressed',
    );
    const n = await published(answered('profile.employer_type', 'agency'));
    expect(lines).toContain(`2026,who5_mean,employer_type,agency,Agency,45.1,29.3,60.9,${n},false`);
    expect(lines).toContain(
      '2026,who5_mean,employer_type,public,Public sector / local authority,,,,,true',
    );
  });

  it('serves a trend across editions and names unknown codes', async () => {
    const trend = (await (await api('/api/v1/indicators/who5_mean/trend')).json()) as {
      points: { edition: number; value: number }[];
    };
    expect(trend.points.map((p) => [p.edition, p.value])).toEqual([[2026, 62.7]]);
    for (const [path, field] of [
      ['/api/v1/indicators/nope/trend', 'code'],
      ['/api/v1/editions/2026/breakdowns/nope?by=gender', 'indicator'],
      ['/api/v1/editions/2026/breakdowns/who5_mean?by=nope', 'by'],
      ['/api/v1/editions/2026/crosstab?row=work.hours_actual&col=profile.region', 'row'],
      ['/api/v1/editions/2026/crosstab?row=profile.gender&col=profile.region', 'col'],
      ['/api/v1/editions/2031/indicators', 'year'],
    ] as const) {
      const res = await api(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(
        ((await res.json()) as { error: { fields: Record<string, string> } }).error.fields,
        path,
      ).toHaveProperty(field);
    }
  });

  it('changes nothing until the next release, which counts the new response and not the withdrawn one', async () => {
    const before = await indicator('who5_mean');
    const db = getDb(env.DB);
    await submitResponse(
      db,
      await openEdition(db, 2026),
      respondent(0),
      'findings-respondent-extra-key',
    );
    await env.DB.prepare(
      "UPDATE responses SET withdrawn = 1 WHERE id IN (SELECT response_id FROM answers WHERE question_code = 'profile.employer_type' AND option_code = 'brand' LIMIT 1)",
    ).run();
    expect(await indicator('who5_mean')).toEqual(before);
    await release(2026);
    const after = (await (await api('/api/v1/editions/2026/questions')).json()) as {
      questions: { code: string; n: number; options?: { code: string; count: number | null }[] }[];
    };
    const employer = after.questions.find((x) => x.code === 'profile.employer_type')!;
    expect(employer.n).toBe(await published());
    // Brand fell to 4 (< k): agency, the only other answer, would give it away.
    expect(employer.options!.map((o) => o.count)).toEqual(employer.options!.map(() => null));
    expect((await indicator('who5_mean')).n).toBe(await published());
  }, 30_000);
});
