/**
 * The questionnaire model. A questionnaire is versioned data: every section,
 * question and option has a stable code that carries indicators across
 * editions, so codes are never reused with another meaning.
 */

export type Locale = 'fr' | 'en';
export type Localized = Record<Locale, string>;

export type QuestionType = 'single' | 'multi' | 'scale' | 'number' | 'text';

/** Validated instruments scored in code (DESIGN §4). */
export type Instrument = 'who5' | 'cbi_work';

export interface Option {
  code: string;
  label: Localized;
  /** Numeric value of a scale point, used by scoring and means. */
  score?: number;
}

/** The question is shown only when `question` was answered with one of `anyOf`. */
export interface DisplayCondition {
  question: string;
  anyOf: string[];
}

export interface Question {
  code: string;
  type: QuestionType;
  label: Localized;
  help?: Localized;
  required?: boolean;
  /** Shown to the respondent: why this answer cannot be skipped. */
  requiredReason?: Localized;
  options?: Option[];
  /** Bounds of a number answer, inclusive. */
  min?: number;
  max?: number;
  unit?: Localized;
  /** Maximum length of a text answer, in characters. */
  maxLength?: number;
  showIf?: DisplayCondition;
  /**
   * The options run in order, first to last (an ordinal scale), so the data package's tools make
   * an ordered factor of them. Scales are always ordered. Documentation of the answers only.
   */
  ordered?: boolean;
  instrument?: Instrument;
  /** Generalised, or masked for every record, before microdata leaves (DESIGN §3). */
  quasiIdentifier?: boolean;
  /**
   * Coarser levels of a choice quasi-identifier, finest first; each level merges groups of the
   * one before, never splits them. Past the last one the answer is masked for every record.
   */
  generalisation?: GeneralisationLevel[];
  /**
   * The same for a number quasi-identifier: level 0 is the exact answer, then bands, each level
   * merging bands of the one before.
   */
  bands?: Band[][];
}

/** One level of generalisation: every option code belongs to exactly one group. */
export type GeneralisationLevel = Group[];

export interface Group {
  code: string;
  label: Localized;
  members: string[];
}

/**
 * A band of numbers: the answers x with gt < x, gte ≤ x, x < lt and x ≤ lte, for the bounds
 * given. Both kinds of bound exist so a band can be one value (35 hours, the legal week).
 */
export interface Band {
  code: string;
  label: Localized;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export interface Section {
  code: string;
  title: Localized;
  intro?: Localized;
  questions: Question[];
}

export interface Questionnaire {
  version: string;
  title: Localized;
  sections: Section[];
}
