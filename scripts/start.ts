/**
 * `npm start`: build the Worker, migrate the local D1, seed the demo data if
 * the database is empty, and serve the observatory on PORT (default 8787).
 */
import { spawn } from 'node:child_process';
import { DEMO_ADMIN } from '../db/seed/generate';
import { DAILY_CRON, REQUESTS_CRON } from '../api/releases/schedule';
import { migrateLocalD1, runCron } from './lib/local-server';
import { run, wranglerEnv } from './lib/run';

const port = process.env.PORT ?? '8787';
const step = (label: string, command: string, args: string[]) => {
  console.log(`▸ ${label}`);
  run(command, args, { stdio: 'inherit' });
};

step('Building the Worker', 'npm', ['run', 'build', '--silent']);
console.log('▸ Applying migrations to the local D1');
migrateLocalD1(undefined, { stdio: 'inherit' });
step('Seeding demo data (only into an empty database)', 'npx', [
  'tsx',
  'scripts/seed.ts',
  '--if-empty',
]);

console.log(`
The CM Observatory is starting at http://localhost:${port}
  English:   http://localhost:${port}/en
  API docs:  http://localhost:${port}/api/docs
  Demo staff login: ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}
  Its second factor: TOTP key ${DEMO_ADMIN.totpSecret}, or the current code from \`npm run demo:code\`
`);
// At its default level wrangler prints a line per request, which a service
// manager would keep with a timestamp: the privacy rules allow no such record.
const server = spawn(
  'npx',
  [
    'wrangler',
    'dev',
    '--port',
    port,
    '--show-interactive-dev-session=false',
    '--log-level',
    'warn',
    '--test-scheduled',
  ],
  {
    stdio: 'inherit',
    env: wranglerEnv,
  },
);
server.on('exit', (code) => process.exit(code ?? 0));

/**
 * wrangler dev never fires Cron Triggers by itself: this stands in for Cloudflare's scheduler.
 * Requested releases are built every minute (the demo editions' first ones right away), and the
 * daily provisional release is tried every hour, so a local demo does not wait a day.
 */
const baseURL = `http://localhost:${port}`;
const tick = (cron: string) => runCron(baseURL, cron).catch(() => undefined);
const waitForServer = async () => {
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
};
await waitForServer();
console.log('▸ Building the releases the demo editions asked for (first start: about a minute)');
await tick(REQUESTS_CRON);
console.log(`▸ Ready: http://localhost:${port}`);
setInterval(() => void tick(REQUESTS_CRON), 60_000);
setInterval(() => void tick(DAILY_CRON), 3_600_000);
