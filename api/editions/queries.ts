import { asc, eq } from 'drizzle-orm';
import { editions } from '../../db/schema';
import { publicCount } from '../findings/disclosure';
import type { Db } from '../lib/db';

/**
 * Every edition, oldest first, with its number of current responses as it
 * may be published: rounded, or null under k.
 */
export async function listPublicEditions(db: Db) {
  const rows = await db
    .select({
      year: editions.year,
      status: editions.status,
      opensOn: editions.opensOn,
      closesOn: editions.closesOn,
      publishedOn: editions.publishedOn,
      k: editions.k,
      demo: editions.demo,
      responses: editions.responseCount,
    })
    .from(editions)
    .orderBy(asc(editions.year));
  return rows.map(({ responses, ...edition }) => ({
    ...edition,
    responseCount: publicCount(responses, edition.k),
  }));
}

/** True when the database holds synthetic demo editions, so the UI can say so. */
export async function hasDemoData(db: Db): Promise<boolean> {
  const row = await db
    .select({ year: editions.year })
    .from(editions)
    .where(eq(editions.demo, true))
    .limit(1);
  return row.length > 0;
}
