/**
 * Key findings: the three or four sentences that open the home page and each edition's page,
 * written from the released figures by templates, in French and English. Pure: it reads two
 * released summaries (the edition's and the previous edition's) and writes nothing else, so a
 * sentence discloses nothing the figures beside it do not.
 *
 * "Plus d’un CM sur deux (57 %) travaille le soir au moins deux fois par semaine, en hausse de
 * 4 points depuis 2024, au-delà de la marge d’incertitude."
 *
 * Rules:
 * - A suppressed figure (suppressed, or value null) never feeds a sentence: as the current value
 *   the finding is skipped and the next headline indicator takes its place; as the previous value
 *   the sentence has no comparison.
 * - A comparison always says whether the change is beyond the 95% interval of the difference
 *   (difference.ts); a change whose interval cannot be computed is not stated at all.
 * - The quantifier ("plus d’un CM sur deux") is true of the published value: see `quantifier`.
 */
import type { Locale, Localized } from '../survey/model';
import type { IndicatorDef } from './definitions';
import { difference, type Difference } from './difference';
import { CBI_HIGH_AT_OR_ABOVE, WHO5_POOR_BELOW } from './scoring';
import type { IndicatorFigure } from './summary';

type Unit = IndicatorDef['unit'];

const LOCALES: readonly Locale[] = ['fr', 'en'];

/** How many findings are shown at most. */
export const MAX_KEY_FINDINGS = 4;

/**
 * The headline indicators, in the order they are tried: the first four that are published make
 * the key findings. The first four say what the observatory exists to measure (evening work, the
 * issue's own example; burnout; harassment; the wish to leave); the rest stand in, in order, for
 * any of them suppressed.
 *
 * Left out: `overtime_median`, a median, which releases publish without an interval, so its change
 * could not be told from noise; `who5_depression`, whose clinical wording in a headline sentence
 * would read as a diagnosis (it stays in the tables, with its definition).
 */
export const HEADLINE_INDICATORS = [
  'evenings_2plus',
  'cbi_high',
  'harassed_12m',
  'intent_leave',
  'who5_poor',
  'hostile_weekly',
  'weekends',
  'messages_days_off',
  'who5_mean',
  'cbi_mean',
] as const;

export type HeadlineCode = (typeof HEADLINE_INDICATORS)[number];

/**
 * What a sentence says of a headline indicator. The labels of definitions.ts are nouns ("Travaillent
 * le soir…"); a sentence needs a predicate that agrees with its quantifier: `one` after "plus d’un
 * CM sur deux" (singular, in both languages), `many` after "deux CM sur trois". A mean has its
 * whole sentence, `{value}` standing for the figure.
 */
type Template =
  { kind: 'share'; one: Localized; many: Localized } | { kind: 'mean'; sentence: Localized };

