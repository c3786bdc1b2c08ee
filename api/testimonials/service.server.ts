/**
 * Testimonials: submission (redacted before anything is stored), the public
 * reading (published only, ever), moderation and withdrawal.
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { auditLog, calls, testimonialThemes, testimonials } from '../../db/schema.server';
import { type TestimonialStatus } from '../../db/enums';
import { randomCode, sha256Hex } from '../lib/crypto';
import { allRows, type Db } from '../lib/db.server';
import { ApiError } from '../lib/errors';
import {
  CHECKPOINT_FILL_PAGES,
  fill,
  fillerTable,
  overwriteWal,
  pagesFor,
  zeroed,
} from '../lib/erasure.server';
import { isoWeek } from '../lib/iso-week';
import { auditEntry, type Actor } from '../audit/log.server';
import { openCall } from './calls/service.server';
import { confirmOpenFlags } from './flag-review';
import { redact } from './redact';
import type { ThemeCode } from './themes';

export const PAGE_SIZE = 20;

export interface NewTestimonial {
  text: string;
  lang: 'fr' | 'en';
  themes?: ThemeCode[];
  employerType?: string;
  experience?: string;
  call?: string;
}

export async function submitTestimonial(db: Db, input: NewTestimonial, now = new Date()) {
  if (input.call) await openCall(db, input.call, now);
  const { text } = redact(input.text.trim(), input.lang);
  const withdrawalCode = randomCode();
  const id = randomCode(9);
  await db.batch([
    db.insert(testimonials).values({
      id,
      text,
      lang: input.lang,
      employerType: input.employerType ?? null,
      experience: input.experience ?? null,
      callSlug: input.call ?? null,
      submittedWeek: isoWeek(now),
      withdrawalHash: await sha256Hex(withdrawalCode),
    }),
    ...[...new Set(input.themes ?? [])].map((theme) =>
      db.insert(testimonialThemes).values({ testimonialId: id, theme }),
    ),
  ]);
  return { withdrawalCode, redactedText: text };
}

export interface PublicTestimonial {
  id: string;
  text: string;
  lang: 'fr' | 'en';
  themes: string[];
  employerType: string | null;
  experience: string | null;
  call: string | null;
  publishedOn: string;
}

export interface ListFilters {
  theme?: string;
  employerType?: string;
  experience?: string;
  lang?: 'fr' | 'en';
  call?: string;
  /** Only the testimonies answering a call of this edition. */
  edition?: number;
  q?: string;
  cursor?: string;
  limit?: number;
}

/**
 * Words of a search, each as a quoted FTS5 prefix term: user input never
 * reaches FTS5 syntax. Null when nothing searchable is left.
 */
export function ftsQuery(q: string): string | null {
  const words =
    q
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 8) ?? [];
  return words.length > 0 ? words.map((w) => `"${w}"*`).join(' ') : null;
}

const encodeCursor = (publishedOn: string, id: string) =>
  btoa(`${publishedOn}|${id}`).replace(/=+$/, '');
function decodeCursor(cursor: string): [string, string] | null {
  try {
    const [day, id] = atob(cursor).split('|');
    return day && id && /^\d{4}-\d{2}-\d{2}$/.test(day) ? [day, id] : null;
  } catch {
    return null;
  }
}

async function themesOf(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return map;
  const rows = await db
    .select()
    .from(testimonialThemes)
    .where(inArray(testimonialThemes.testimonialId, ids))
    .orderBy(asc(testimonialThemes.theme));
  for (const row of rows) map.get(row.testimonialId)?.push(row.theme);
  return map;
}

const publicColumns = {
  id: testimonials.id,
  text: testimonials.text,
  lang: testimonials.lang,
  employerType: testimonials.employerType,
  experience: testimonials.experience,
  call: testimonials.callSlug,
  publishedOn: testimonials.publishedOn,
};

