/**
 * Browser tests drive Debian's chromium. Installs it when it is missing and
 * this user may (root, or sudo without a password); otherwise says how.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function install(sudo: boolean): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => {
    const [command, ...rest] = sudo ? ['sudo', '-n', 'apt-get', ...args] : ['apt-get', ...args];
    return spawnSync(command!, rest, { stdio: 'inherit', env }).status === 0;
  };
  return apt(['update', '-qq']) && apt(['install', '-y', '-qq', 'chromium']);
}

if (!existsSync(CHROMIUM_PATH)) {
  console.log(`Chromium is missing at ${CHROMIUM_PATH}: installing Debian's chromium package…`);
  const isRoot = process.getuid?.() === 0;
  const canSudo = !isRoot && spawnSync('sudo', ['-n', 'true']).status === 0;
  const installed = isRoot || canSudo ? install(canSudo) : false;
  if (!installed || !existsSync(CHROMIUM_PATH)) {
    console.error(
      [
        'The browser tests need Chromium, and it could not be installed from here.',
        'Install it, then run the tests again:',
        '  sudo apt-get update && sudo apt-get install -y chromium',
        'Or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
      ].join('\n'),
    );
    process.exit(1);
  }
}
