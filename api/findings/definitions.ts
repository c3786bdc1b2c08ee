/**
 * What the observatory publishes for every edition: headline indicators and
 * the dimensions they are broken down by. Each indicator reads one
 * per-respondent measure (a SQL expression, see measures.ts) and reduces its
 * frequency table to a value.
 */
import { hasOptions, type Localized, type Question } from '../survey/model';
import { CBI_HIGH_AT_OR_ABOVE, WHO5_DEPRESSION_AT_OR_BELOW, WHO5_POOR_BELOW } from './scoring';

export type MeasureCode =
  | 'overtime'
  | 'evenings'
  | 'weekends'
  | 'messages_days_off'
  | 'hostile_frequency'
  | 'harassed'
  | 'who5'
  | 'cbi'
  | 'intent_leave';

/** How an indicator turns a measure's frequency table into one figure. */
export type Reducer =
  { kind: 'median' } | { kind: 'mean' } | { kind: 'share'; when: (value: number) => boolean };

export interface IndicatorDef {
  code: string;
  label: Localized;
  unit: 'percent' | 'hours' | 'score';
  measure: MeasureCode;
  reduce: Reducer;
}

const share = (when: (value: number) => boolean): Reducer => ({ kind: 'share', when });

export const INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'overtime_median',
    label: { fr: 'Heures supplémentaires par semaine (médiane)', en: 'Weekly overtime (median)' },
    unit: 'hours',
    measure: 'overtime',
    reduce: { kind: 'median' },
  },
  {
    code: 'evenings_2plus',
    label: {
      fr: 'Travaillent le soir au moins 2 fois par semaine',
      en: 'Work evenings at least twice a week',
    },
    unit: 'percent',
    measure: 'evenings',
    reduce: share((v) => v >= 2),
  },
  {
    code: 'weekends',
    label: {
      fr: 'Travaillent au moins un week-end par mois',
      en: 'Work at least one weekend a month',
    },
    unit: 'percent',
    measure: 'weekends',
    reduce: share((v) => v >= 1),
  },
  {
    code: 'messages_days_off',
    label: {
      fr: 'Consultent souvent ou toujours leurs messages pendant les congés',
      en: 'Often or always check messages on days off',
    },
    unit: 'percent',
    measure: 'messages_days_off',
    reduce: share((v) => v === 1),
  },
  {
    code: 'hostile_weekly',
    label: {
      fr: 'Font face à des commentaires hostiles au moins chaque semaine',
      en: 'Face hostile comments at least weekly',
    },
    unit: 'percent',
    measure: 'hostile_frequency',
    reduce: share((v) => v === 1),
  },
  {
    code: 'harassed_12m',
    label: {
      fr: 'Harcelé·es ou menacé·es dans les 12 derniers mois',
      en: 'Harassed or threatened in the last 12 months',
    },
    unit: 'percent',
    measure: 'harassed',
    reduce: share((v) => v === 1),
  },
  {
    code: 'who5_mean',
    label: { fr: 'Bien-être WHO-5 (moyenne sur 100)', en: 'WHO-5 wellbeing (mean out of 100)' },
    unit: 'score',
    measure: 'who5',
    reduce: { kind: 'mean' },
  },
  {
    code: 'who5_poor',
    label: {
      fr: `Bien-être faible (WHO-5 sous ${WHO5_POOR_BELOW})`,
      en: `Poor wellbeing (WHO-5 under ${WHO5_POOR_BELOW})`,
    },
    unit: 'percent',
    measure: 'who5',
    reduce: share((v) => v < WHO5_POOR_BELOW),
  },
  {
    code: 'who5_depression',
    label: {
      fr: `Dépression probable (WHO-5 à ${WHO5_DEPRESSION_AT_OR_BELOW} ou moins)`,
      en: `Likely depression (WHO-5 at ${WHO5_DEPRESSION_AT_OR_BELOW} or less)`,
    },
    unit: 'percent',
    measure: 'who5',
    reduce: share((v) => v <= WHO5_DEPRESSION_AT_OR_BELOW),
  },
  {
    code: 'cbi_mean',
    label: {
      fr: 'Épuisement lié au travail, CBI (moyenne sur 100)',
      en: 'Work-related burnout, CBI (mean out of 100)',
    },
    unit: 'score',
    measure: 'cbi',
    reduce: { kind: 'mean' },
  },
  {
    code: 'cbi_high',
    label: {
      fr: `Épuisement élevé (CBI à ${CBI_HIGH_AT_OR_ABOVE} ou plus)`,
      en: `High burnout (CBI at ${CBI_HIGH_AT_OR_ABOVE} or more)`,
    },
    unit: 'percent',
    measure: 'cbi',
    reduce: share((v) => v >= CBI_HIGH_AT_OR_ABOVE),
  },
  {
    code: 'intent_leave',
    label: {
      fr: 'Envisagent de quitter leur poste dans les 12 mois',
      en: 'Intend to leave their job within 12 months',
    },
    unit: 'percent',
    measure: 'intent_leave',
    reduce: share((v) => v === 1),
  },
];

