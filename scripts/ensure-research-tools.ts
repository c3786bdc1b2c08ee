/**
 * The pack-tools browser-free test runs researchers' own tools on the data package: R (with
 * haven), GNU PSPP. Installs Debian's packages when they are missing and this user may (root, or
 * sudo without a password); otherwise says how. DuckDB comes from npm (@duckdb/node-api).
 */
import { spawnSync } from 'node:child_process';

const PACKAGES = ['r-base-core', 'r-cran-readr', 'r-cran-haven', 'pspp'];

const has = (command: string, args: string[]) =>
  spawnSync(command, args, { stdio: 'ignore' }).status === 0;

function present(): boolean {
  return has('Rscript', ['-e', 'library(haven); library(readr)']) && has('pspp', ['--version']);
}

function install(sudo: boolean): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => {
    const [command, ...rest] = sudo ? ['sudo', '-n', 'apt-get', ...args] : ['apt-get', ...args];
    return spawnSync(command!, rest, { stdio: 'inherit', env }).status === 0;
  };
  return (
    apt(['update', '-qq']) && apt(['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES])
  );
}

if (!present()) {
  console.log(`R or PSPP is missing: installing Debian's ${PACKAGES.join(', ')}…`);
  const isRoot = process.getuid?.() === 0;
  const canSudo = !isRoot && spawnSync('sudo', ['-n', 'true']).status === 0;
  const installed = isRoot || canSudo ? install(canSudo) : false;
  if (!installed || !present()) {
    console.error(
      [
        'The data package test runs R (with haven and readr) and GNU PSPP, and they could not be installed from here.',
        'Install them, then run the tests again:',
        `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`,
      ].join('\n'),
    );
    process.exit(1);
  }
}
