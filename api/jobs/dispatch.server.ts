/**
 * The Cron Trigger's part of the release job: it decides what is due and starts a Workflow run
 * for it, one at a time per edition. The Workflow does the work (./workflow.server.ts).
 */
import { asc, ne } from 'drizzle-orm';
import { editions, type Edition, type ReleaseJob } from '../../db/schema.server';
import type { ReleaseKind } from '../../db/enums';
import type { Db } from '../lib/db.server';
import { hasStoredPackage } from '../publication/storage.server';
import { releaseDecision } from '../releases/policy';
import { currentRelease } from '../releases/queries.server';
import { activeJobs, isActive, latestJobs, queueJob, setPhase } from './state.server';

export interface JobParams {
  jobId: string;
  year: number;
  /** The release to build; null for the package alone. */
  kind: ReleaseKind | null;
}

export interface DispatchOptions {
  /** The daily tick: open editions with enough new responses get a provisional release. */
  scheduled: boolean;
  /** Where packages are stored: a published edition without one gets a run. */
  exports: R2Bucket;
  now?: Date;
}

/** What an edition needs now, if anything: a release (requested or due), or its package. */
async function dueWork(
  db: Db,
  edition: Edition,
  { scheduled, exports }: DispatchOptions,
): Promise<ReleaseKind | null | undefined> {
  if (edition.releaseRequested) return edition.releaseRequested;
  const current = await currentRelease(db, edition.year);
  if (scheduled && edition.status === 'open')
    return releaseDecision(edition, current, 'provisional').ok ? 'provisional' : undefined;
  if (
    edition.status === 'published' &&
    current?.kind === 'final' &&
    !(await hasStoredPackage(exports, edition.year))
  )
    return null;
  return undefined;
}

/** After a run failed (its retries spent), the next waits an hour: a lasting fault would loop. */
const FAILED_BACKOFF_MS = 60 * 60_000;

const recentFailure = (job: ReleaseJob, now: Date) =>
  job.phase === 'failed' && now.getTime() - Date.parse(job.updatedAt) < FAILED_BACKOFF_MS;

/** Marks as failed the runs the Workflow engine ended without their own last word. */
async function reconcile(db: Db, workflow: Workflow<JobParams>, now: Date) {
  for (const job of await activeJobs(db)) {
    const status = await workflow
      .get(job.id)
      .then((instance) => instance.status())
      .catch(() => null);
    if (status && !['errored', 'terminated'].includes(status.status)) continue;
    const why = status?.error?.message ?? 'The job did not start.';
    await setPhase(db, job.id, 'failed', { outcome: why }, now);
  }
}

/**
 * Starts a Workflow run for every edition that needs one and has none running; a published
 * edition's waits for the runs of earlier published editions to end.
 */
export async function dispatchJobs(
  db: Db,
  workflow: Workflow<JobParams>,
  options: DispatchOptions,
): Promise<JobParams[]> {
  const now = options.now ?? new Date();
  await reconcile(db, workflow, now);
  const latest = await latestJobs(db);
  const started: JobParams[] = [];
  const list = await db.query.editions.findMany({
    where: ne(editions.status, 'draft'),
    orderBy: asc(editions.year),
  });
  // Packages are built in year order: a package's changelog reads the earlier editions'.
  let earlierPackagePending = false;
  for (const edition of list) {
    const last = latest.get(edition.year);
    const published = edition.status === 'published';
    if (last && isActive(last)) {
      earlierPackagePending ||= published;
      continue;
    }
    if (last && recentFailure(last, now)) continue;
    const kind = await dueWork(db, edition, options);
    if (kind === undefined || (published && earlierPackagePending)) continue;
    earlierPackagePending ||= published;
    const params = { jobId: `${edition.year}-${now.getTime()}`, year: edition.year, kind };
    await queueJob(db, { id: params.jobId, year: params.year, kind }, now);
    try {
      await workflow.create({ id: params.jobId, params });
      started.push(params);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      await setPhase(db, params.jobId, 'failed', { outcome: why }, now);
    }
  }
  return started;
}
