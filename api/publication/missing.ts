/**
 * Why a cell of the microdata holds no answer, as four documented codes (docs/adr/008). The same
 * code is written in every column, -1 to -4: a number in numeric columns, the same digits as text
 * in categorical ones, so one list of missing values serves the Table Schema, R, pandas, DuckDB,
 * SPSS (a range, -4 thru -1) and Stata (.a to .d). Pure.
 */
import type { Localized, Option } from '../survey/model';

export type MissingReason = 'not_asked' | 'no_answer' | 'prefer_not_to_say' | 'withheld';

export interface MissingCode {
  reason: MissingReason;
  /** The value in responses.csv and responses.parquet. */
  code: number;
  /** Stata's extended missing value the do-file turns it into. */
  stata: string;
  label: Localized;
  description: Localized;
}

export const MISSING_CODES: readonly MissingCode[] = [
  {
    reason: 'not_asked',
    code: -1,
    stata: '.a',
    label: { fr: 'Non posée (filtre)', en: 'Not asked (routing)' },
    description: {
      fr: 'La question n’a pas été posée à cette personne : sa condition d’affichage (colonne routing du dictionnaire) n’était pas remplie.',
      en: 'The question was not shown to this respondent: its display condition (the codebook’s routing column) was not met.',
    },
  },
  {
    reason: 'no_answer',
    code: -2,
    stata: '.b',
    label: { fr: 'Sans réponse', en: 'No answer' },
    description: {
      fr: 'La question a été posée et laissée sans réponse. Pour un score : trop peu d’items répondus pour le calculer.',
      en: 'The question was asked and left unanswered. For a score: too few items answered to compute it.',
    },
  },
  {
    reason: 'prefer_not_to_say',
    code: -3,
    stata: '.c',
    label: { fr: 'Préfère ne pas répondre', en: 'Prefers not to say' },
    description: {
      fr: 'La personne a choisi « Je préfère ne pas répondre ».',
      en: 'The respondent chose "I prefer not to say".',
    },
  },
  {
    reason: 'withheld',
    code: -4,
    stata: '.d',
    label: { fr: 'Masqué (confidentialité)', en: 'Withheld for privacy' },
    description: {
      fr: 'Masqué par l’anonymisation, de la même façon pour toutes les réponses du fichier : un quasi-identifiant masqué, ou une question filtrée sur un quasi-identifiant publié trop grossièrement pour montrer sa condition, car toute valeur ou absence révélerait le détail masqué.',
      en: 'Masked by the anonymisation, the same way for every response of the file: a masked quasi-identifier, or a question routed on a quasi-identifier released too coarsely to show its condition, since any value or gap would show the hidden detail.',
    },
  },
];

export const missingCode = (reason: MissingReason): number =>
  MISSING_CODES.find((m) => m.reason === reason)!.code;

/** The physical values of every missing code, as the CSV writes them. */
export const MISSING_STRINGS = MISSING_CODES.map((m) => String(m.code));

/**
 * The option that means "I prefer not to say": released as a missing code, not as a category.
 * The questionnaires give it the same stable code wherever they offer it.
 */
export const PREFER_NOT_TO_SAY_OPTION = 'undisclosed';

export const isPreferNotToSay = (option: Option | string) =>
  (typeof option === 'string' ? option : option.code) === PREFER_NOT_TO_SAY_OPTION;

/** Table Schema v2 `missingValues`, with labels. */
export const tableSchemaMissingValues = () =>
  MISSING_CODES.map((m) => ({ value: String(m.code), label: m.label.en, label_fr: m.label.fr }));
