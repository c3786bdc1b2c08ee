import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { getReport } from '../../../api/report/report.server';
import { getDb } from '../../../api/lib/db.server';
import { ApiError } from '../../../api/lib/errors';
import type { Answers } from '../../../api/survey/answers';
import { openEdition, submitResponse } from '../../../api/survey/service.server';
import { addEdition, clearDatabase, release } from '../fixtures';

const db = () => getDb(env.DB);

/** A respondent who works `evenings` evenings a week and, if given, says whether they were harassed. */
const respondent = (evenings: number, harassed?: 'yes' | 'no'): Answers => ({
  'profile.employer_type': 'agency',
  'work.evenings_per_week': evenings,
  ...(harassed ? { 'exposure.harassment_12m': harassed } : {}),
});

async function respond(year: number, answers: Answers[]) {
  const edition = await openEdition(db(), year);
  for (const [i, a] of answers.entries())
    await submitResponse(db(), edition, a, `report-${year}-respondent-${i}`);
}

async function addTestimonial(
  id: string,
  status: string,
  publishedOn: string | null,
  themes: string[],
  call: string | null = 'appel-2025',
) {
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO testimonials (id, text, lang, submitted_week, withdrawal_hash, status, published_on, call_slug) VALUES (?, 'Un témoignage assez long pour être publié.', 'fr', '2025-W40', ?, ?, ?, ?)",
    ).bind(id, `hash-${id}`, status, publishedOn, call),
    ...themes.map((theme) =>
      env.DB.prepare('INSERT INTO testimonial_themes (testimonial_id, theme) VALUES (?, ?)').bind(
        id,
        theme,
      ),
    ),
  ]);
}

/** A share of perturbed counts lies where the noise (at most 2 either way) can take it. */
const shareOf = (value: number | null, yes: number, n: number) => {
  expect(value).not.toBeNull();
  expect(value!).toBeGreaterThanOrEqual(Math.floor((1000 * (yes - 2)) / (n + 2)) / 10);
  expect(value!).toBeLessThanOrEqual(Math.ceil((1000 * (yes + 2)) / (n - 2)) / 10);
};

const status = (year: number) =>
  getReport(db(), year).then(
    () => 200,
    (e: unknown) => (e instanceof ApiError ? e.status : 500),
  );

beforeAll(async () => {
  await clearDatabase();
  // k is 10 in addEdition; a draft 2023 edition has no findings and must be skipped.
  await addEdition(2023, 'draft');
  await addEdition(2024, 'open');
  await addEdition(2025, 'open');
  await addEdition(2026, 'draft');
  // 2024: 30 respondents, 20 of them working 2+ evenings (66.7%), 30 saying whether harassed.
  await respond(2024, [
    ...Array.from({ length: 20 }, () => respondent(3, 'yes')),
    ...Array.from({ length: 10 }, () => respondent(0, 'no')),
  ]);
  // 2025: 40 respondents, 25 working 2+ evenings (62.5%); too few answered about harassment.
  await respond(2025, [
    ...Array.from({ length: 25 }, (_, i) => respondent(2, i < 3 ? 'yes' : undefined)),
    ...Array.from({ length: 15 }, () => respondent(1)),
  ]);
  await env.DB.prepare("UPDATE editions SET status = 'published' WHERE year = 2024").run();
  await release(2024, 'final');
  await release(2025);

  for (const year of [2024, 2025])
    await env.DB.prepare(
      "INSERT INTO calls (slug, title_fr, title_en, prompt_fr, prompt_en, opens_on, closes_on, edition_year, created_at) VALUES (?, 'Appel', 'Call', 'Racontez.', 'Tell.', '2025-01-01', '2025-12-31', ?, '2025-01-01')",
    )
      .bind(`appel-${year}`, year)
      .run();
  // Newer than every quoted one, but not gathered for 2025: never quoted in its report.
  await addTestimonial('free', 'published', '2025-12-01', ['isolation', 'workload'], null);
  await addTestimonial('for-2024', 'published', '2025-12-01', ['isolation'], 'appel-2024');
  await addTestimonial('newest-two-themes', 'published', '2025-11-03', ['isolation', 'workload']);
  await addTestimonial('isolation-2', 'published', '2025-10-01', ['isolation']);
  await addTestimonial('isolation-3', 'published', '2025-09-01', ['isolation']);
  await addTestimonial('workload-2', 'published', '2025-08-01', ['workload']);
  await addTestimonial('pending', 'pending', null, ['isolation', 'crisis']);
  await addTestimonial('rejected', 'rejected', null, ['crisis']);
}, 60_000);

describe('the annual report', () => {
  it('compares each indicator with the closest earlier edition that has findings', async () => {
    const report = await getReport(db(), 2025);
    expect(report).toMatchObject({ edition: 2025, k: 10, provisional: true });
    // Counts carry their cell-key noise (at most 2 either way).
    expect(Math.abs(report.n! - 40)).toBeLessThanOrEqual(2);
    expect(report.previous).toMatchObject({ edition: 2024, k: 10, provisional: false });
    expect(Math.abs(report.previous!.n! - 30)).toBeLessThanOrEqual(2);
    const byCode = Object.fromEntries(report.comparison.map((c) => [c.code, c]));
    expect(report.comparison).toHaveLength(report.indicators.length);
    const evenings = byCode.evenings_2plus!;
    expect(evenings).toMatchObject({ measuredBefore: true });
    shareOf(evenings.current, 25, 40);
    shareOf(evenings.previous, 20, 30);
    expect(evenings.difference).toBeCloseTo(evenings.current! - evenings.previous!, 1);
  });

  it('shows no difference where either edition suppressed the figure', async () => {
    const { comparison, indicators } = await getReport(db(), 2025);
    const harassed = comparison.find((c) => c.code === 'harassed_12m')!;
    // Published in 2024 (12 answers), under k in 2025 (3 answers).
    expect(indicators.find((i) => i.code === 'harassed_12m')).toMatchObject({ suppressed: true });
    expect(harassed).toMatchObject({ current: null, difference: null });
    shareOf(harassed.previous, 20, 30);
    // Nobody answered WHO-5 in either edition.
    expect(comparison.find((c) => c.code === 'who5_mean')).toMatchObject({
      current: null,
      previous: null,
      difference: null,
    });
  });

  it('has no comparison for the first edition with findings', async () => {
    const report = await getReport(db(), 2024);
    expect(report.previous).toBeNull();
    expect(report.comparison).toEqual([]);
  });

  it('quotes published testimonies of its calls only, at most two a theme, each once', async () => {
    const { testimonials, testimonialsPerTheme } = await getReport(db(), 2025);
    expect(testimonialsPerTheme).toBe(2);
    expect(testimonials.map((g) => [g.theme, g.items.map((t) => t.id)])).toEqual([
      ['isolation', ['newest-two-themes', 'isolation-2']],
      ['workload', ['workload-2']],
    ]);
  });

  it('is a 404 for editions without findings: unknown, or not yet opened', async () => {
    expect(await status(2025)).toBe(200);
    expect(await status(1999)).toBe(404);
    expect(await status(2023)).toBe(404);
    expect(await status(2026)).toBe(404);
  });
});
