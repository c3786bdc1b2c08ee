/**
 * The questionnaire model. A questionnaire is versioned data: every section,
 * question and option has a stable code that carries indicators across
 * editions, so codes are never reused with another meaning.
 */

export type Locale = 'fr' | 'en';
export type Localized = Record<Locale, string>;

/** Validated instruments scored in code (docs/architecture.md, questionnaires). */
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

interface QuestionBase {
  code: string;
  label: Localized;
  help?: Localized;
  required?: boolean;
  /** Shown to the respondent: why this answer cannot be skipped. */
  requiredReason?: Localized;
  showIf?: DisplayCondition;
}

interface QuasiIdentifierFlag {
  /** Generalised, or masked for every record, before microdata leaves (docs/architecture.md). */
  quasiIdentifier?: boolean;
}

/** One option (`single`) or several (`multi`) among a list. */
export interface ChoiceQuestion extends QuestionBase, QuasiIdentifierFlag {
  type: 'single' | 'multi';
  options: Option[];
  /**
   * The options run in order, first to last (an ordinal scale), so the data package's tools make
   * an ordered factor of them. Scales are always ordered. Documentation of the answers only.
   */
  ordered?: boolean;
  /**
   * Coarser levels of a choice quasi-identifier, finest first; each level merges groups of the
   * one before, never splits them. Past the last one the answer is masked for every record.
   */
  generalisation?: GeneralisationLevel[];
}

/** A point on an ordered scale, whose options carry scores. */
export interface ScaleQuestion extends QuestionBase {
  type: 'scale';
  options: Option[];
  instrument?: Instrument;
}

export interface NumberQuestion extends QuestionBase, QuasiIdentifierFlag {
  type: 'number';
  /** Bounds of the answer, inclusive. */
  min: number;
  max: number;
  unit?: Localized;
  /**
   * The generalisation of a number quasi-identifier: level 0 is the exact answer, then bands,
   * each level merging bands of the one before.
   */
  bands?: Band[][];
}

export interface TextQuestion extends QuestionBase {
  type: 'text';
  /** Maximum length of the answer, in characters. */
  maxLength: number;
}

export type Question = ChoiceQuestion | ScaleQuestion | NumberQuestion | TextQuestion;
export type QuestionType = Question['type'];
export type OptionQuestion = ChoiceQuestion | ScaleQuestion;

/** The questions that may be quasi-identifiers: choices generalise into groups, numbers into bands. */
export type QuasiIdentifierQuestion = ChoiceQuestion | NumberQuestion;

export function isQuasiIdentifier(question: Question): question is QuasiIdentifierQuestion {
  return (
    (question.type !== 'scale' && question.type !== 'text' && question.quasiIdentifier) === true
  );
}

export function hasOptions(question: Question): question is OptionQuestion {
  return 'options' in question;
}

/** The options of any question: none for numbers and texts. */
export const choicesOf = (question: Question): Option[] =>
  hasOptions(question) ? question.options : [];

/** The generalisation levels of any question: none but for choices that have them. */
export const generalisationOf = (question: Question): GeneralisationLevel[] =>
  question.type === 'single' || question.type === 'multi' ? (question.generalisation ?? []) : [];

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

export function questionsOf(questionnaire: Questionnaire): Question[] {
  return questionnaire.sections.flatMap((s) => s.questions);
}

/** The options of a choice or scale question that the questionnaire must have. */
export function optionsOf(questionnaire: Questionnaire, code: string): Option[] {
  const question = questionsOf(questionnaire).find((q) => q.code === code);
  if (!question || !hasOptions(question))
    throw new Error(`${questionnaire.version} has no choice question ${code}.`);
  return question.options;
}
