/**
 * The release step of the release Workflow (api/jobs): builds one edition's release of `kind`
 * now, if the policy allows it. Never inside a user's request.
 */
import { eq } from 'drizzle-orm';
import type { Highs } from 'highs';
import { editions } from '../../db/schema.server';
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

export async function runRelease(
  db: Db,
  highs: Highs,
  year: number,
  kind: ReleaseKind,
  now = new Date(),
): Promise<JobOutcome> {
  const edition = await db.query.editions.findFirst({ where: eq(editions.year, year) });
  if (!edition) return { year, kind, status: 'skipped', reason: `There is no ${year} edition.` };
  const decision = releaseDecision(edition, await currentRelease(db, year), kind);
  const outcome: JobOutcome = decision.ok
    ? await buildRelease(db, highs, edition, kind, now).then((built) => ({
        year,
        kind,
        status: built.status,
        audit: built.audit,
      }))
    : { year, kind, status: 'skipped', reason: decision.reason };
  // Answered, whatever the decision: a run that failed leaves the request for the next one.
  if (edition.releaseRequested)
    await db.update(editions).set({ releaseRequested: null }).where(eq(editions.year, year));
  return outcome;
}