/** Published testimonials, newest first, filtered and searched, a page at a time. */
export async function listPublished(db: Db, filters: ListFilters) {
  const limit = filters.limit ?? PAGE_SIZE;
  const where: SQL[] = [eq(testimonials.status, 'published')];
  if (filters.theme) {
    where.push(
      sql`exists (select 1 from ${testimonialThemes} where ${testimonialThemes.testimonialId} = ${testimonials.id} and ${testimonialThemes.theme} = ${filters.theme})`,
    );
  }
  if (filters.employerType) where.push(eq(testimonials.employerType, filters.employerType));
  if (filters.experience) where.push(eq(testimonials.experience, filters.experience));
  if (filters.lang) where.push(eq(testimonials.lang, filters.lang));
  if (filters.call) where.push(eq(testimonials.callSlug, filters.call));
  if (filters.edition !== undefined)
    where.push(
      inArray(
        testimonials.callSlug,
        db.select({ slug: calls.slug }).from(calls).where(eq(calls.editionYear, filters.edition)),
      ),
    );
  const match = filters.q ? ftsQuery(filters.q) : null;
  if (filters.q && !match) return { items: [], nextCursor: null };
  if (match)
    where.push(
      sql`${testimonials.seq} in (select rowid from testimonials_fts where testimonials_fts match ${match})`,
    );
  const after = filters.cursor ? decodeCursor(filters.cursor) : null;
  if (after)
    where.push(sql`(${testimonials.publishedOn}, ${testimonials.id}) < (${after[0]}, ${after[1]})`);

  const rows = await db
    .select(publicColumns)
    .from(testimonials)
    .where(and(...where))
    .orderBy(desc(testimonials.publishedOn), desc(testimonials.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const themes = await themesOf(
    db,
    page.map((r) => r.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      ...r,
      publishedOn: r.publishedOn!,
      themes: themes.get(r.id) ?? [],
    })) as PublicTestimonial[],
    nextCursor: rows.length > limit && last ? encodeCursor(last.publishedOn!, last.id) : null,
  };
}

const unknownTestimonial = (message: string) =>
  new ApiError(404, 'not_found', message, { id: 'Unknown.' });

export async function getPublished(db: Db, id: string): Promise<PublicTestimonial> {
  const row = await db
    .select(publicColumns)
    .from(testimonials)
    .where(and(eq(testimonials.id, id), eq(testimonials.status, 'published')))
    .get();
  if (!row) throw unknownTestimonial('No published testimonial has this id.');
  return {
    ...row,
    publishedOn: row.publishedOn!,
    themes: (await themesOf(db, [id])).get(id) ?? [],
  };
}

/** Published testimonials by id, in the order of `ids`; ids no longer published are left out. */
export async function publishedByIds(db: Db, ids: string[]): Promise<PublicTestimonial[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(publicColumns)
    .from(testimonials)
    .where(and(inArray(testimonials.id, ids), eq(testimonials.status, 'published')));
  const themes = await themesOf(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, publishedOn: row.publishedOn!, themes: themes.get(id) ?? [] }] : [];
  });
}

/** How many published testimonials touch each theme. */
export async function themeCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ theme: testimonialThemes.theme, n: count() })
    .from(testimonialThemes)
    .innerJoin(testimonials, eq(testimonials.id, testimonialThemes.testimonialId))
    .where(eq(testimonials.status, 'published'))
    .groupBy(testimonialThemes.theme);
  return Object.fromEntries(rows.map((r) => [r.theme, r.n]));
}

/** The full-text index's definition, and the bytes its shadow tables hold. */
async function searchIndex(db: Db): Promise<{ ddl: string; bytes: number }> {
  const [index] = await allRows<{ ddl: string; bytes: number }>(
    db,
    `SELECT (SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'testimonials_fts') AS ddl,
       (SELECT coalesce(sum(length(block)), 0) FROM testimonials_fts_data)
       + (SELECT coalesce(sum(length(term) + 16), 0) FROM testimonials_fts_idx)
       + (SELECT coalesce(sum(length(sz) + 16), 0) FROM testimonials_fts_docsize) AS bytes`,
  );
  return index!;
}

/**
 * Deletes the testimonial behind a code and its themes, leaving no trace of
 * its words (api/lib/erasure.server.ts). Its text is overwritten in place first.
 * The full-text index keeps a deleted text's words in old segments, and
 * merging them only moves them to free space; so the index is dropped, its
 * pages taken back by zero filler, and rebuilt from the remaining texts in
 * fresh pages, all in one transaction.
 */
