import { asc, eq } from 'drizzle-orm';
import { editions } from '../../db/schema.server';
import { currentRelease } from '../releases/queries.server';
import type { Db } from '../lib/db.server';

/**
 * Every edition, oldest first, with its number of responses as its current release published it
 * (perturbed, null under k or before the first release): the live count would show each response.
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
    })
    .from(editions)
    .orderBy(asc(editions.year));
  return Promise.all(
    rows.map(async (edition) => ({
      ...edition,
      responseCount: (await currentRelease(db, edition.year))?.publicN ?? null,
    })),
  );
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
