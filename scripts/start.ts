/**
 * `npm start`: build the Worker, migrate the local D1, seed the demo data if
 * the database is empty, and serve the observatory on PORT (default 8787).
 */
import { spawn } from 'node:child_process';
import { DEMO_ADMIN } from '../db/seed/generate';
import { migrateLocalD1 } from './lib/local-server';
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
`);
// At its default level wrangler prints a line per request, which a service
// manager would keep with a timestamp: DESIGN §3 allows no such record.
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
  ],
  {
    stdio: 'inherit',
    env: wranglerEnv,
  },
);
server.on('exit', (code) => process.exit(code ?? 0));