export const TEMPLATES: Record<HeadlineCode, Template> = {
  evenings_2plus: {
    kind: 'share',
    one: {
      fr: 'travaille le soir au moins deux fois par semaine',
      en: 'works evenings at least twice a week',
    },
    many: {
      fr: 'travaillent le soir au moins deux fois par semaine',
      en: 'work evenings at least twice a week',
    },
  },
  cbi_high: {
    kind: 'share',
    one: {
      fr: `présente un épuisement professionnel élevé (score CBI de ${CBI_HIGH_AT_OR_ABOVE} ou plus sur 100)`,
      en: `shows high work-related burnout (a CBI score of ${CBI_HIGH_AT_OR_ABOVE} or more out of 100)`,
    },
    many: {
      fr: `présentent un épuisement professionnel élevé (score CBI de ${CBI_HIGH_AT_OR_ABOVE} ou plus sur 100)`,
      en: `show high work-related burnout (a CBI score of ${CBI_HIGH_AT_OR_ABOVE} or more out of 100)`,
    },
  },
  harassed_12m: {
    kind: 'share',
    one: {
      fr: 'a été harcelé·e ou menacé·e dans les 12 derniers mois',
      en: 'has been harassed or threatened in the last 12 months',
    },
    many: {
      fr: 'ont été harcelé·es ou menacé·es dans les 12 derniers mois',
      en: 'have been harassed or threatened in the last 12 months',
    },
  },
  intent_leave: {
    kind: 'share',
    one: {
      fr: 'envisage de quitter son poste dans les 12 mois',
      en: 'intends to leave their job within 12 months',
    },
    many: {
      fr: 'envisagent de quitter leur poste dans les 12 mois',
      en: 'intend to leave their job within 12 months',
    },
  },
  who5_poor: {
    kind: 'share',
    one: {
      fr: `a un bien-être faible (indice WHO-5 sous ${WHO5_POOR_BELOW} sur 100)`,
      en: `has poor wellbeing (a WHO-5 index under ${WHO5_POOR_BELOW} out of 100)`,
    },
    many: {
      fr: `ont un bien-être faible (indice WHO-5 sous ${WHO5_POOR_BELOW} sur 100)`,
      en: `have poor wellbeing (a WHO-5 index under ${WHO5_POOR_BELOW} out of 100)`,
    },
  },
  hostile_weekly: {
    kind: 'share',
    one: {
      fr: 'fait face à des commentaires hostiles au moins chaque semaine',
      en: 'faces hostile comments at least weekly',
    },
    many: {
      fr: 'font face à des commentaires hostiles au moins chaque semaine',
      en: 'face hostile comments at least weekly',
    },
  },
  weekends: {
    kind: 'share',
    one: {
      fr: 'travaille au moins un week-end par mois',
      en: 'works at least one weekend a month',
    },
    many: {
      fr: 'travaillent au moins un week-end par mois',
      en: 'work at least one weekend a month',
    },
  },
  messages_days_off: {
    kind: 'share',
    one: {
      fr: 'consulte souvent ou toujours ses messages pendant ses congés',
      en: 'often or always checks messages on days off',
    },
    many: {
      fr: 'consultent souvent ou toujours leurs messages pendant leurs congés',
      en: 'often or always check messages on days off',
    },
  },
  who5_mean: {
    kind: 'mean',
    sentence: {
      fr: 'Les CM déclarent en moyenne un bien-être de {value} sur 100 (indice WHO-5)',
      en: 'CMs report an average wellbeing of {value} out of 100 (WHO-5 index)',
    },
  },
  cbi_mean: {
    kind: 'mean',
    sentence: {
      fr: 'Les CM déclarent en moyenne un épuisement professionnel de {value} sur 100 (score CBI)',
      en: 'CMs report an average work-related burnout of {value} out of 100 (CBI score)',
    },
  },
};

// The fractions a quantifier may name, smallest first, as a reader says them.
const FRACTIONS: readonly { of: number; text: Localized; plural: boolean }[] = [
  { of: 1 / 10, text: { fr: 'un CM sur dix', en: 'one CM in ten' }, plural: false },
  { of: 1 / 5, text: { fr: 'un CM sur cinq', en: 'one CM in five' }, plural: false },
  { of: 1 / 4, text: { fr: 'un CM sur quatre', en: 'one CM in four' }, plural: false },
  { of: 1 / 3, text: { fr: 'un CM sur trois', en: 'one CM in three' }, plural: false },
  { of: 1 / 2, text: { fr: 'un CM sur deux', en: 'one CM in two' }, plural: false },
  { of: 2 / 3, text: { fr: 'deux CM sur trois', en: 'two CMs in three' }, plural: true },
  { of: 3 / 4, text: { fr: 'trois CM sur quatre', en: 'three CMs in four' }, plural: true },
  { of: 9 / 10, text: { fr: 'neuf CM sur dix', en: 'nine CMs in ten' }, plural: true },
];

/** "Près de" a fraction means within a tenth of it, below it. */
const NEARLY = 0.9;

/** A fraction as a percentage at the published precision (one decimal): 1/3 is 33.3. */
const percentOf = (fraction: number) => Math.round(fraction * 1000) / 10;

