/**
 * The deployed Worker: SvelteKit's built handler for every request (pages, and the Hono API
 * under /api), the Cron Trigger that starts release jobs, and the Workflow that runs them
 * (docs/adr/009-release-workflow.md). wrangler bundles this file after `vite build`, so the
 * HiGHS WebAssembly module is imported as a compiled module in the Workflow
 * (api/releases/highs-wasm.server.ts), where SvelteKit's bundler never sees it.
 */
import sveltekit from '../.svelte-kit/cloudflare/_worker.js';
import { dispatchJobs } from './jobs/dispatch.server';
import { getDb } from './lib/db.server';
import { DAILY_CRON } from './releases/schedule';

export { ReleaseWorkflow } from './jobs/workflow.server';

export default {
  fetch: sveltekit.fetch,
  async scheduled(controller, env) {
    // Outcomes are stored (jobs, releases, refusals with their audit): nothing to log.
    await dispatchJobs(getDb(env.DB), env.RELEASES, {
      scheduled: controller.cron === DAILY_CRON,
      exports: env.EXPORTS,
    });
  },
} satisfies ExportedHandler<Env>;
