/**
 * The deployed Worker: SvelteKit's built handler for every request (pages, and the Hono API
 * under /api), the Cron Trigger that starts release jobs, and the Workflow that runs them
 * (docs/adr/009-release-workflow.md). wrangler bundles this file after `vite build`, so the
 * WebAssembly modules, HiGHS in the Workflow (api/releases/highs-wasm.server.ts) and resvg for
 * the chart PNGs (api/charts/rasterise.server.ts), are imported as compiled modules here, where
 * SvelteKit's bundler never sees them.
 */
import sveltekit from '../.svelte-kit/cloudflare/_worker.js';
import { svgUrlFor } from './charts/png-route';
import { rasterise } from './charts/rasterise.server';
import { dispatchJobs } from './jobs/dispatch.server';
import { getDb } from './lib/db.server';
import { DAILY_CRON } from './releases/schedule';

export { ReleaseWorkflow } from './jobs/workflow.server';

/** A chart's PNG: its SVG from SvelteKit, in-process, rasterised. */
async function chartPng(
  request: Request,
  svgUrl: URL,
  env: Env,
  ctx: ExecutionContext,
): Promise<Response> {
  // An in-process request has no cf properties of its own; the SVG route reads none.
  const inner = new Request(svgUrl, { headers: request.headers }) as Parameters<
    typeof sveltekit.fetch
  >[0];
  const svg = await sveltekit.fetch(inner, env, ctx);
  if (svg.status !== 200) return svg;
  const png = await rasterise(await svg.text());
  // The SVG's headers carry the security headers and cache-control its route and hooks set;
  // only those describing the SVG body itself are dropped.
  const headers = new Headers(svg.headers);
  for (const name of ['content-length', 'content-encoding', 'etag', 'content-disposition'])
    headers.delete(name);
  headers.set('content-type', 'image/png');
  return new Response(png, { status: 200, headers });
}

export default {
  fetch(request, env, ctx) {
    const svgUrl = request.method === 'GET' ? svgUrlFor(new URL(request.url)) : null;
    return svgUrl ? chartPng(request, svgUrl, env, ctx) : sveltekit.fetch(request, env, ctx);
  },
  async scheduled(controller, env) {
    // Outcomes are stored (jobs, releases, refusals with their audit): nothing to log.
    await dispatchJobs(getDb(env.DB), env.RELEASES, {
      scheduled: controller.cron === DAILY_CRON,
      exports: env.EXPORTS,
    });
  },
} satisfies ExportedHandler<Env>;
