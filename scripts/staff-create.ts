/**
 * Creates a staff account, or resets its password and role.
 *
 *   STAFF_PASSWORD=… npm run staff:create -- --email ana@example.org --role moderator
 *   npm run staff:create -- --email ana@example.org --role admin --remote   (production D1)
 *
 * The password comes from STAFF_PASSWORD or is asked for without echo. It is
 * hashed here (PBKDF2-SHA-256, 100,000 iterations) and only the hash is sent.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { hashPassword } from '../api/lib/crypto';
import { PASSWORD_MIN } from '../api/staff/accounts.server';
import { normalizeEmail } from '../api/staff/service.server';
import { STAFF_ROLES } from '../db/enums';
import { persistOption } from './lib/args';
import { run } from './lib/run';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    remote: { type: 'boolean' },
    ...persistOption,
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const email = normalizeEmail(values.email ?? '');
// Strict on purpose: the address is written into SQL, so it may hold no quote.
if (!/^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(email))
  fail('--email must be a plain email address.');
const role = values.role as (typeof STAFF_ROLES)[number];
if (!STAFF_ROLES.includes(role)) fail(`--role must be one of: ${STAFF_ROLES.join(', ')}.`);

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY)
    fail('Set STAFF_PASSWORD, or run this in a terminal to be asked for it.');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write('Password: ');
  muted._writeToOutput = () => {};
  const password = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return password;
}

const password = process.env.STAFF_PASSWORD ?? (await askPassword());
if (password.length < PASSWORD_MIN) fail(`The password needs at least ${PASSWORD_MIN} characters.`);

const hash = await hashPassword(password);
const sql = `INSERT INTO staff (email, password_hash, role, created_at) VALUES ('${email}', '${hash}', '${role}', '${new Date().toISOString()}')
  ON CONFLICT(email) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, disabled = 0;`;
const target = values.remote
  ? ['--remote']
  : ['--local', ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : [])];
run('npx', ['wrangler', 'd1', 'execute', 'DB', ...target, '--command', sql]);
console.log(
  `Staff account ${email} (${role}) is ready${values.remote ? ' in the production database' : ' in the local database'}.`,
);
