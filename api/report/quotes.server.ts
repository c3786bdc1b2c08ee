/**
 * The testimonies an edition's report quotes: those answering the edition's calls, newest first,
 * at most two a theme, each once. Chosen live while the edition runs; chosen once and kept when
 * it is published, so that the published report does not change with the next testimony.
 */
import { asc, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { reportQuotes } from '../../db/schema.server';
import type { Db } from '../lib/db.server';
import {
  listPublished,
  publishedByIds,
  type PublicTestimonial,
} from '../testimonials/service.server';
import { THEME_CODES } from '../testimonials/themes';
import { QUOTES_PER_THEME, pickPerTheme, type ThemeSelection } from './testimonial-selection';

/**
 * The newest testimonies of the edition's calls under every theme. Twice as many candidates are
 * read so that a theme keeps its quota when some are already quoted under an earlier theme.
 */
async function chooseQuotes(db: Db, year: number): Promise<ThemeSelection<PublicTestimonial>[]> {
  const candidates = await Promise.all(
    THEME_CODES.map(async (theme) => ({
      theme,
      items: (await listPublished(db, { theme, edition: year, limit: QUOTES_PER_THEME * 2 })).items,
    })),
  );
  return pickPerTheme(candidates, QUOTES_PER_THEME);
}

/** The statements that keep today's choice for `year`, to run with its publication. */
export async function freezeQuotes(db: Db, year: number): Promise<BatchItem<'sqlite'>[]> {
  const rows = (await chooseQuotes(db, year)).flatMap(({ theme, items }) =>
    items.map((t) => ({ theme, testimonialId: t.id })),
  );
  return [
    db.delete(reportQuotes).where(eq(reportQuotes.editionYear, year)),
    ...(rows.length > 0
      ? [
          db
            .insert(reportQuotes)
            .values(rows.map((r, position) => ({ ...r, editionYear: year, position }))),
        ]
      : []),
  ];
}

/** What the report of `year` quotes: the kept choice once published, today's before. */
export async function reportQuotesOf(
  db: Db,
  year: number,
  published: boolean,
): Promise<ThemeSelection<PublicTestimonial>[]> {
  if (!published) return chooseQuotes(db, year);
  const kept = await db
    .select()
    .from(reportQuotes)
    .where(eq(reportQuotes.editionYear, year))
    .orderBy(asc(reportQuotes.position));
  const quoted = new Map(
    (
      await publishedByIds(
        db,
        kept.map((q) => q.testimonialId),
      )
    ).map((t) => [t.id, t]),
  );
  const groups: ThemeSelection<PublicTestimonial>[] = [];
  for (const q of kept) {
    const t = quoted.get(q.testimonialId);
    if (!t) continue;
    const group = groups.at(-1)?.theme === q.theme ? groups.at(-1)! : null;
    if (group) group.items.push(t);
    else groups.push({ theme: q.theme, items: [t] });
  }
  return groups;
}