export async function withdrawTestimonial(db: Db, withdrawalCode: string): Promise<boolean> {
  const found = await db.query.testimonials.findFirst({
    where: eq(testimonials.withdrawalHash, await sha256Hex(withdrawalCode)),
    columns: { seq: true },
  });
  if (!found) return false;
  const index = await searchIndex(db);
  const row = eq(testimonials.seq, found.seq);
  await db.batch([
    fillerTable(db),
    db
      .update(testimonials)
      .set({ text: zeroed(testimonials.text), rejectReason: zeroed(testimonials.rejectReason) })
      .where(row),
    db.delete(testimonials).where(row),
    // After the row: its triggers write to the index.
    db.run(sql.raw('DROP TABLE testimonials_fts')),
    fill(db, pagesFor(index.bytes) + CHECKPOINT_FILL_PAGES),
    db.run(sql.raw(index.ddl)),
    db.run(sql.raw("INSERT INTO testimonials_fts (testimonials_fts) VALUES ('rebuild')")),
  ]);
  await overwriteWal(db);
  return true;
}

/** The moderation queue: oldest first, everything a moderator needs. */
export async function listForModeration(db: Db, status: TestimonialStatus, limit = 50) {
  const rows = await db
    .select({
      ...publicColumns,
      status: testimonials.status,
      rejectReason: testimonials.rejectReason,
      submittedWeek: testimonials.submittedWeek,
    })
    .from(testimonials)
    .where(eq(testimonials.status, status))
    .orderBy(status === 'pending' ? asc(testimonials.seq) : desc(testimonials.seq))
    .limit(limit);
  const themes = await themesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, themes: themes.get(r.id) ?? [] }));
}

async function findForModeration(db: Db, id: string) {
  return db.query.testimonials.findFirst({
    where: eq(testimonials.id, id),
    columns: { id: true, lang: true, status: true, text: true },
  });
}

/**
 * Moderation rewrites a testimonial's row at another size, and SQLite then
 * writes it elsewhere, leaving the old copy, text included, readable in free
 * space: a later withdrawal could not reach it. So the row's texts are first
 * overwritten in place (api/lib/erasure.server.ts), then written again with the rest
 * of the change, in the same batch.
 */
const overwriteTexts = (db: Db, id: string) =>
  db
    .update(testimonials)
    .set({ text: zeroed(testimonials.text), rejectReason: zeroed(testimonials.rejectReason) })
    .where(eq(testimonials.id, id));

/**
 * Publishes, with the moderator's edits. Their text is redacted again, so
 * contact details typed while editing cannot slip through, and flagged again:
 * flags left open in the text to publish need `confirmFlags` (else a 409).
 */
export async function publishTestimonial(
  db: Db,
  member: Actor,
  id: string,
  edits: { text?: string; themes?: ThemeCode[]; confirmFlags?: boolean },
  now = new Date(),
): Promise<'published'> {
  const found = await findForModeration(db, id);
  if (!found) throw unknownTestimonial('No testimonial has this id.');
  const text = edits.text === undefined ? undefined : redact(edits.text.trim(), found.lang).text;
  const flags = confirmOpenFlags(text ?? found.text, found.lang, edits.confirmFlags === true);
  await db.batch([
    overwriteTexts(db, id),
    db
      .update(testimonials)
      .set({
        status: 'published',
        publishedOn: now.toISOString().slice(0, 10),
        publishedBy: member.id,
        rejectReason: null,
        text: text ?? found.text,
      })
      .where(eq(testimonials.id, id)),
    ...(edits.themes === undefined
      ? []
      : [
          db.delete(testimonialThemes).where(eq(testimonialThemes.testimonialId, id)),
          ...[...new Set(edits.themes)].map((theme) =>
            db.insert(testimonialThemes).values({ testimonialId: id, theme }),
          ),
        ]),
    db
      .insert(auditLog)
      .values(
        auditEntry(
          member,
          'testimonial.publish',
          id,
          { edited: text !== undefined, themes: edits.themes, ...flags },
          now,
        ),
      ),
  ]);
  return 'published';
}

export async function rejectTestimonial(
  db: Db,
  member: Actor,
  id: string,
  reason: string,
  now = new Date(),
) {
  const found = await findForModeration(db, id);
  if (!found) throw unknownTestimonial('No testimonial has this id.');
  await db.batch([
    overwriteTexts(db, id),
    db
      .update(testimonials)
      .set({
        status: 'rejected',
        rejectReason: reason,
        publishedOn: null,
        publishedBy: null,
        text: found.text,
      })
      .where(eq(testimonials.id, id)),
    db.insert(auditLog).values(auditEntry(member, 'testimonial.reject', id, { reason }, now)),
  ]);
  return 'rejected' as const;
}
