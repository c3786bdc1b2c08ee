/** The versions of the packages the gazetteer is built from: small enough to load in workerd. */
import etalab from '@etalab/decoupage-administratif/package.json';
import faker from '@faker-js/faker/package.json';
import englishWords from 'an-array-of-english-words/package.json';
import frenchWords from 'an-array-of-french-words/package.json';

export const GAZETTEER_PACKAGES: Record<string, string> = Object.fromEntries(
  [etalab, faker, englishWords, frenchWords].map(({ name, version }) => [name, version]),
);
