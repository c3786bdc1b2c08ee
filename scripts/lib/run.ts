import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';

/** Quiet, offline wrangler: no telemetry, no update checks, no interactive prompts. */
export const wranglerEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CI: process.env.CI ?? 'true',
} satisfies NodeJS.ProcessEnv;

/** Runs a command to completion, failing loudly with its output. */
export function run(command: string, args: string[], options: SpawnOptions = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', env: wranglerEnv, ...options });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout ?? ''}${result.stderr ?? ''}`,
    );
  }
  return result.stdout ?? '';
}

export function spawnDetached(command: string, args: string[], options: SpawnOptions = {}) {
  return spawn(command, args, {
    env: wranglerEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
}
