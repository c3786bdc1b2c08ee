/**
 * The microdata of an edition as a table: its columns, derived from the
 * questionnaire, and the row of one response. Free text never becomes a
 * column; a multiple-choice question becomes one 0/1 column per option; the
 * instruments' scores are columns beside their items. Pure.
 */
import { cbiWorkScore, CBI_ITEMS, who5Score, WHO5_ITEMS } from '../findings/scoring';
import {
  isQuasiIdentifier,
  type Band,
  type Instrument,
  type Localized,
  type NumberQuestion,
  type Option,
  type QuasiIdentifierQuestion,
  type Question,
  type Questionnaire,
} from '../survey/model';
import { questionsOf } from '../survey/questionnaires';
import type { Codes, QuasiColumn } from './anonymise';

/** The value of a quasi-identifier masked for every record to reach the anonymisation criteria. */
export const SUPPRESSED = 'suppressed';

export type FieldType = 'string' | 'integer' | 'number';

export interface Column {
  name: string;
  type: FieldType;
  label: Localized;
  /** The question the column comes from; absent for an instrument's score. */
  question?: Question;
  /** The option of a multiple-choice question this 0/1 column stands for. */
  option?: Option;
  /** Set on the score column of an instrument. */
  score?: Instrument;
  /** Allowed values, with their labels, when the column is categorical. */
  values?: { value: string | number; label: Localized }[];
  min?: number;
  max?: number;
}

export const INSTRUMENT_SCORES: Record<
  Instrument,
  { name: string; type: FieldType; label: Localized; items: readonly string[] }
> = {
  who5: {
    name: 'score.who5',
    type: 'integer',
    label: { fr: 'Score WHO-5 (0–100)', en: 'WHO-5 score (0–100)' },
    items: WHO5_ITEMS,
  },
  cbi_work: {
    name: 'score.cbi_work',
    type: 'number',
    label: {
      fr: 'Score CBI, épuisement lié au travail (0–100)',
      en: 'CBI work-related burnout score (0–100)',
    },
    items: CBI_ITEMS,
  },
};

export const quasiIdentifiers = (questionnaire: Questionnaire) =>
  questionsOf(questionnaire).filter(isQuasiIdentifier);

/** A quasi-identifier's levels past full detail: option groups, or bands of a number. */
export function coarserLevels(q: QuasiIdentifierQuestion): { code: string; label: Localized }[][] {
  return q.type === 'number' ? (q.bands ?? []) : (q.generalisation ?? []);
}

/** Whether a quasi-identifier is masked for every record at `level`. */
export const isMasked = (q: QuasiIdentifierQuestion, level: number) =>
  level > coarserLevels(q).length;

const MASKED_VALUE = {
  value: SUPPRESSED,
  label: {
    fr: 'Masqué pour toutes les réponses (anonymisation)',
    en: 'Masked for every response (anonymisation)',
  },
};

/** The codes and labels a quasi-identifier takes at a level of generalisation. */
function quasiValues(q: QuasiIdentifierQuestion, level: number): Column['values'] {
  if (isMasked(q, level)) return [MASKED_VALUE];
  if (level === 0 && q.type !== 'number')
    return q.options.map((o) => ({ value: o.code, label: o.label }));
  return coarserLevels(q)[level - 1]!.map((g) => ({ value: g.code, label: g.label }));
}

/**
 * The columns, in questionnaire order. Quasi-identifiers list the values of the level of
 * generalisation the anonymisation chose, so the schema describes the released file exactly;
 * a number released in bands becomes a string column of band codes.
 */
export function microdataColumns(questionnaire: Questionnaire, levels: number[]) {
  const quasi = quasiIdentifiers(questionnaire);
  const columns: Column[] = [];
  for (const q of questionsOf(questionnaire)) {
    const base = { question: q, label: q.label };
    const index = quasi.findIndex((x) => x.code === q.code);
    const level = index < 0 ? 0 : levels[index]!;
    switch (q.type) {
      case 'text':
        break;
      case 'single': {
        columns.push({ ...base, name: q.code, type: 'string', values: quasiValues(q, level) });
        break;
      }
      case 'scale':
        columns.push({
          ...base,
          name: q.code,
          type: 'integer',
          values: q.options.map((o) => ({ value: o.score!, label: o.label })),
        });
        break;
      case 'number':
        columns.push(
          level === 0
            ? { ...base, name: q.code, type: 'number', min: q.min, max: q.max }
            : { ...base, name: q.code, type: 'string', values: quasiValues(q, level) },
        );
        break;
      case 'multi':
        for (const option of q.options!) {
          columns.push({
            ...base,
            name: `${q.code}.${option.code}`,
            type: 'integer',
            label: {
              fr: `${q.label.fr} — ${option.label.fr}`,
              en: `${q.label.en} — ${option.label.en}`,
            },
            option,
            min: 0,
            max: 1,
          });
        }
        break;
    }
    const instrument = q.type === 'scale' && q.instrument && INSTRUMENT_SCORES[q.instrument];
    if (q.type === 'scale' && q.instrument && instrument && instrument.items.at(-1) === q.code) {
      columns.push({
        name: instrument.name,
        type: instrument.type,
        label: instrument.label,
        score: q.instrument,
        min: 0,
        max: 100,
      });
    }
  }
  return columns;
}