export interface DimensionDef {
  code: string;
  question: string;
  label: Localized;
  /** Groups options together where a finer split would leave cells too small to publish. */
  groups?: { code: string; label: Localized; options: string[] | 'others' }[];
}

export const DIMENSIONS: readonly DimensionDef[] = [
  {
    code: 'employer_type',
    question: 'profile.employer_type',
    label: { fr: 'Type de structure', en: 'Type of organisation' },
  },
  { code: 'contract', question: 'profile.contract', label: { fr: 'Contrat', en: 'Contract' } },
  {
    code: 'company_size',
    question: 'profile.company_size',
    label: { fr: 'Taille de la structure', en: 'Size of organisation' },
  },
  {
    code: 'region',
    question: 'profile.region',
    label: { fr: 'Région', en: 'Region' },
    groups: [
      { code: 'idf', label: { fr: 'Île-de-France', en: 'Île-de-France' }, options: ['idf'] },
      {
        code: 'other',
        label: { fr: 'Autres régions et étranger', en: 'Other regions and abroad' },
        options: 'others',
      },
    ],
  },
  {
    code: 'experience',
    question: 'profile.experience',
    label: { fr: 'Expérience', en: 'Experience' },
  },
  { code: 'age_band', question: 'profile.age_band', label: { fr: 'Âge', en: 'Age' } },
  { code: 'gender', question: 'profile.gender', label: { fr: 'Genre', en: 'Gender' } },
  {
    code: 'team',
    question: 'profile.team',
    label: { fr: 'Seul·e ou en équipe', en: 'Sole CM or team' },
    groups: [
      { code: 'sole', label: { fr: 'Seul·e CM', en: 'Sole CM' }, options: ['sole'] },
      { code: 'team', label: { fr: 'En équipe', en: 'In a team' }, options: 'others' },
    ],
  },
];

/**
 * The groups a dimension splits respondents into, each with the option codes it holds: the
 * dimension's own groups, `others` taking every option no other group claims, or one group per
 * option of its question.
 */
export function dimensionGroups(
  dim: DimensionDef,
  question: Question | undefined,
): { code: string; label: Localized; members: string[] }[] {
  const options = question && hasOptions(question) ? question.options : [];
  if (!dim.groups) return options.map((o) => ({ code: o.code, label: o.label, members: [o.code] }));
  const claimed = new Set(dim.groups.flatMap((g) => (g.options === 'others' ? [] : g.options)));
  return dim.groups.map((g) => ({
    code: g.code,
    label: g.label,
    members:
      g.options === 'others'
        ? options.map((o) => o.code).filter((c) => !claimed.has(c))
        : g.options,
  }));
}

export const indicatorByCode = new Map(INDICATORS.map((i) => [i.code, i]));
export const dimensionByCode = new Map(DIMENSIONS.map((d) => [d.code, d]));
