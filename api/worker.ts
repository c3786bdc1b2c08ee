/**
 * The deployed Worker: SvelteKit's built handler for every request (pages, and the Hono API
 * under /api), plus the Cron Trigger that builds releases (docs/adr/006-releases.md). wrangler
 * bundles this file after `vite build`, so the HiGHS WebAssembly module is imported as a
 * compiled module here (api/releases/highs-wasm.server.ts), where SvelteKit's bundler never sees it.
 */
import sveltekit from '../.svelte-kit/cloudflare/_worker.js';
import { getDb } from './lib/db.server';
import { publishedEdition } from './publication/package.server';
import { packageStore, storePackage } from './publication/storage.server';
import { loadHighs } from './releases/highs';
import highsWasm from './releases/highs-wasm.server';
import { runReleaseJob } from './releases/job.server';
import { DAILY_CRON } from './releases/schedule';

export default {
  fetch: sveltekit.fetch,
  async scheduled(controller, env) {
    const db = getDb(env.DB);
    // Outcomes are stored (releases, refusals with their audit): nothing to log.
    await runReleaseJob(db, await loadHighs(highsWasm), {
      scheduled: controller.cron === DAILY_CRON,
      afterFinal: async (edition) => {
        await storePackage(db, packageStore(env), await publishedEdition(db, edition.year));
      },
    });
  },
} satisfies ExportedHandler<Env>;
