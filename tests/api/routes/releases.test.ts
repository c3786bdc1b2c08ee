/**
 * Releases against the differencing attacker: everything public is saved before and after one
 * submission and one withdrawal, and compared byte for byte; a release comes only with R new
 * responses; an admin's request below the threshold is refused with the reason, changing nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { crosstabAxes } from '../../../api/findings/crosstab';
import { DIMENSIONS, INDICATORS } from '../../../api/findings/definitions';
import { getQuestionnaire } from '../../../api/survey/questionnaires';
import {
  addEdition,
  addStaff,
  api,
  clearDatabase,
  count,
  insertDemoResponses,
  postJson,
  release,
  runJob,
  signIn,
} from '../fixtures';

const YEAR = 2026;
const questionnaire = getQuestionnaire('2026.1')!;
const { cols } = crosstabAxes(questionnaire);

/** Every public output of the edition, as an attacker would save it: JSON and CSV, each URL. */
function publicUrls(): string[] {
  const base = `/api/v1/editions/${YEAR}`;
  const urls = ['/api/v1/editions', `${base}/indicators`, `${base}/questions`, `${base}/releases`];
  for (const i of INDICATORS) {
    urls.push(`/api/v1/indicators/${i.code}/trend`);
    for (const d of DIMENSIONS) urls.push(`${base}/breakdowns/${i.code}?by=${d.code}`);
  }
  // Every pair through one profile question, both orientations, and a few others.
  for (const { code } of cols) {
    urls.push(`${base}/crosstab?row=profile.gender&col=${code}`);
    urls.push(`${base}/crosstab?row=${code}&col=profile.region`);
  }
  return [
    ...urls,
    ...urls
      .filter((u) => u.includes('/editions/'))
      .map((u) => `${u}${u.includes('?') ? '&' : '?'}format=csv`),
  ];
}

async function snapshot(): Promise<Map<string, string>> {
  const saved = new Map<string, string>();
  for (const url of publicUrls()) {
    const res = await api(url);
    saved.set(url, `${res.status} ${await res.text()}`);
  }
  return saved;
}

/** A respondent whose every single-choice answer is rare: what the attacker looked for. */
const target = {
  'profile.gender': 'non_binary',
  'profile.employer_type': 'association',
  'exposure.harassment_12m': 'yes',
  'career.intent_leave': 'yes',
  'wellbeing.who5_1': 'f0',
  'wellbeing.who5_2': 'f0',
  'wellbeing.who5_3': 'f0',
  'wellbeing.who5_4': 'f0',
  'wellbeing.who5_5': 'f0',
};

let admin: string;
beforeAll(async () => {
  await clearDatabase();
  await addEdition(YEAR, 'open', { releaseThreshold: 50 });
  await insertDemoResponses(YEAR, 900);
  const first = await release(YEAR);
  expect(first.status).toBe('published');
  await addStaff('admin@example.org', 'admin');
  admin = await signIn('admin@example.org');
}, 120_000);

describe('between two releases nothing public changes', () => {
  it('leaves every public output byte-identical after one submission and one withdrawal', async () => {
    const before = await snapshot();
    expect([...before.values()].filter((v) => !v.startsWith('200 '))).toEqual([]);

    const res = await postJson(
      `/api/v1/editions/${YEAR}/responses`,
      { answers: target },
      { 'idempotency-key': 'release-target-response-1' },
    );
    expect(res.status).toBe(201);
    const { withdrawalCode } = (await res.json()) as { withdrawalCode: string };
    const afterSubmit = await snapshot();
    for (const [url, body] of before) expect(afterSubmit.get(url), url).toBe(body);

    const withdrawn = await api('/api/v1/responses', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': '192.0.2.77' },
      body: JSON.stringify({ withdrawalCode }),
    });
    expect(withdrawn.status).toBe(204);
    const afterWithdrawal = await snapshot();
    for (const [url, body] of before) expect(afterWithdrawal.get(url), url).toBe(body);
  }, 120_000);

  it('cites the release each figure comes from', async () => {
    const body = (await (await api(`/api/v1/editions/${YEAR}/indicators`)).json()) as {
      release: { number: number; kind: string; releasedOn: string };
    };
    expect(body.release).toMatchObject({ number: 1, kind: 'provisional' });
    expect(body.release.releasedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('the release schedule', () => {
  it('refuses an admin request below the threshold, naming why, and changes nothing', async () => {
    const releases = await count('releases');
    const res = await api(`/api/v1/staff/editions/${YEAR}/releases`, {
      method: 'POST',
      headers: { cookie: admin },
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields.year).toMatch(/new responses since the last release; 50 are needed/);
    expect(await count('releases')).toBe(releases);
    expect(await count('editions', 'release_requested IS NOT NULL')).toBe(0);
  });

  it('makes no release on the daily tick without R new responses, and one with them', async () => {
    expect(await runJob({ scheduled: true })).toEqual([]);
    // The submission and withdrawal above left no new response; now R arrive.
    expect(await insertDemoResponses(2025, 200, YEAR)).toBeGreaterThanOrEqual(50);
    const outcomes = await runJob({ scheduled: true });
    expect(outcomes).toMatchObject([
      { year: YEAR, kind: 'provisional', output: { release: { status: 'published' } } },
    ]);
    const listed = (await (await api(`/api/v1/editions/${YEAR}/releases`)).json()) as {
      releases: { number: number; n: number; changes: { previousN: number; n: number } }[];
    };
    expect(listed.releases.map((r) => r.number)).toEqual([2, 1]);
    expect(listed.releases[0]!.changes.previousN).toBe(listed.releases[1]!.n);
  }, 60_000);

  it('names the field for an R below k or out of bounds, and stores nothing', async () => {
    const editionsBefore = await count('editions');
    for (const [releaseThreshold, field] of [
      [9, 'releaseThreshold'],
      [0, 'releaseThreshold'],
      [100_001, 'releaseThreshold'],
      ['fifty', 'releaseThreshold'],
    ] as const) {
      const res = await postJson(
        '/api/v1/staff/editions',
        {
          year: 2031,
          questionnaireVersion: '2026.1',
          opensOn: '2031-01-01',
          closesOn: '2031-02-01',
          k: 10,
          releaseThreshold,
        },
        { cookie: admin },
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { fields: Record<string, string> } };
      expect(Object.keys(body.error.fields)).toContain(field);
    }
    expect(await count('editions')).toBe(editionsBefore);
  });
});
