/**
 * Calls for testimonies: created and changed by admins (audited), read by everyone, answered by
 * testimonies while open.
 */
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import {
  auditLog,
  calls,
  editions,
  testimonialThemes,
  testimonials,
} from '../../../db/schema.server';
import { auditEntry, type Actor } from '../../audit/log.server';
import { DEFAULT_K } from '../../findings/disclosure';
import type { Db } from '../../lib/db.server';
import { ApiError } from '../../lib/errors';
import { THEME_CODES } from '../themes';
import type { CallUpdateBody, NewCallBody } from './schemas';
import { callStatus, dayOf, slugify, type CallStatus } from './status';
import type { z } from '@hono/zod-openapi';

type CallRow = typeof calls.$inferSelect;

export interface Call {
  slug: string;
  title: { fr: string; en: string };
  prompt: { fr: string; en: string };
  opensOn: string;
  closesOn: string;
  status: CallStatus;
  themes: string[];
  edition: number | null;
  published: number;
}

const toCall = (row: CallRow, published: number, today: string): Call => ({
  slug: row.slug,
  title: { fr: row.titleFr, en: row.titleEn },
  prompt: { fr: row.promptFr, en: row.promptEn },
  opensOn: row.opensOn,
  closesOn: row.closesOn,
  status: callStatus(row, today),
  themes: JSON.parse(row.themesJson) as string[],
  edition: row.editionYear,
  published,
});

const unknownCall = () =>
  new ApiError(404, 'call_not_found', 'There is no call with this name.', { call: 'Unknown.' });

const publishedCount = sql<number>`(select count(*) from ${testimonials} where ${testimonials.callSlug} = ${calls.slug} and ${testimonials.status} = 'published')`;

/** Every call, the open ones first, then the upcoming, then the closed, newest first in each. */
export async function listCalls(db: Db, now = new Date()): Promise<Call[]> {
  const today = dayOf(now);
  const rows = await db
    .select({ row: calls, published: publishedCount })
    .from(calls)
    .orderBy(desc(calls.opensOn), asc(calls.slug));
  const rank: Record<CallStatus, number> = { open: 0, upcoming: 1, closed: 2 };
  return rows
    .map((r) => toCall(r.row, r.published, today))
    .sort((a, b) => rank[a.status] - rank[b.status]);
}

export async function getCall(db: Db, slug: string, now = new Date()): Promise<Call> {
  const [found] = await db
    .select({ row: calls, published: publishedCount })
    .from(calls)
    .where(eq(calls.slug, slug));
  if (!found) throw unknownCall();
  return toCall(found.row, found.published, dayOf(now));
}

/**
 * How many published testimonies of the call touch each theme, as every published count is
 * shown: null under k.
 */
export async function callThemeCounts(db: Db, slug: string) {
  const rows = await db
    .select({ theme: testimonialThemes.theme, n: count() })
    .from(testimonialThemes)
    .innerJoin(testimonials, eq(testimonials.id, testimonialThemes.testimonialId))
    .where(and(eq(testimonials.status, 'published'), eq(testimonials.callSlug, slug)))
    .groupBy(testimonialThemes.theme);
  const counts = new Map(rows.map((r) => [r.theme, r.n]));
  return {
    k: DEFAULT_K,
    themeCounts: THEME_CODES.map((theme) => {
      const n = counts.get(theme) ?? 0;
      return { theme, count: n >= DEFAULT_K ? n : null };
    }),
  };
}

/** The call a testimony answers, refused unless it is open today. */
export async function openCall(db: Db, slug: string, now = new Date()): Promise<Call> {
  const call = await getCall(db, slug, now);
  if (call.status !== 'open')
    throw new ApiError(409, 'call_not_open', `This call is ${call.status}.`, {
      call:
        call.status === 'upcoming'
          ? `Opens on ${call.opensOn}.`
          : `Closed on ${call.closesOn}; leave a free testimony instead.`,
    });
  return call;
}

async function assertEdition(db: Db, year: number | null | undefined) {
  if (year == null) return;
  if (!(await db.query.editions.findFirst({ where: eq(editions.year, year) })))
    throw new ApiError(400, 'edition_not_found', `There is no ${year} edition.`, {
      edition: 'Unknown edition.',
    });
}

export async function createCall(
  db: Db,
  member: Actor,
  input: z.infer<typeof NewCallBody>,
  now = new Date(),
): Promise<Call> {
  const slug = input.slug ?? slugify(input.title.fr);
  if (!slug)
    throw new ApiError(400, 'invalid_body', 'The title gives no address; name one.', {
      slug: 'Lower-case letters, digits and dashes.',
    });
  await assertEdition(db, input.edition);
  if (await db.query.calls.findFirst({ where: eq(calls.slug, slug) }))
    throw new ApiError(409, 'call_exists', 'A call already has this address.', {
      slug: 'Already taken.',
    });
  await db.batch([
    db.insert(calls).values({
      slug,
      titleFr: input.title.fr,
      titleEn: input.title.en,
      promptFr: input.prompt.fr,
      promptEn: input.prompt.en,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      themesJson: JSON.stringify([...new Set(input.themes)]),
      editionYear: input.edition,
      createdAt: now.toISOString(),
    }),
    db.insert(auditLog).values(auditEntry(member, 'call.create', slug, null, now)),
  ]);
  return getCall(db, slug, now);
}

/**
 * Changes a call: its texts, days, themes or edition. Closing it early is setting `closesOn` to
 * today. Its address stays, so links to it keep working.
 */
export async function updateCall(
  db: Db,
  member: Actor,
  slug: string,
  input: z.infer<typeof CallUpdateBody>,
  now = new Date(),
): Promise<Call> {
  const current = await db.query.calls.findFirst({ where: eq(calls.slug, slug) });
  if (!current) throw unknownCall();
  const opensOn = input.opensOn ?? current.opensOn;
  const closesOn = input.closesOn ?? current.closesOn;
  if (opensOn > closesOn)
    throw new ApiError(400, 'invalid_body', 'Closes on or after the day it opens.', {
      closesOn: 'Closes on or after the day it opens.',
    });
  await assertEdition(db, input.edition);
  const changes: Partial<typeof calls.$inferInsert> = { opensOn, closesOn };
  if (input.title) Object.assign(changes, { titleFr: input.title.fr, titleEn: input.title.en });
  if (input.prompt)
    Object.assign(changes, { promptFr: input.prompt.fr, promptEn: input.prompt.en });
  if (input.themes) changes.themesJson = JSON.stringify([...new Set(input.themes)]);
  if (input.edition !== undefined) changes.editionYear = input.edition;
  await db.batch([
    db.update(calls).set(changes).where(eq(calls.slug, slug)),
    db
      .insert(auditLog)
      .values(auditEntry(member, 'call.update', slug, { fields: Object.keys(input) }, now)),
  ]);
  return getCall(db, slug, now);
}
