/**
 * The microdata of an edition as a table: its columns, derived from the
 * questionnaire, and the row of one response. Free text never becomes a
 * column; a multiple-choice question becomes one 0/1 column per option; the
 * instruments' scores are columns beside their items. A cell without an
 * answer holds a missing code that says why (missing.ts). Pure.
 */
import { cbiWorkScore, CBI_ITEMS, who5Score, WHO5_ITEMS } from '../findings/scoring';
import {
  choicesOf,
  generalisationOf,
  isQuasiIdentifier,
  type Band,
  type DisplayCondition,
  type Instrument,
  type Localized,
  type Option,
  type Question,
  type Questionnaire,
} from '../survey/model';
import { questionsOf } from '../survey/questionnaires';
import type { Codes, QuasiColumn } from './anonymise';
import { isPreferNotToSay, missingCode, type MissingReason } from './missing';

export type FieldType = 'string' | 'integer' | 'number';

/** How a routed question's condition reads in the released file. */
export interface Routing {
  condition: DisplayCondition;
  /** The question the condition reads. */
  on: Question;
  /** The level `on` is released at: a coarser one may not tell whether the condition held. */
  level: number;
}

export interface Column {
  name: string;
  /** The name in the SPSS and Stata files: letters, digits and _, at most 32 characters. */
  toolName: string;
  type: FieldType;
  label: Localized;
  /** The question the column comes from; absent for an instrument's score and the row id. */
  question?: Question;
  /** The option of a multiple-choice question this 0/1 column stands for. */
  option?: Option;
  /** Set on the score column of an instrument. */
  score?: Instrument;
  /** Set on the random row id, the table's primary key. */
  rowId?: true;
  /** Allowed values, with their labels, when the column is categorical. */
  values?: { value: string | number; label: Localized }[];
  /** The values run in order (an ordinal scale, or bands of a number). */
  ordered?: boolean;
  /** Set when the question is asked to some respondents only. */
  routing?: Routing;
  /** The level of generalisation a quasi-identifier is released at (past the last: masked). */
  level?: number;
  /** The missing codes the column may hold. */
  missing: MissingReason[];
  min?: number;
  max?: number;
  /** Decimals kept, for a score. */
  decimals?: number;
}

export const INSTRUMENT_SCORES: Record<
  Instrument,
  { name: string; type: FieldType; label: Localized; items: readonly string[]; decimals: number }
> = {
  who5: {
    name: 'score.who5',
    type: 'integer',
    // Four times a sum of integers: whole numbers.
    decimals: 0,
    label: { fr: 'Score WHO-5 (0–100)', en: 'WHO-5 score (0–100)' },
    items: WHO5_ITEMS,
  },
  cbi_work: {
    name: 'score.cbi_work',
    type: 'number',
    // A mean of items in steps of 25 over 4 to 7 items: distinct scores lie at least 0.59 apart,
    // so two decimals keep every score distinct, the 50 cut-off exact, and the published mean
    // reproducible to its one decimal.
    decimals: 2,
    label: {
      fr: 'Score CBI, épuisement lié au travail (0–100)',
      en: 'CBI work-related burnout score (0–100)',
    },
    items: CBI_ITEMS,
  },
};

export const quasiIdentifiers = (questionnaire: Questionnaire) =>
  questionsOf(questionnaire).filter(isQuasiIdentifier);

const bandsOf = (q: Question) => (q.type === 'number' ? (q.bands ?? []) : []);

/** A quasi-identifier's levels past full detail: option groups, or bands of a number. */
export function coarserLevels(q: Question): { code: string; label: Localized }[][] {
  return q.type === 'number' ? bandsOf(q) : generalisationOf(q);
}

/** Whether a quasi-identifier is masked for every record at `level`. */
export const isMasked = (q: Question, level: number) => level > coarserLevels(q).length;

/** The options released as categories: "I prefer not to say" is a missing code instead. */
const categories = (q: Question) =>
  choicesOf(q)
    .filter((o) => !isPreferNotToSay(o))
    .map((o) => ({ value: o.code, label: o.label }));

/** The codes and labels a quasi-identifier takes at a level of generalisation: none if masked. */
function quasiValues(q: Question, level: number): Column['values'] {
  if (isMasked(q, level)) return [];
  if (level === 0) return categories(q);
  return coarserLevels(q)[level - 1]!.map((g) => ({ value: g.code, label: g.label }));
}

