/**
 * The Worker the API tests run: the Hono app alone, so they need no SvelteKit
 * build. The built Worker, pages included, is what the browser tests drive.
 */
import app from '../../api/app.server';

export default { fetch: app.fetch } satisfies ExportedHandler<Env>;

export { ReleaseWorkflow } from '../../api/jobs/workflow.server';
