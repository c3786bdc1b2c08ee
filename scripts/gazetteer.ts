/**
 * `npm run gazetteer`: writes api/testimonials/gazetteer.generated.ts from the pinned packages.
 * Run it after bumping one of them or editing the generator; tests/unit/gazetteer.test.ts fails
 * until the committed module matches them again. `npm run gazetteer -- --check` rebuilds it in
 * memory and fails if the committed one differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildGazetteer, renderGazetteerModule } from './lib/gazetteer-build';
import { GAZETTEER_PACKAGES } from './lib/gazetteer-packages';
import { gazetteerSources } from './lib/gazetteer-sources';

const target = new URL('../api/testimonials/gazetteer.generated.ts', import.meta.url);
const generatorFiles = [
  '../api/testimonials/name-key.ts',
  './lib/gazetteer-build.ts',
  './lib/gazetteer-sources.ts',
];
const source = await renderGazetteerModule(buildGazetteer(gazetteerSources), {
  packages: GAZETTEER_PACKAGES,
  generatorSources: generatorFiles.map((file) =>
    readFileSync(new URL(file, import.meta.url), 'utf8'),
  ),
});

if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== source) {
    process.stderr.write(`${target.pathname} is out of date: run npm run gazetteer\n`);
    process.exit(1);
  }
  process.stdout.write(`${target.pathname} is up to date\n`);
} else {
  writeFileSync(target, source);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  process.stdout.write(
    `wrote ${target.pathname}: ${kb(Buffer.byteLength(source))} raw, ` +
      `${kb(gzipSync(source).length)} gzipped\n`,
  );
}
