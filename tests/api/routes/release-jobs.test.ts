import { introspectWorkflow } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatchJobs } from '../../../api/jobs/dispatch.server';
import { jobStatus, latestJob } from '../../../api/jobs/state.server';
import { getDb } from '../../../api/lib/db.server';
import { hasStoredPackage, packageKey } from '../../../api/publication/storage.server';
import {
  addEdition,
  api,
  clearDatabase,
  count,
  insertDemoResponses,
  release,
  workflowEnd,
} from '../fixtures';

/**
 * Issue #14, part 5: the release and its package are built by the release Workflow, started by
 * the Cron Trigger, with retried, resumable steps; the download answers 202 while it runs.
 */

const YEAR = 2041;
const db = () => getDb(env.DB);
const hasPackage = (year: number) => hasStoredPackage(env.EXPORTS, year);
const dispatch = (now = new Date()) =>
  dispatchJobs(db(), env.RELEASES, { scheduled: false, exports: env.EXPORTS, now });

async function publishedWithResponses(finalRequested: boolean) {
  await addEdition(YEAR, 'published', {
    publishedOn: `${YEAR + 1}-01-10`,
    releaseRequested: finalRequested ? 'final' : null,
  });
  await insertDemoResponses(2026, 900, YEAR);
}

beforeEach(async () => {
  await clearDatabase();
  await env.EXPORTS.delete(packageKey(YEAR));
});

describe('the release Workflow', () => {
  it('builds the final release then the package, one run per edition, with its phase on record', async () => {
    await publishedWithResponses(true);
    const early = await api(`/api/v1/editions/${YEAR}/package`);
    expect(early.status).toBe(202);
    expect(early.headers.get('retry-after')).toBe('60');
    await early.body?.cancel();

    const [started, ...others] = await dispatch();
    expect(others).toEqual([]);
    expect(started).toMatchObject({ year: YEAR, kind: 'final' });
    // A tick while the run is on starts no second one for the same edition.
    expect(await dispatch()).toEqual([]);

    const end = await workflowEnd(started!.jobId);
    expect(end.status).toBe('complete');
    expect(end.output.release).toEqual({ status: 'published', reason: null });
    expect(end.output.packageRows).toBeGreaterThan(0);
    expect(await latestJob(db(), YEAR)).toMatchObject({
      phase: 'done',
      progress: 100,
      outcome: `package: ${end.output.packageRows} rows`,
    });
    expect(await count('releases', `edition_year = ${YEAR} AND kind = 'final'`)).toBe(1);
    expect(await count('editions', 'release_requested IS NOT NULL')).toBe(0);

    const download = await api(`/api/v1/editions/${YEAR}/package`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    await download.arrayBuffer();
    // Done: nothing more to do on the next tick.
    expect(await dispatch()).toEqual([]);
  }, 60_000);

  it('builds packages in year order: a later edition waits for the earlier one’s run', async () => {
    await publishedWithResponses(true);
    await addEdition(YEAR + 1, 'published', {
      publishedOn: `${YEAR + 2}-01-10`,
      releaseRequested: 'final',
    });
    await insertDemoResponses(2025, 900, YEAR + 1);
    await env.EXPORTS.delete(packageKey(YEAR + 1));
    const first = await dispatch();
    expect(first.map((job) => job.year)).toEqual([YEAR]);
    expect(await dispatch()).toEqual([]);
    await workflowEnd(first[0]!.jobId);
    const second = await dispatch();
    expect(second.map((job) => job.year)).toEqual([YEAR + 1]);
    expect((await workflowEnd(second[0]!.jobId)).status).toBe('complete');
    // The later changelog read the earlier edition's levels from its package.
    expect(await hasPackage(YEAR + 1)).toBe(true);
  }, 60_000);

  it('retries a failed step and resumes after the last finished one: the release is built once', async () => {
    await publishedWithResponses(true);
    const introspector = await introspectWorkflow(env.RELEASES);
    try {
      await introspector.modifyAll(async (m) => {
        await m.disableRetryDelays();
        await m.mockStepError({ name: 'package' }, new Error('R2 is unavailable'), 2);
      });
      const [started] = await dispatch();
      const end = await workflowEnd(started!.jobId);
      expect(end.status).toBe('complete');
      expect(await count('releases', `edition_year = ${YEAR}`)).toBe(1);
      expect(await hasPackage(YEAR)).toBe(true);
    } finally {
      await introspector.dispose();
    }
  }, 60_000);

  it('marks a run whose retries are spent as failed, says why, and tries again an hour later', async () => {
    await publishedWithResponses(false);
    await release(YEAR, 'final');
    const introspector = await introspectWorkflow(env.RELEASES);
    let failedAt: Date;
    try {
      await introspector.modifyAll(async (m) => {
        await m.disableRetryDelays();
        await m.mockStepError({ name: 'package' }, new Error('R2 is unavailable'));
      });
      // The final release is out and its package missing: a run for the package alone.
      const [started] = await dispatch();
      expect(started).toMatchObject({ year: YEAR, kind: null });
      expect((await workflowEnd(started!.jobId)).status).toBe('errored');
      const job = (await latestJob(db(), YEAR))!;
      expect(jobStatus(job)).toEqual({
        phase: 'failed',
        active: false,
        progress: 0,
        outcome: 'R2 is unavailable',
      });
      failedAt = new Date(job.updatedAt);
    } finally {
      await introspector.dispose();
    }
    const early = await api(`/api/v1/editions/${YEAR}/package`);
    expect(early.status).toBe(202);
    await early.body?.cancel();
    expect(await dispatch(new Date(failedAt.getTime() + 59 * 60_000))).toEqual([]);
    const [again] = await dispatch(new Date(failedAt.getTime() + 61 * 60_000));
    expect((await workflowEnd(again!.jobId)).status).toBe('complete');
    expect(await count('releases', `edition_year = ${YEAR}`)).toBe(1);
    const download = await api(`/api/v1/editions/${YEAR}/package`);
    expect(download.status).toBe(200);
    await download.arrayBuffer();
  }, 60_000);

  it('marks as failed a run on record that the Workflow engine does not know', async () => {
    await addEdition(YEAR, 'open', { k: 5 });
    const at = new Date().toISOString();
    await env.DB.prepare(
      `INSERT INTO release_jobs (id, edition_year, kind, phase, created_at, updated_at)
       VALUES ('lost-run', ?1, 'provisional', 'release', ?2, ?2)`,
    )
      .bind(YEAR, at)
      .run();
    expect(await dispatch()).toEqual([]);
    expect(await latestJob(db(), YEAR)).toMatchObject({
      phase: 'failed',
      outcome: 'The job did not start.',
    });
  });
});