export interface Quantifier {
  /** Capitalised: it opens the sentence. */
  text: Localized;
  /** Whether the verb after it is plural ("deux CM sur trois travaillent"). */
  plural: boolean;
  /**
   * What it claims of the value, for the tests: `exactly` the fraction (at one decimal),
   * `more` than it, `nearly` it (below, within a tenth), `fewer` than it; or `almost-all` and
   * `very-few` for published shares that round to 100 or 0 (disclosure control keeps k
   * respondents on each side of every published share, so never all nor none).
   */
  claim: 'exactly' | 'more' | 'nearly' | 'fewer' | 'almost-all' | 'very-few';
  /** The fraction it names, 0–1; 1 for almost-all and 0 for very-few. */
  fraction: number;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
// French elides "de" before a vowel: "plus d’un", "plus de deux".
const de = (s: string) => (/^[aeiouy]/.test(s) ? `d’${s}` : `de ${s}`);

/**
 * The plain-words quantifier for a published share (0–100, one decimal), always true of it:
 * exactly a fraction when the value is that fraction at one decimal (50.0 is "un CM sur deux",
 * never "plus d’un sur deux"); "près de" a fraction from nine tenths of it up to it; otherwise
 * "plus de" the largest fraction below the value; "moins d’un sur dix" under 9%.
 */
export function quantifier(percent: number): Quantifier {
  if (!Number.isFinite(percent)) throw new RangeError(`quantifier: not a share: ${percent}`);
  if (percent >= 100)
    return {
      text: { fr: 'La quasi-totalité des CM', en: 'Nearly all CMs' },
      plural: true,
      claim: 'almost-all',
      fraction: 1,
    };
  if (percent <= 0)
    return {
      text: { fr: 'Très peu de CM', en: 'Very few CMs' },
      plural: true,
      claim: 'very-few',
      fraction: 0,
    };
  const exact = FRACTIONS.find((f) => percentOf(f.of) === percent);
  if (exact)
    return {
      text: { fr: capitalise(exact.text.fr), en: capitalise(exact.text.en) },
      plural: exact.plural,
      claim: 'exactly',
      fraction: exact.of,
    };
  const above = FRACTIONS.find((f) => percentOf(f.of) > percent);
  if (above && percent >= NEARLY * percentOf(above.of))
    return {
      text: { fr: `Près ${de(above.text.fr)}`, en: `Nearly ${above.text.en}` },
      plural: above.plural,
      claim: 'nearly',
      fraction: above.of,
    };
  const below = FRACTIONS.findLast((f) => percentOf(f.of) < percent);
  if (below)
    return {
      text: { fr: `Plus ${de(below.text.fr)}`, en: `More than ${below.text.en}` },
      plural: below.plural,
      claim: 'more',
      fraction: below.of,
    };
  const smallest = FRACTIONS[0]!;
  return {
    text: { fr: `Moins ${de(smallest.text.fr)}`, en: `Fewer than ${smallest.text.en}` },
    plural: smallest.plural,
    claim: 'fewer',
    fraction: smallest.of,
  };
}

/**
 * A figure as the sentence writes it: "57 %", "57%", "7,5 h". French puts a narrow no-break space
 * before "%", as current CLDR (and Node's Intl) does; workerd's ICU data still has the wide one,
 * so it is set here, and the sentence reads the same whichever runtime renders it.
 */
export function formatFigure(value: number, unit: Unit, locale: Locale): string {
  if (unit === 'percent')
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
      .format(value / 100)
      .replace(/\s%/u, '\u202f%');
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return unit === 'hours' ? `${n}\u00a0h` : n;
}

/** The size of a change, unsigned: "4 points", "1 point", "1,5 point" (French), "1.5 points", "2 h". */
export function formatChange(change: number, unit: Unit, locale: Locale): string {
  const size = Math.abs(change);
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(size);
  if (unit === 'hours') return `${n}\u00a0h`;
  // Shares change in percentage points, scores out of 100 in points: "points" for both.
  const one = new Intl.PluralRules(locale).select(Number(size.toFixed(1))) === 'one';
  return `${n}\u00a0${one ? 'point' : 'points'}`;
}

const CLAUSES: Record<'up' | 'down' | 'stable' | 'unchanged', Localized> = {
  up: {
    fr: 'en hausse de {change} depuis {year}, au-delà de la marge d’incertitude',
    en: 'up {change} since {year}, beyond its margin of uncertainty',
  },
  down: {
    fr: 'en baisse de {change} depuis {year}, au-delà de la marge d’incertitude',
    en: 'down {change} since {year}, beyond its margin of uncertainty',
  },
  stable: {
    fr: 'stable depuis {year} (l’écart de {change} reste dans la marge d’incertitude)',
    en: 'stable since {year} (the difference of {change} is within its margin of uncertainty)',
  },
  unchanged: {
    fr: 'stable depuis {year} (aucun écart)',
    en: 'unchanged since {year}',
  },
};

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export interface KeyFinding {
  code: HeadlineCode;
  unit: Unit;
  /** The whole sentence, with its closing full stop. */
  text: Localized;
  value: number;
  /** The previous edition's published figure; absent when there is none or it was suppressed. */
  previous?: { edition: number; value: number };
  /**
   * current − previous (one decimal, as the figures) with its 95% interval (two decimals) and
   * verdict, judged on the unrounded bounds; absent when either figure lacks an interval.
   */
  change?: Difference;
}

/** What key findings read of a released summary. */
export interface SummaryFigures {
  edition: number;
  indicators: readonly IndicatorFigure[];
}

const published = (f: IndicatorFigure | undefined): f is IndicatorFigure & { value: number } =>
  !!f && !f.suppressed && f.value !== null;

function sentence(
  code: HeadlineCode,
  figure: IndicatorFigure & { value: number },
  locale: Locale,
): string {
  const template = TEMPLATES[code];
  const value = formatFigure(figure.value, figure.unit, locale);
  // A share written as a mean, or the reverse, would say something false: fail loudly.
  if ((template.kind === 'share') !== (figure.unit === 'percent'))
    throw new Error(`Key finding ${code}: a ${template.kind} template for a ${figure.unit} figure`);
  if (template.kind === 'mean') return fill(template.sentence[locale], { value });
  const q = quantifier(figure.value);
  return `${q.text[locale]} (${value}) ${(q.plural ? template.many : template.one)[locale]}`;
}

function clause(change: Difference, unit: Unit, year: number, locale: Locale): string {
  const which =
    change.verdict === 'stable' && change.difference === 0 ? 'unchanged' : change.verdict;
  return fill(CLAUSES[which][locale], {
    change: formatChange(change.difference, unit, locale),
    year: String(year),
  });
}

/**
 * The key findings of `current`, compared with `previous` (the previous edition's final release;
 * null for the first edition): the first MAX_KEY_FINDINGS headline indicators whose figure is
 * published, in HEADLINE_INDICATORS order. Fewer when fewer are published (a small edition), none
 * when all are suppressed.
 */
export function keyFindings(
  current: SummaryFigures,
  previous: SummaryFigures | null,
): KeyFinding[] {
  if (previous && previous.edition >= current.edition)
    throw new RangeError(
      `keyFindings: the previous edition (${previous.edition}) must come before ${current.edition}`,
    );
  const findings: KeyFinding[] = [];
  for (const code of HEADLINE_INDICATORS) {
    if (findings.length === MAX_KEY_FINDINGS) break;
    const figure = current.indicators.find((i) => i.code === code);
    if (!published(figure)) continue;
    const before = previous?.indicators.find((i) => i.code === code);
    const usableBefore = previous && published(before) ? before : null;
    const diff = usableBefore && difference(figure, usableBefore);
    const change: Difference | undefined = diff
      ? {
          difference: round(diff.difference, 1),
          ci: [round(diff.ci[0], 2), round(diff.ci[1], 2)],
          verdict: diff.verdict,
        }
      : undefined;
    const text = Object.fromEntries(
      LOCALES.map((locale) => {
        const main = sentence(code, figure, locale);
        const tail =
          change && previous ? `, ${clause(change, figure.unit, previous.edition, locale)}` : '';
        return [locale, `${main}${tail}.`];
      }),
    ) as Localized;
    findings.push({
      code,
      unit: figure.unit,
      text,
      value: figure.value,
      ...(usableBefore && previous
        ? { previous: { edition: previous.edition, value: usableBefore.value } }
        : {}),
      ...(change ? { change } : {}),
    });
  }
  return findings;
}
