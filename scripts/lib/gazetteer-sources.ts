/**
 * The pinned packages the gazetteer is built from (devDependencies only: the Worker imports the
 * generated module, never these). Shared by `npm run gazetteer` and the drift test.
 */
import { en, fr, fr_BE, fr_CH, type LocaleDefinition } from '@faker-js/faker';
import communes from '@etalab/decoupage-administratif/data/communes.json';
import departements from '@etalab/decoupage-administratif/data/departements.json';
import regions from '@etalab/decoupage-administratif/data/regions.json';
import englishWords from 'an-array-of-english-words';
import frenchWords from 'an-array-of-french-words';
import type { GazetteerSources } from './gazetteer-build';

const LOCALES: LocaleDefinition[] = [fr, fr_BE, fr_CH, en];

function personNames(pick: 'first_name' | 'last_name'): string[] {
  const names: string[] = [];
  for (const locale of LOCALES) {
    const lists = locale.person?.[pick];
    if (!lists) continue;
    for (const list of Object.values(lists)) if (Array.isArray(list)) names.push(...list);
  }
  return names;
}

function countries(): string[] {
  return LOCALES.flatMap((locale) => locale.location?.country ?? []);
}

export const gazetteerSources: GazetteerSources = {
  firstNames: personNames('first_name'),
  lastNames: personNames('last_name'),
  countries: countries(),
  communes,
  departements,
  regions,
  frenchWords,
  englishWords,
};