/** Whether a question holds the "prefer not to say" option as released at `level`. */
const offersPreferNotToSay = (q: Question, level: number) =>
  level === 0 && choicesOf(q).some(isPreferNotToSay);

/**
 * Whether the released file tells, for every row, if a routed question was asked: only if the
 * question it reads is released in enough detail. Otherwise a gap is withheld, since "not asked"
 * against "no answer" would show the masked detail.
 */
function routingDecidable(r: Routing): boolean {
  if (isMasked(r.on, r.level)) return false;
  if (r.level === 0) return true;
  return generalisationOf(r.on)[r.level - 1]!.every((g) => askedIn(r, g) !== null);
}

/** Whether everyone in a group of the condition's options was asked: null if some were only. */
function askedIn(r: Routing, group: { members: string[] }): boolean | null {
  const inside = group.members.filter((m) => r.condition.anyOf.includes(m)).length;
  return inside === 0 ? false : inside === group.members.length ? true : null;
}

/** Whether a routed question was asked, its routing decidable at the released level. */
function wasAsked(r: Routing, answers: ResponseAnswers): boolean {
  const codes = answers.get(r.on.code)?.codes ?? [];
  // A condition left unanswered hides the question (api/survey/answers.ts, isVisible).
  if (!codes.length) return false;
  if (r.level === 0) return codes.some((c) => r.condition.anyOf.includes(c));
  return (
    askedIn(
      r,
      generalisationOf(r.on)[r.level - 1]!.find((g) => g.members.includes(codes[0]!))!,
    ) === true
  );
}

function missingReasons(q: Question | undefined, level: number, routing?: Routing) {
  const reasons: MissingReason[] = [];
  if (q && isMasked(q, level)) return ['withheld' as const];
  // A value at all would show that the condition held, which the release hides: withhold all.
  if (routing && !routingDecidable(routing)) return ['withheld' as const];
  if (routing) reasons.push('not_asked');
  reasons.push('no_answer');
  if (q && offersPreferNotToSay(q, level)) reasons.push('prefer_not_to_say');
  return reasons;
}