/** One response's answers: question code → chosen option codes and number. */
export type ResponseAnswers = Map<string, { codes: string[]; num: number | null }>;

export type Cell = string | number | null;

function inBand(band: Band, x: number): boolean {
  return (
    (band.gt === undefined || x > band.gt) &&
    (band.gte === undefined || x >= band.gte) &&
    (band.lt === undefined || x < band.lt) &&
    (band.lte === undefined || x <= band.lte)
  );
}

function bandOf(q: NumberQuestion, level: number, x: number): Band {
  const band = q.bands![level - 1]!.find((b) => inBand(b, x));
  if (!band) throw new RangeError(`${q.code}: ${x} is in no band of level ${level}`);
  return band;
}

/**
 * A quasi-identifier's answers as the small integers the anonymiser works on: 0 for no answer,
 * option i as i, and for a number each distinct value met as the next integer (its exact value
 * is level 0). Then the hierarchy over those integers.
 */
export class QuasiEncoding {
  private readonly options: Map<string, number>;
  private readonly numbers = new Map<number, number>();

  constructor(readonly question: QuasiIdentifierQuestion) {
    this.options = new Map(
      (question.type === 'number' ? [] : question.options).map((o, i) => [o.code, i + 1]),
    );
  }

  /** A column of `size` records: a byte per record for options, four for numbers. */
  array(size: number): Codes {
    return this.question.type === 'number' ? new Uint32Array(size) : new Uint8Array(size);
  }

  code(answer: { codes: string[]; num: number | null } | undefined): number {
    if (!answer) return 0;
    if (this.question.type !== 'number') return this.options.get(answer.codes[0]!) ?? 0;
    if (answer.num === null) return 0;
    let code = this.numbers.get(answer.num);
    if (code === undefined) this.numbers.set(answer.num, (code = this.numbers.size + 1));
    return code;
  }

  column(values: Codes): QuasiColumn {
    const q = this.question;
    if (q.type !== 'number') {
      const options = q.options;
      const identity = [0, ...options.map((_, i) => i + 1)];
      const coarser = (q.generalisation ?? []).map((groups) => [
        0,
        ...options.map((o) => 1 + groups.findIndex((g) => g.members.includes(o.code))),
      ]);
      return { values, levels: [identity, ...coarser] };
    }
    const met = [...this.numbers.keys()];
    const identity = Int32Array.from({ length: met.length + 1 }, (_, i) => i);
    const coarser = (q.bands ?? []).map((bands, l) =>
      Int32Array.from([0, ...met.map((x) => 1 + bands.indexOf(bandOf(q, l + 1, x)))]),
    );
    return { values, levels: [identity, ...coarser] };
  }
}

/** How each quasi-identifier was released: its level, in words, and the groups it shows. */
export function releasedLevels(quasi: QuasiIdentifierQuestion[], levels: number[]) {
  return quasi.map((q, i) => {
    const level = levels[i]!;
    const steps = coarserLevels(q);
    const description: Localized =
      level === 0
        ? { fr: 'détail complet', en: 'full detail' }
        : level > steps.length
          ? { fr: 'masqué pour toutes les réponses', en: 'masked for every response' }
          : {
              fr: `regroupé en : ${steps[level - 1]!.map((g) => g.label.fr).join(' ; ')}`,
              en: `grouped as: ${steps[level - 1]!.map((g) => g.label.en).join('; ')}`,
            };
    const name = level === 0 ? 'full_detail' : level > steps.length ? 'masked' : `grouped_${level}`;
    const groups =
      level === 0 || level > steps.length
        ? null
        : steps[level - 1]!.map((g) => ({ code: g.code, label: g.label }));
    return { question: q.code, label: q.label, level, name, description, groups };
  });
}

/** The value of a quasi-identifier as released: at its level of generalisation, or masked. */
function releasedValue(
  q: QuasiIdentifierQuestion,
  answer: { codes: string[]; num: number | null } | undefined,
  level: number,
): Cell {
  if (isMasked(q, level)) return SUPPRESSED;
  if (q.type === 'number') {
    const x = answer?.num ?? null;
    if (x === null) return null;
    return level === 0 ? x : bandOf(q, level, x).code;
  }
  const code = answer?.codes[0];
  if (code === undefined) return null;
  if (level === 0) return code;
  return q.generalisation![level - 1]!.find((g) => g.members.includes(code))!.code;
}

export function microdataRow(
  columns: Column[],
  answers: ResponseAnswers,
  quasiLevels: Map<string, number>,
): Cell[] {
  return columns.map((column) => {
    if (column.score) {
      const items = INSTRUMENT_SCORES[column.score].items.map((c) => answers.get(c)?.num ?? null);
      return column.score === 'who5' ? who5Score(items) : cbiWorkScore(items);
    }
    const q = column.question!;
    const answer = answers.get(q.code);
    if (column.option) return answer ? Number(answer.codes.includes(column.option.code)) : null;
    const level = quasiLevels.get(q.code);
    if (level !== undefined && isQuasiIdentifier(q)) return releasedValue(q, answer, level);
    if (!answer) return null;
    return q.type === 'single' ? answer.codes[0]! : answer.num;
  });
}
