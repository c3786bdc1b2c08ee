/**
 * Where each release job stands, in D1: the Workflow writes its phase and progress as it goes,
 * the dispatcher and the admin page read them.
 */
import { desc, eq, inArray } from 'drizzle-orm';
import { releaseJobs, type ReleaseJob } from '../../db/schema.server';
import type { JobPhase, ReleaseKind } from '../../db/enums';
import type { Db } from '../lib/db.server';

export const ACTIVE_PHASES: JobPhase[] = ['queued', 'release', 'package'];

export const isActive = (job: Pick<ReleaseJob, 'phase'>) => ACTIVE_PHASES.includes(job.phase);

export async function queueJob(
  db: Db,
  job: { id: string; year: number; kind: ReleaseKind | null },
  now: Date,
) {
  const at = now.toISOString();
  await db.insert(releaseJobs).values({
    id: job.id,
    editionYear: job.year,
    kind: job.kind,
    phase: 'queued',
    createdAt: at,
    updatedAt: at,
  });
}

export async function setPhase(
  db: Db,
  id: string,
  phase: JobPhase,
  { progress = 0, outcome = null }: { progress?: number; outcome?: string | null } = {},
  now = new Date(),
) {
  await db
    .update(releaseJobs)
    .set({ phase, progress, outcome, updatedAt: now.toISOString() })
    .where(eq(releaseJobs.id, id));
}

export async function activeJobs(db: Db): Promise<ReleaseJob[]> {
  return db.select().from(releaseJobs).where(inArray(releaseJobs.phase, ACTIVE_PHASES));
}

/** Each edition's latest job, by year. */
export async function latestJobs(db: Db): Promise<Map<number, ReleaseJob>> {
  const rows = await db.select().from(releaseJobs).orderBy(desc(releaseJobs.createdAt));
  const latest = new Map<number, ReleaseJob>();
  for (const job of rows) if (!latest.has(job.editionYear)) latest.set(job.editionYear, job);
  return latest;
}

export async function latestJob(db: Db, year: number): Promise<ReleaseJob | undefined> {
  return db.query.releaseJobs.findFirst({
    where: eq(releaseJobs.editionYear, year),
    orderBy: desc(releaseJobs.createdAt),
  });
}

/** What the admin page says of an edition's latest job: running, or failed; nothing once done. */
export function jobStatus(job: ReleaseJob | undefined) {
  if (!job || job.phase === 'done') return null;
  return { phase: job.phase, active: isActive(job), progress: job.progress, outcome: job.outcome };
}
