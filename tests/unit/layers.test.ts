import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of docs/architecture.md, checked over the import graph of the sources: folders of
 * api/ depend on each other one way only, and whatever reaches the database, the bindings or the
 * network is a `*.server.ts` module, which SvelteKit refuses to bundle for the browser.
 */
const sources = Object.fromEntries(
  Object.entries(
    import.meta.glob(['../../api/**/*.ts', '../../db/*.ts', '../../web/**/*.{ts,svelte}'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>,
  )
    .filter(([file]) => !file.includes('/paraglide/'))
    .map(([file, text]) => [file.replace(/^\.\.\/\.\.\//, ''), text]),
);

const ALIASES: Record<string, string> = { $api: 'api', $db: 'db' };

/** The repository paths a file imports at run time (type-only imports are erased). */
function importsOf(file: string): string[] {
  const found: string[] = [];
  for (const match of sources[file]!.matchAll(
    /\bimport\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    if (match[1]) continue;
    const specifier = match[2] ?? match[3]!;
    const alias = Object.keys(ALIASES).find((a) => specifier.startsWith(`${a}/`));
    const path = alias
      ? ALIASES[alias] + specifier.slice(alias.length)
      : specifier.startsWith('.')
        ? posix.join(posix.dirname(file), specifier)
        : null;
    if (!path) continue;
    const target = [path, `${path}.ts`, `${path}/index.ts`].find((p) => p in sources);
    if (target) found.push(target);
  }
  return found;
}

const graph = new Map(Object.keys(sources).map((file) => [file, importsOf(file)]));

/** The folder of api/ a module belongs to, or null for api/'s own files and other trees. */
const apiFolder = (file: string) => /^api\/([^/]+)\//.exec(file)?.[1] ?? null;

/** Folder cycles, as paths of folders "a → b → … → a", each with one file edge per step. */
function folderCycles(edges: Map<string, string[]>): string[] {
  const folderEdges = new Map<string, Map<string, string>>();
  for (const [file, targets] of edges) {
    const from = apiFolder(file);
    for (const target of targets) {
      const to = apiFolder(target);
      if (!from || !to || from === to || from === 'lib') continue;
      if (!folderEdges.has(from)) folderEdges.set(from, new Map());
      folderEdges.get(from)!.set(to, `${file} → ${target}`);
    }
  }
  const cycles: string[] = [];
  const visit = (folder: string, path: string[]) => {
    for (const [next, via] of folderEdges.get(folder) ?? []) {
      const at = path.indexOf(next);
      if (at === 0) cycles.push([...path, next].join(' → ') + ` (${via})`);
      else if (at < 0 && next > path[0]!) visit(next, [...path, next]);
    }
  };
  for (const folder of folderEdges.keys()) visit(folder, [folder]);
  return cycles;
}

describe('layers', () => {
  it('reads the whole source tree', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('api/app.server.ts')).toContain('api/staff/routes.server.ts');
  });

  it('has no import cycle between the folders of api/', () => {
    expect(folderCycles(graph)).toEqual([]);
  });

  it('finds a cycle when one is added, as the old staff ↔ testimonials pair was', () => {
    const withCycle = new Map(graph);
    withCycle.set('api/testimonials/x.ts', ['api/staff/service.server.ts']);
    withCycle.set('api/staff/y.ts', ['api/testimonials/service.server.ts']);
    expect(folderCycles(withCycle)).toEqual([
      expect.stringMatching(/^staff → testimonials → staff /),
    ]);
  });

  it('names every module that reaches D1, R2, the network or the schema *.server.ts', () => {
    const io = /from 'drizzle-orm|from 'jose'|\benv\.(DB|EXPORTS)\b|\bfetch\(/;
    const offenders = [...graph]
      .filter(([file]) => file.startsWith('api/') || file.startsWith('db/'))
      .filter(([file]) => !file.endsWith('.server.ts') && !file.endsWith('.d.ts'))
      .filter(([file]) => file !== 'api/worker.ts')
      .filter(
        ([file, targets]) =>
          io.test(sources[file]!) || targets.some((target) => target.endsWith('.server.ts')),
      )
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });

  it('lets pages reach the database only through the domain modules', () => {
    const direct = [...graph]
      .filter(([file]) => file.startsWith('web/'))
      .filter(
        ([file, targets]) =>
          /from 'drizzle-orm/.test(sources[file]!) || targets.includes('db/schema.server.ts'),
      )
      .map(([file]) => file);
    expect(direct).toEqual([]);
  });

  it('keeps pages in the browser away from server modules', () => {
    const browser = [...graph].filter(
      ([file]) =>
        file.startsWith('web/') &&
        !file.startsWith('web/lib/server/') &&
        !/(\.server\.ts|\+server\.ts|hooks\.server\.ts)$/.test(file),
    );
    for (const [file, targets] of browser)
      expect(
        targets.filter((t) => t.endsWith('.server.ts')),
        file,
      ).toEqual([]);
  });
});