/** Letters, digits and _, starting with a letter, at most 32 characters: SPSS and Stata names. */
export function toolNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let base = name.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z]/.test(base)) base = `v_${base}`;
    base = base.slice(0, 32);
    let candidate = base;
    for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
      candidate = `${base.slice(0, 32 - String(i).length - 1)}_${i}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

export const ROW_ID = 'row_id';

/**
 * The columns, in questionnaire order. Quasi-identifiers list the values of the level of
 * generalisation the anonymisation chose, so the schema describes the released file exactly;
 * a number released in bands becomes a string column of band codes.
 */
export function microdataColumns(questionnaire: Questionnaire, levels: number[]): Column[] {
  const quasi = quasiIdentifiers(questionnaire);
  const all = questionsOf(questionnaire);
  const levelOf = (q: Question) => {
    const index = quasi.findIndex((x) => x.code === q.code);
    return index < 0 ? 0 : levels[index]!;
  };
  const columns: Omit<Column, 'toolName'>[] = [
    {
      name: ROW_ID,
      type: 'integer',
      label: {
        fr: 'Identifiant de ligne, tiré au hasard pour ce paquet (sans lien avec aucune donnée conservée)',
        en: 'Row id, drawn at random for this package (unrelated to anything stored)',
      },
      rowId: true,
      missing: [],
      min: 1,
    },
  ];
  for (const q of all) {
    const level = levelOf(q);
    const on = q.showIf && all.find((c) => c.code === q.showIf!.question);
    const routing = on && { condition: q.showIf!, on, level: levelOf(on) };
    const base = {
      question: q,
      label: q.label,
      missing: missingReasons(q, level, routing),
      ...(routing ? { routing } : {}),
      ...(isQuasiIdentifier(q) ? { level } : {}),
    };
    switch (q.type) {
      case 'text':
        break;
      case 'single': {
        columns.push({
          ...base,
          name: q.code,
          type: 'string',
          values: quasiValues(q, level),
          ...(q.ordered && !isMasked(q, level) ? { ordered: true } : {}),
        });
        break;
      }
      case 'scale':
        columns.push({
          ...base,
          name: q.code,
          type: 'integer',
          values: [...q.options]
            .sort((a, b) => a.score! - b.score!)
            .map((o) => ({ value: o.score!, label: o.label })),
          ordered: true,
        });
        break;
      case 'number':
        columns.push(
          level === 0
            ? { ...base, name: q.code, type: 'number', min: q.min, max: q.max }
            : {
                ...base,
                name: q.code,
                type: 'string',
                values: quasiValues(q, level),
                ...(isMasked(q, level) ? {} : { ordered: true }),
              },
        );
        break;
      case 'multi':
        for (const option of q.options) {
          columns.push({
            ...base,
            name: `${q.code}.${option.code}`,
            type: 'integer',
            label: {
              fr: `${q.label.fr} — ${option.label.fr}`,
              en: `${q.label.en} — ${option.label.en}`,
            },
            option,
            values: [
              { value: 0, label: { fr: 'Non coché', en: 'Not ticked' } },
              { value: 1, label: option.label },
            ],
            min: 0,
            max: 1,
          });
        }
        break;
    }
    const scored = q.type === 'scale' ? q.instrument : undefined;
    const instrument = scored && INSTRUMENT_SCORES[scored];
    if (scored && instrument && instrument.items.at(-1) === q.code) {
      columns.push({
        name: instrument.name,
        type: instrument.type,
        label: instrument.label,
        score: scored,
        missing: ['no_answer'],
        min: 0,
        max: 100,
        decimals: instrument.decimals,
      });
    }
  }
  const names = toolNames(columns.map((c) => c.name));
  return columns.map((c, i) => ({ ...c, toolName: names[i]! }));
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

function bandOf(q: Question, level: number, x: number): Band {
  const band = bandsOf(q)[level - 1]!.find((b) => inBand(b, x));
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

  constructor(readonly question: Question) {
    this.options = new Map(choicesOf(question).map((o, i) => [o.code, i + 1]));
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
      const options = choicesOf(q);
      const identity = [0, ...options.map((_, i) => i + 1)];
      const coarser = generalisationOf(q).map((groups) => [
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
export function releasedLevels(quasi: Question[], levels: number[]) {
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

const missing = (column: Column, reason: MissingReason): Cell => {
  const code = missingCode(reason);
  return column.type === 'string' ? String(code) : code;
};

const roundTo = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/** The value of a quasi-identifier as released: at its level of generalisation, or masked. */
function releasedValue(
  column: Column,
  q: Question,
  answer: { codes: string[]; num: number | null } | undefined,
  level: number,
): Cell | undefined {
  if (isMasked(q, level)) return missing(column, 'withheld');
  if (q.type === 'number') {
    const x = answer?.num ?? null;
    if (x === null) return undefined;
    return level === 0 ? x : bandOf(q, level, x).code;
  }
  const code = answer?.codes[0];
  if (code === undefined) return undefined;
  if (level === 0) return isPreferNotToSay(code) ? missing(column, 'prefer_not_to_say') : code;
  return generalisationOf(q)[level - 1]!.find((g) => g.members.includes(code))!.code;
}

/** The answer as released, or undefined when there is none. */
function answered(column: Column, answers: ResponseAnswers, quasiLevels: Map<string, number>) {
  if (column.score) {
    const items = INSTRUMENT_SCORES[column.score].items.map((c) => answers.get(c)?.num ?? null);
    const score = column.score === 'who5' ? who5Score(items) : cbiWorkScore(items);
    return score === null ? undefined : roundTo(score, column.decimals ?? 0);
  }
  const q = column.question!;
  const answer = answers.get(q.code);
  if (column.option) return answer ? Number(answer.codes.includes(column.option.code)) : undefined;
  const level = quasiLevels.get(q.code);
  if (level !== undefined) return releasedValue(column, q, answer, level);
  if (!answer) return undefined;
  if (q.type === 'number') return answer.num ?? undefined;
  const code = answer.codes[0]!;
  if (isPreferNotToSay(code)) return missing(column, 'prefer_not_to_say');
  return q.type === 'scale' ? answer.num : code;
}

export function microdataRow(
  columns: Column[],
  answers: ResponseAnswers,
  quasiLevels: Map<string, number>,
  rowId: number,
): Cell[] {
  return columns.map((column) => {
    if (column.rowId) return rowId;
    if (column.routing && !routingDecidable(column.routing)) return missing(column, 'withheld');
    const value = answered(column, answers, quasiLevels);
    if (value !== undefined && value !== null) return value;
    if (!column.routing) return missing(column, 'no_answer');
    return missing(column, wasAsked(column.routing, answers) ? 'no_answer' : 'not_asked');
  });
}
