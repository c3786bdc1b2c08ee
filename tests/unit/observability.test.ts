import { describe, expect, it } from 'vitest';
import wranglerToml from '../../wrangler.toml?raw';

/**
 * The keys of each table of a TOML file, enough for wrangler.toml's flat
 * `key = value` tables (arrays of tables such as [[ratelimits]] are skipped).
 */
function tables(toml: string): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>([['', new Map()]]);
  let current: Map<string, string> | undefined = result.get('');
  for (const raw of toml.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const header = /^\[([^[\]]+)\]$/.exec(line);
    if (header) {
      current = new Map();
      result.set(header[1]!.trim(), current);
    } else if (line.startsWith('[[')) {
      current = undefined;
    } else {
      const pair = /^([\w.-]+)\s*=\s*(.+)$/.exec(line);
      if (pair && current) current.set(pair[1]!, pair[2]!);
    }
  }
  return result;
}

// Every source file of the Worker, as text; the generated messages are not ours.
const sources = import.meta.glob(
  ['../../api/**/*.ts', '../../web/**/*.{ts,svelte}', '!../../web/lib/paraglide/**'],
  { query: '?raw', import: 'default', eager: true },
) as Record<string, string>;

describe('logs (docs/architecture.md, privacy rules: no timestamped request to the survey, drafts, withdrawal or testimonial routes)', () => {
  it('stores no Workers Logs, invocation logs or traces', () => {
    const config = tables(wranglerToml);
    expect(config.get('observability')?.get('enabled')).toBe('false');
    expect(config.get('observability.logs')?.get('enabled')).toBe('false');
    expect(config.get('observability.logs')?.get('invocation_logs')).toBe('false');
    expect(config.get('observability.traces')?.get('enabled')).toBe('false');
    // No Logpush or tail consumer to ship requests elsewhere.
    expect(wranglerToml).not.toMatch(/^\s*logpush\s*=\s*true/m);
    expect(wranglerToml).not.toMatch(/^\s*\[\[tail_consumers\]\]/m);
  });

  it('has no code that logs a request: only errors are written, without the request', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    for (const [file, text] of Object.entries(sources)) {
      expect(text, file).not.toMatch(/console\.(log|info|debug|trace|dir|table)\b/);
      for (const call of text.match(/console\.(error|warn)\([^;]*/g) ?? []) {
        expect(call, file).not.toMatch(/\b(req|request|url|headers|path(name)?|ip)\b/i);
      }
    }
  });
});
