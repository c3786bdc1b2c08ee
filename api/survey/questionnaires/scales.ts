/**
 * The option lists, bands and groups that questionnaires share. A released questionnaire's hash
 * covers them (tests/unit/questionnaire.test.ts), so an edit here that would change a released
 * instrument fails CI: add a new scale instead.
 */
import type { Band, Group, Localized, Option } from '../model';

export const YES_NO: Option[] = [
  { code: 'yes', label: { fr: 'Oui', en: 'Yes' } },
  { code: 'no', label: { fr: 'Non', en: 'No' } },
];

export const NEVER_TO_ALWAYS: Option[] = [
  { code: 'never', label: { fr: 'Jamais', en: 'Never' } },
  { code: 'sometimes', label: { fr: 'Parfois', en: 'Sometimes' } },
  { code: 'often', label: { fr: 'Souvent', en: 'Often' } },
  { code: 'always', label: { fr: 'Toujours', en: 'Always' } },
];

/** The regions of mainland France other than Île-de-France, by code, for generalisation. */
export const MAINLAND_OUTSIDE_IDF = [
  'ara',
  'bfc',
  'bre',
  'cvl',
  'cor',
  'ges',
  'hdf',
  'nor',
  'naq',
  'occ',
  'pdl',
  'pac',
];
export const IDF: Group = {
  code: 'idf',
  label: { fr: 'Île-de-France', en: 'Île-de-France (Paris region)' },
  members: ['idf'],
};

export const SECTOR_OTHER: Group = {
  code: 'other',
  label: { fr: 'Autre', en: 'Other' },
  members: ['other'],
};

/**
 * Contracted hours in five-hour bands, the ends pooled (they are the rarest, so the most
 * identifying). 35 hours, the legal week, is a band of its own so that the coarser level,
 * below / at / above 35, merges whole bands.
 */
export const HOURS_BANDS: Band[] = [
  { code: 'h_lt20', label: { fr: 'Moins de 20 h', en: 'Under 20 h' }, lt: 20 },
  { code: 'h20_24', label: { fr: '20 à moins de 25 h', en: '20 to under 25 h' }, gte: 20, lt: 25 },
  { code: 'h25_29', label: { fr: '25 à moins de 30 h', en: '25 to under 30 h' }, gte: 25, lt: 30 },
  { code: 'h30_34', label: { fr: '30 à moins de 35 h', en: '30 to under 35 h' }, gte: 30, lt: 35 },
  { code: 'h35', label: { fr: '35 h', en: '35 h' }, gte: 35, lte: 35 },
  {
    code: 'h35_39',
    label: { fr: 'Plus de 35 h, moins de 40 h', en: 'Over 35 h, under 40 h' },
    gt: 35,
    lt: 40,
  },
  { code: 'h40_44', label: { fr: '40 à moins de 45 h', en: '40 to under 45 h' }, gte: 40, lt: 45 },
  { code: 'h45_49', label: { fr: '45 à moins de 50 h', en: '45 to under 50 h' }, gte: 45, lt: 50 },
  { code: 'h50_plus', label: { fr: '50 h ou plus', en: '50 h or more' }, gte: 50 },
];

export const HOURS_AROUND_35: Band[] = [
  { code: 'h_lt35', label: { fr: 'Moins de 35 h', en: 'Under 35 h' }, lt: 35 },
  { code: 'h35', label: { fr: '35 h', en: '35 h' }, gte: 35, lte: 35 },
  { code: 'h_gt35', label: { fr: 'Plus de 35 h', en: 'Over 35 h' }, gt: 35 },
];

export const AGREEMENT: Option[] = [
  { code: 's1', label: { fr: 'Pas du tout', en: 'Not at all' }, score: 1 },
  { code: 's2', label: { fr: 'Un peu', en: 'A little' }, score: 2 },
  { code: 's3', label: { fr: 'Moyennement', en: 'Moderately' }, score: 3 },
  { code: 's4', label: { fr: 'Beaucoup', en: 'Very much' }, score: 4 },
  { code: 's5', label: { fr: 'Tout à fait', en: 'Completely' }, score: 5 },
];

// WHO-5 and CBI wording and scale points follow the published versions word for word: any
// rewording would break comparability with the studies that validated them.
export const WHO5_OPTIONS: Option[] = [
  { code: 'f5', label: { fr: 'Tout le temps', en: 'All of the time' }, score: 5 },
  { code: 'f4', label: { fr: 'La plupart du temps', en: 'Most of the time' }, score: 4 },
  {
    code: 'f3',
    label: { fr: 'Plus de la moitié du temps', en: 'More than half of the time' },
    score: 3,
  },
  {
    code: 'f2',
    label: { fr: 'Moins de la moitié du temps', en: 'Less than half of the time' },
    score: 2,
  },
  { code: 'f1', label: { fr: 'De temps en temps', en: 'Some of the time' }, score: 1 },
  { code: 'f0', label: { fr: 'Jamais', en: 'At no time' }, score: 0 },
];

export const WHO5_STEM: Localized = {
  fr: 'Au cours des deux dernières semaines',
  en: 'Over the last two weeks',
};

export const CBI_DEGREE: Option[] = [
  { code: 'd100', label: { fr: 'Très fortement', en: 'To a very high degree' }, score: 100 },
  { code: 'd75', label: { fr: 'Fortement', en: 'To a high degree' }, score: 75 },
  { code: 'd50', label: { fr: 'Moyennement', en: 'Somewhat' }, score: 50 },
  { code: 'd25', label: { fr: 'Faiblement', en: 'To a low degree' }, score: 25 },
  { code: 'd0', label: { fr: 'Très faiblement', en: 'To a very low degree' }, score: 0 },
];

export const CBI_FREQUENCY: Option[] = [
  { code: 'always', label: { fr: 'Toujours', en: 'Always' }, score: 100 },
  { code: 'often', label: { fr: 'Souvent', en: 'Often' }, score: 75 },
  { code: 'sometimes', label: { fr: 'Parfois', en: 'Sometimes' }, score: 50 },
  { code: 'seldom', label: { fr: 'Rarement', en: 'Seldom' }, score: 25 },
  { code: 'never', label: { fr: 'Jamais ou presque jamais', en: 'Never/almost never' }, score: 0 },
];
