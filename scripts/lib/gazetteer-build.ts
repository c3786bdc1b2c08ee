/**
 * Builds the flagger's gazetteer (api/testimonials/gazetteer.generated.ts) from pinned packages:
 * first and last names from faker's French, Belgian, Swiss and English locales, places from the
 * official administrative list (@etalab/decoupage-administratif), and two word lists to tell
 * which names are also ordinary words.
 *
 * Pure: the sources come in as arguments, so `npm run gazetteer` (node) writes the module and a
 * unit test (workerd) rebuilds it from the same packages and checks it has not drifted.
 */
import { encodeKeys, joinKeys, nameKey } from '../../api/testimonials/name-key';

export interface Commune {
  nom: string;
  type: string;
  population?: number;
}

export interface GazetteerSources {
  firstNames: readonly string[];
  lastNames: readonly string[];
  countries: readonly string[];
  communes: readonly Commune[];
  departements: readonly { nom: string }[];
  regions: readonly { nom: string }[];
  frenchWords: readonly string[];
  englishWords: readonly string[];
}

/** Each list holds name keys (see `nameKey`): `places` front-coded (see `encodeKeys`), the
 * others joined by "|" (see `joinKeys`). */
export interface Gazetteer {
  firstNames: string;
  lastNames: string;
  /** Country names in French and English: too large to single anyone out, so never flagged. */
  countries: string;
  /** Communes (current, delegated and associated), departments and regions. */
  places: string;
  /** Places under `MAJOR_POPULATION` that are also an ordinary word, a first name or two
   * letters at most ("Plaisir", "Sens", "Albert", "Eu"), one list per language: at the start of
   * a sentence their capital says nothing, so they are flagged there only after a preposition. */
  wordPlacesFr: string;
  wordPlacesEn: string;
  /** First names that are also an ordinary word ("Pierre", "Rose", "Grace", "Will"), one list
   * per language: not flagged alone at the start of a sentence. */
  wordFirstNamesFr: string;
  wordFirstNamesEn: string;
}

/** Cities this large are named, not meant, when capitalised at a sentence start (Paris, Bordeaux). */
export const MAJOR_POPULATION = 100_000;

const COMMUNE_TYPES = new Set(['commune-actuelle', 'commune-deleguee', 'commune-associee']);

function keysOf(names: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    const key = nameKey(name);
    if (key !== '') keys.add(key);
  }
  return keys;
}

function join(keys: Iterable<string>): string {
  return joinKeys([...keys].sort());
}

export function buildGazetteer(sources: GazetteerSources): Gazetteer {
  const firstNames = keysOf(sources.firstNames);
  const words = { fr: keysOf(sources.frenchWords), en: keysOf(sources.englishWords) };

  const population = new Map<string, number>();
  const addPlace = (name: string, inhabitants: number) => {
    const key = nameKey(name);
    if (key !== '') population.set(key, Math.max(population.get(key) ?? 0, inhabitants));
  };
  for (const commune of sources.communes) {
    if (COMMUNE_TYPES.has(commune.type)) addPlace(commune.nom, commune.population ?? 0);
  }
  for (const { nom } of [...sources.departements, ...sources.regions]) addPlace(nom, 0);

  const wordPlaces = (lang: 'fr' | 'en') =>
    join(
      [...population]
        .filter(([, inhabitants]) => inhabitants < MAJOR_POPULATION)
        .filter(([key]) => key.length <= 2 || firstNames.has(key) || words[lang].has(key))
        .map(([key]) => key),
    );
  const wordFirstNames = (lang: 'fr' | 'en') =>
    join([...firstNames].filter((key) => words[lang].has(key)));

  return {
    firstNames: join(firstNames),
    lastNames: join(keysOf(sources.lastNames)),
    countries: join(keysOf(sources.countries)),
    places: encodeKeys([...population.keys()].sort()),
    wordPlacesFr: wordPlaces('fr'),
    wordPlacesEn: wordPlaces('en'),
    wordFirstNamesFr: wordFirstNames('fr'),
    wordFirstNamesEn: wordFirstNames('en'),
  };
}

/** The packages the gazetteer is read from, and the text of the code that builds it. */
export interface GazetteerOrigin {
  /** name → exact version, as installed. */
  packages: Record<string, string>;
  /** The generator's source files (name-key.ts, gazetteer-build.ts, gazetteer-sources.ts). */
  generatorSources: string[];
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * What the drift test can check inside workerd, where the 9 MB of sources cannot be loaded:
 * the package versions, a hash of the generator's code (whitespace aside, so formatting does
 * not count) and a hash of the lists themselves (so a hand edit shows).
 */
export async function fingerprint(gazetteer: Gazetteer, origin: GazetteerOrigin) {
  return {
    sourceVersions: Object.entries(origin.packages)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, version]) => `${name}@${version}`)
      .join(' '),
    generatorHash: await sha256(origin.generatorSources.join('\n').replace(/\s+/g, '')),
    contentHash: await sha256(Object.values(gazetteer).join('\n')),
  };
}

function constantName(property: string): string {
  return property.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
}

/** The generated module's text, formatted as prettier would leave it. */
export async function renderGazetteerModule(
  gazetteer: Gazetteer,
  origin: GazetteerOrigin,
): Promise<string> {
  const lines = [
    '// Generated by `npm run gazetteer` (scripts/gazetteer.ts) from the pinned packages:',
    '// do not edit. tests/unit/gazetteer.test.ts fails when it no longer matches them.',
    '// Lists of name keys: PLACES front-coded (see PackedKeys in ./name-key.ts), the others joined by "|".',
    '',
  ];
  const constants = { ...(await fingerprint(gazetteer, origin)), ...gazetteer };
  for (const [property, value] of Object.entries(constants)) {
    // Keys are letters, digits and spaces; the front coding adds letters, digits, "|" and "#".
    if (!/^[\p{L}\p{N} |#@/.-]*$/u.test(value)) {
      throw new Error(`unexpected character in ${property}`);
    }
    const line = `export const ${constantName(property)} = '${value}';`;
    if (line.length <= 100) lines.push(line);
    else lines.push(`export const ${constantName(property)} =`, `  '${value}';`);
    lines.push('');
  }
  return lines.join('\n').trimEnd() + '\n';
}
