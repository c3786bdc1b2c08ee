/**
 * `npm test`: type checks, lint, the tests in workerd, then the browser
 * tests on the built Worker. Every step runs even when one fails, so one run
 * shows everything; the last line sums the tests of every runner.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  args: string[];
  /** Vitest JSON report that holds the step's test counts, for runners. */
  report?: string;
}

const REPORTS = 'test-results/reports';
const vitest = (config: string, report: string): string[] => [
  'vitest',
  'run',
  '--config',
  config,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
];

const steps: Step[] = [
  { name: 'type checks (tsc, svelte-check)', args: ['npm', 'run', 'check', '--silent'] },
  { name: 'lint (prettier, eslint)', args: ['npm', 'run', 'lint', '--silent'] },
  {
    name: 'gazetteer matches its pinned sources',
    args: ['npm', 'run', 'gazetteer', '--silent', '--', '--check'],
  },
  {
    name: 'unit and API tests in workerd',
    args: ['npx', ...vitest('vitest.config.ts', `${REPORTS}/workerd.json`)],
    report: `${REPORTS}/workerd.json`,
  },
  { name: 'chromium', args: ['npx', 'tsx', 'scripts/ensure-chromium.ts'] },
  {
    name: "researchers' tools (R, haven, readr, PSPP)",
    args: ['npx', 'tsx', 'scripts/ensure-research-tools.ts'],
  },
  { name: 'build', args: ['npm', 'run', 'build', '--silent'] },
  {
    name: 'browser tests on the built Worker',
    args: ['npx', ...vitest('vitest.e2e.config.ts', `${REPORTS}/e2e.json`)],
    report: `${REPORTS}/e2e.json`,
  },
];

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

let passed = 0;
let failed = 0;
const failedSteps: string[] = [];
for (const step of steps) {
  console.log(`\n▸ ${step.name}`);
  const status = spawnSync(step.args[0]!, step.args.slice(1), { stdio: 'inherit' }).status;
  if (step.report && existsSync(step.report)) {
    const report = JSON.parse(readFileSync(step.report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  if (status !== 0) {
    failedSteps.push(step.name);
    // A check that fails without a test report still counts as one failure.
    if (!step.report || !existsSync(step.report)) failed += 1;
  }
}

if (failedSteps.length > 0) console.log(`\nFailed: ${failedSteps.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 ? 1 : 0);
