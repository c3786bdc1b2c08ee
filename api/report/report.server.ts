/**
 * The annual report of an edition: what the results pages publish, gathered
 * in one document. Every figure comes from the findings summaries, after
 * disclosure control; it quotes published testimonies of the edition's calls only.
 */
import { and, desc, eq, lt, ne } from 'drizzle-orm';
import { editions } from '../../db/schema.server';
import { getSummary } from '../releases/read.server';
import { currentRelease } from '../releases/queries.server';
import type { Db } from '../lib/db.server';
import { getQuestionnaire } from '../survey/questionnaires';
import { compareIndicators } from './comparison';
import { reportQuotesOf } from './quotes.server';
import { QUOTES_PER_THEME } from './testimonial-selection';

/** The one distribution the report charts besides the indicators, as the results page does. */
export const SALARY_QUESTION = 'career.salary_band';

/** The closest earlier edition with findings (opened, with a known questionnaire), if any. */
async function previousFindingsYear(db: Db, year: number): Promise<number | null> {
  const earlier = await db
    .select({ year: editions.year, version: editions.questionnaireVersion })
    .from(editions)
    .where(and(lt(editions.year, year), ne(editions.status, 'draft')))
    .orderBy(desc(editions.year));
  for (const e of earlier)
    if (getQuestionnaire(e.version) && (await currentRelease(db, e.year))) return e.year;
  return null;
}

const isPublished = async (db: Db, year: number) =>
  (await db.query.editions.findFirst({ where: eq(editions.year, year) }))?.status === 'published';

export async function getReport(db: Db, year: number) {
  const summary = await getSummary(db, year);
  const previousYear = await previousFindingsYear(db, year);
  const previous = previousYear === null ? null : await getSummary(db, previousYear);
  return {
    edition: summary.edition,
    k: summary.k,
    n: summary.n,
    provisional: summary.provisional,
    release: summary.release,
    indicators: summary.indicators,
    salary: summary.questions.find((q) => q.code === SALARY_QUESTION) ?? null,
    previous: previous && {
      edition: previous.edition,
      k: previous.k,
      n: previous.n,
      provisional: previous.provisional,
    },
    comparison: previous ? compareIndicators(summary.indicators, previous.indicators) : [],
    testimonialsPerTheme: QUOTES_PER_THEME,
    testimonials: await reportQuotesOf(db, year, await isPublished(db, year)),
  };
}

export type Report = Awaited<ReturnType<typeof getReport>>;
