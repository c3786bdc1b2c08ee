/**
 * The release job, run by the Cron Trigger (api/worker.ts): every few minutes it builds the
 * releases that admins or publication asked for; once a day it also builds a provisional release
 * of each open edition that has enough new responses. Never inside a user's request.
 */
import { eq, ne } from 'drizzle-orm';
import type { Highs } from 'highs';
import { editions, type Edition } from '../../db/schema.server';
import { type ReleaseKind } from '../../db/enums';
import type { Db } from '../lib/db.server';
import { buildRelease, type AuditReport } from './build.server';
import { releaseDecision } from './policy';
import { currentRelease } from './queries.server';

export interface JobOutcome {
  year: number;
  kind: ReleaseKind;
  status: 'published' | 'refused' | 'skipped';
  reason?: string;
  audit?: AuditReport;
}

export interface JobOptions {
  /** The daily tick: open editions with enough new responses get a provisional release. */
  scheduled: boolean;
  /** Runs once an edition's final release is out: the worker builds the data package there. */
  afterFinal?: (edition: Edition) => Promise<void>;
  now?: Date;
}

export async function runReleaseJob(
  db: Db,
  highs: Highs,
  { scheduled, afterFinal, now = new Date() }: JobOptions,
): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  const list = await db.query.editions.findMany({ where: ne(editions.status, 'draft') });
  for (const edition of list) {
    const kind =
      edition.releaseRequested ?? (scheduled && edition.status === 'open' ? 'provisional' : null);
    if (!kind) continue;
    if (edition.releaseRequested)
      await db
        .update(editions)
        .set({ releaseRequested: null })
        .where(eq(editions.year, edition.year));
    const decision = releaseDecision(edition, await currentRelease(db, edition.year), kind);
    if (!decision.ok) {
      outcomes.push({ year: edition.year, kind, status: 'skipped', reason: decision.reason });
      continue;
    }
    const built = await buildRelease(db, highs, edition, kind, now);
    outcomes.push({ year: edition.year, kind, status: built.status, audit: built.audit });
    if (built.status === 'published' && kind === 'final' && afterFinal) {
      try {
        await afterFinal(edition);
      } catch (error) {
        // The first download builds it again.
        console.error(`After the ${edition.year} final release`, error);
      }
    }
  }
  return outcomes;
}
