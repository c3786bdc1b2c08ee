import { describe, expect, it } from 'vitest';
import * as generated from '../../api/testimonials/gazetteer.generated';
import {
  PackedKeys,
  decodeKeys,
  encodeKeys,
  keySet,
  nameKey,
} from '../../api/testimonials/name-key';
import nameKeySource from '../../api/testimonials/name-key.ts?raw';
import rootPackage from '../../package.json';
import { fingerprint, type Gazetteer } from '../../scripts/lib/gazetteer-build';
import buildSource from '../../scripts/lib/gazetteer-build.ts?raw';
import { GAZETTEER_PACKAGES } from '../../scripts/lib/gazetteer-packages';
import sourcesSource from '../../scripts/lib/gazetteer-sources.ts?raw';

// The lists as the generator named them (firstNames → FIRST_NAMES), in the generator's order.
const LISTS: (keyof Gazetteer)[] = [
  'firstNames',
  'lastNames',
  'countries',
  'places',
  'wordPlacesFr',
  'wordPlacesEn',
  'wordFirstNamesFr',
  'wordFirstNamesEn',
];
const gazetteer = Object.fromEntries(
  LISTS.map((list) => {
    const constant = list.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
    return [list, generated[constant as keyof typeof generated]];
  }),
) as unknown as Gazetteer;

describe('the generated gazetteer (npm run gazetteer)', () => {
  // Rebuilding it here would mean loading 9 MB of sources into workerd, more than its module
  // loader takes; `npm run gazetteer -- --check` does that in Node. Here: the same versions, the
  // same generator, and lists nobody edited by hand.
  it('was generated from the pinned packages, by the current generator, and not edited since', async () => {
    for (const [name, version] of Object.entries(GAZETTEER_PACKAGES)) {
      expect(
        rootPackage.devDependencies[name as keyof typeof rootPackage.devDependencies],
        name,
      ).toBe(version);
    }
    const expected = await fingerprint(gazetteer, {
      packages: GAZETTEER_PACKAGES,
      generatorSources: [nameKeySource, buildSource, sourcesSource],
    });
    const hint = 'run npm run gazetteer';
    expect(generated.SOURCE_VERSIONS, hint).toBe(expected.sourceVersions);
    expect(generated.GENERATOR_HASH, hint).toBe(expected.generatorHash);
    expect(generated.CONTENT_HASH, hint).toBe(expected.contentHash);
  });

  it('stays small enough for the Worker', () => {
    const size = Object.values(generated).reduce((sum, value) => sum + value.length, 0);
    expect(size).toBeLessThan(500_000);
  });

  it('holds the names and places the flagger relies on', () => {
    const places = new PackedKeys(generated.PLACES);
    const firstNames = keySet(generated.FIRST_NAMES);
    for (const place of ['Saint-Brieuc', 'Lyon', 'Lille', 'Bretagne', 'Finistère', 'Le Mans']) {
      expect(places.has(nameKey(place)), place).toBe(true);
    }
    for (const name of ['Julien', 'Hervé', 'Sophie', 'Emma', 'James']) {
      expect(firstNames.has(nameKey(name)), name).toBe(true);
    }
  });

  it('front-codes keys without loss, and finds each of them in place', () => {
    const keys = decodeKeys(generated.PLACES);
    expect(keys.length).toBeGreaterThan(34_000);
    expect(keys).toEqual([...keys].sort());
    expect(encodeKeys(keys)).toBe(generated.PLACES);
    const places = new PackedKeys(generated.PLACES);
    const known = new Set(keys);
    for (const key of keys.filter((_, index) => index % 7 === 0)) {
      expect(places.has(key), key).toBe(true);
      for (const near of [`${key}x`, key.slice(0, -1), `a${key}`]) {
        expect(places.has(near), near).toBe(known.has(near));
      }
    }
    expect(new PackedKeys('').has('a')).toBe(false);
    expect(decodeKeys(encodeKeys([]))).toEqual([]);
  });

  it('keys names whatever their accents, case, hyphens and abbreviations', () => {
    expect(nameKey('Saint-Étienne')).toBe('saint etienne');
    expect(nameKey('ST ETIENNE')).toBe('saint etienne');
    expect(nameKey("Les Sables-d'Olonne")).toBe('les sables d olonne');
    expect(nameKey('Cœuvres-et-Valsery')).toBe('coeuvres et valsery');
  });
});
