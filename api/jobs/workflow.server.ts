/**
 * The release Workflow (docs/adr/009-release-workflow.md): builds a release, audited, and after
 * a final one the data package into R2, as durable steps. A step that fails is retried with
 * backoff; a run that stops resumes after its last finished step. Every D1 write happens inside
 * a step, so replaying `run` after a restart writes nothing twice.
 */
import {
  WorkflowEntrypoint,
  type WorkflowEvent,
  type WorkflowStep,
  type WorkflowStepConfig,
} from 'cloudflare:workers';
import { getDb } from '../lib/db.server';
import { publishedEdition, type PackageProgress } from '../publication/package.server';
import { packageStore, storePackage } from '../publication/storage.server';
import { loadHighs } from '../releases/highs';
import highsWasm from '../releases/highs-wasm.server';
import { runRelease, type JobOutcome } from '../releases/job.server';
import type { JobParams } from './dispatch.server';
import { setPhase } from './state.server';

/** A release at 100,000 responses takes minutes, mostly D1's; three tries, a minute apart and more. */
const STEP: WorkflowStepConfig = {
  retries: { limit: 3, delay: '1 minute', backoff: 'exponential' },
  timeout: '15 minutes',
};

/** The package's two passes (scanning the rows for the disclosure check, then writing them) as one percentage. */
function packagePercent({ phase, done, total }: PackageProgress): number {
  const share = total > 0 ? Math.min(done / total, 1) : 1;
  return Math.floor((phase === 'scan' ? 0 : 50) + share * 50);
}

/** A run's output: what the release step decided, and the package's rows if it built one. */
export interface JobOutput {
  release: { status: JobOutcome['status']; reason: string | null } | null;
  packageRows: number | null;
}

export class ReleaseWorkflow extends WorkflowEntrypoint<Env, JobParams> {
  async run(event: WorkflowEvent<JobParams>, step: WorkflowStep): Promise<JobOutput> {
    const { jobId, year, kind } = event.payload;
    const db = getDb(this.env.DB);
    try {
      let release: JobOutput['release'] = null;
      if (kind) {
        release = await step.do('release', STEP, async () => {
          await setPhase(db, jobId, 'release');
          const { status, reason } = await runRelease(db, await loadHighs(highsWasm), year, kind);
          return { status, reason: reason ?? null };
        });
        if (release.status !== 'published' || kind !== 'final') {
          const said = release.reason ? `${release.status}: ${release.reason}` : release.status;
          await step.do('done', () => setPhase(db, jobId, 'done', { outcome: said }));
          return { release, packageRows: null };
        }
      }
      const rows = await step.do('package', STEP, async () => {
        await setPhase(db, jobId, 'package');
        let shown = 0;
        let writes = Promise.resolve();
        const { rows } = await storePackage(
          db,
          packageStore(this.env),
          await publishedEdition(db, year),
          (progress) => {
            // Every 5 %: enough for a progress bar, few writes.
            const percent = packagePercent(progress);
            if (percent < shown + 5) return;
            shown = percent;
            writes = writes.then(() => setPhase(db, jobId, 'package', { progress: percent }));
          },
        );
        await writes;
        return rows;
      });
      await step.do('done', () =>
        setPhase(db, jobId, 'done', { progress: 100, outcome: `package: ${rows} rows` }),
      );
      return { release, packageRows: rows };
    } catch (error) {
      // The retries are spent: the admin page shows why; the dispatcher tries again in an hour.
      const why = error instanceof Error ? error.message : String(error);
      await step.do('failed', () => setPhase(db, jobId, 'failed', { outcome: why }));
      throw error;
    }
  }
}
