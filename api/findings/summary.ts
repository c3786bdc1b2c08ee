/**
 * Builds what is published for an edition from frequency tables: figures,
 * intervals, and disclosure control. Pure: the release job feeds it what
 * SQLite grouped, the tests feed it hand-made tables.
 *
 * Every count published is perturbed by its cell key (cellkey.ts); shares
 * are perturbed numerators over perturbed denominators, and are published
 * only when both the numerator and its complement hold at least k records.
 */
import type { Localized, Question, Questionnaire } from '../survey/model';
import { questionsOf } from '../survey/questionnaires';
import { EMPTY, NOISE_BOUND, addCounted, perturb, type Counted } from './cellkey';
import {
  DIMENSIONS,
  INDICATORS,
  dimensionGroups,
  type DimensionDef,
  type IndicatorDef,
  type Reducer,
} from './definitions';
import { suppressDistribution } from './disclosure';
import { meanWithCi, quartiles, wilson } from './stats';

/** value → the respondents with it, and their cell key. */
export type Frequencies = Map<number, Counted>;

export interface Figure {
  value: number | null;
  ci: [number, number] | null;
  n: number | null;
  suppressed: boolean;
}

export interface IndicatorFigure extends Figure {
  code: string;
  label: Localized;
  unit: IndicatorDef['unit'];
}

export interface BreakdownCell extends Figure {
  group: string;
  label: Localized;
}

export interface OptionFigure {
  code: string;
  label: Localized;
  count: number | null;
  /** Share of the question's respondents, 0–100. */
  percent: number | null;
  ci: [number, number] | null;
  suppressed: boolean;
}

export type QuestionFigure =
  | { code: string; type: 'choice'; n: number | null; suppressed: boolean; options: OptionFigure[] }
  | {
      code: string;
      type: 'number';
      n: number | null;
      suppressed: boolean;
      mean: number | null;
      ci: [number, number] | null;
      median: number | null;
      q1: number | null;
      q3: number | null;
    };

export interface Summary {
  edition: number;
  k: number;
  /** Every published count is within this much of the true count (the cell-key noise bound). */
  noise: number;
  provisional: boolean;
  n: number | null;
  indicators: IndicatorFigure[];
  /** indicator code → dimension code → cells. */
  breakdowns: Record<string, Record<string, BreakdownCell[]>>;
  questions: QuestionFigure[];
}

export interface SummaryInput {
  edition: number;
  k: number;
  provisional: boolean;
  questionnaire: Questionnaire;
  respondents: Counted;
  /** measure code → its overall frequencies. */
  measures: Map<string, Frequencies>;
  /** measure code → dimension question → option → frequencies. */
  measuresByOption: Map<string, Map<string, Map<string, Frequencies>>>;
  /** question code → option code → respondents who chose it; and question → respondents. */
  choices: Map<string, Map<string, Counted>>;
  choiceRespondents: Map<string, Counted>;
  numbers: Map<string, Frequencies>;
}

const sum = (cells: Iterable<Counted>): Counted => [...cells].reduce(addCounted, EMPTY);
const total = (f: Frequencies): Counted => sum(f.values());

function expand(f: Frequencies): number[] {
  const values: number[] = [];
  for (const [value, { n }] of [...f].sort((a, b) => a[0] - b[0]))
    for (let i = 0; i < n; i++) values.push(value);
  return values;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const roundCi = (ci: [number, number] | null, scale = 1): [number, number] | null =>
  ci ? [round(ci[0] * scale), round(ci[1] * scale)] : null;

const hidden = (): Figure => ({ value: null, ci: null, n: null, suppressed: true });

/**
 * An indicator's figure from its measure's frequencies, with disclosure control: null when the
 * figure would rest on fewer than k records, or (for a share) when its numerator or its
 * complement would.
 */
export function reduce(reducer: Reducer, f: Frequencies, k: number): Figure {
  const all = total(f);
  if (all.n < k) return hidden();
  const n = perturb(all);
  switch (reducer.kind) {
    case 'median': {
      // Medians are shown with their n, without an interval.
      return { value: round(quartiles(expand(f))!.median), ci: null, n, suppressed: false };
    }
    case 'mean': {
      const m = meanWithCi(expand(f))!;
      return { value: round(m.mean), ci: roundCi(m.ci), n, suppressed: false };
    }
    case 'share': {
      const yes = sum([...f].filter(([value]) => reducer.when(value)).map(([, cell]) => cell));
      if (yes.n < k || all.n - yes.n < k) return hidden();
      const published = perturb(yes);
      return {
        value: round((published / n) * 100),
        ci: roundCi(wilson(published, n), 100),
        n,
        suppressed: false,
      };
    }
  }
}

/** Merges option frequencies into the dimension's groups (or one group per option). */
function groupsOf(
  dim: DimensionDef,
  questionnaire: Questionnaire,
  byOption: Map<string, Frequencies> | undefined,
) {
  const question = questionsOf(questionnaire).find((q) => q.code === dim.question);
  return dimensionGroups(dim, question).map((g) => {
    const merged: Frequencies = new Map();
    for (const code of g.members) {
      for (const [value, cell] of byOption?.get(code) ?? [])
        merged.set(value, addCounted(merged.get(value) ?? EMPTY, cell));
    }
    return { code: g.code, label: g.label, frequencies: merged };
  });
}

/**
 * One breakdown: every group's figure, with group sizes under k suppressed, a second group
 * whenever one alone would be derivable from the indicator's n, and shares whose numerator or
 * complement is under k.
 */
export function breakdown(
  indicator: IndicatorDef,
  dim: DimensionDef,
  input: SummaryInput,
): BreakdownCell[] {
  const groups = groupsOf(
    dim,
    input.questionnaire,
    input.measuresByOption.get(indicator.measure)?.get(dim.question),
  );
  const figures = groups.map((g) => reduce(indicator.reduce, g.frequencies, input.k));
  // A group hidden for its share is a primary suppression like a small group: it needs its
  // complement too, or its n would follow from the others.
  const ns = groups.map((g, i) => (figures[i]!.suppressed ? 0 : total(g.frequencies).n));
  // Respondents who skipped the dimension question make the groups add up to less than the
  // overall n. An attacker can know or guess that gap, so it is modelled as a cell that is never
  // hidden: one suppressed group then always gets a second one.
  const { cells } = suppressDistribution([...ns, Number.MAX_SAFE_INTEGER], input.k);
  return groups.map((g, i) => ({
    group: g.code,
    label: g.label,
    ...(cells[i] ? hidden() : figures[i]!),
  }));
}

function questionFigure(q: Question, input: SummaryInput): QuestionFigure | null {
  const k = input.k;
  if (q.type === 'number') {
    const f = input.numbers.get(q.code) ?? new Map();
    const all = total(f);
    if (all.n < k)
      return {
        code: q.code,
        type: 'number',
        n: null,
        suppressed: true,
        mean: null,
        ci: null,
        median: null,
        q1: null,
        q3: null,
      };
    const values = expand(f);
    const m = meanWithCi(values)!;
    const quarts = quartiles(values)!;
    return {
      code: q.code,
      type: 'number',
      n: perturb(all),
      suppressed: false,
      mean: round(m.mean),
      ci: roundCi(m.ci),
      median: round(quarts.median),
      q1: round(quarts.q1),
      q3: round(quarts.q3),
    };
  }
  if (q.type === 'text') return null;
  const counts = input.choices.get(q.code) ?? new Map<string, Counted>();
  const respondents = input.choiceRespondents.get(q.code) ?? EMPTY;
  const options = q.options ?? [];
  const optionCounts = options.map((o) => counts.get(o.code) ?? EMPTY);
  // A multiple choice's options do not add up to its respondents: no line to close, but each
  // option is a yes/no pair whose "no" must hold k records too.
  const control =
    q.type === 'multi'
      ? {
          cells: optionCounts.map((c) => c.n < k || respondents.n - c.n < k),
          total: respondents.n < k,
        }
      : suppressDistribution(
          optionCounts.map((c) => c.n),
          k,
        );
  const suppressedTotal = control.total || respondents.n < k;
  const n = perturb(respondents);
  return {
    code: q.code,
    type: 'choice',
    n: suppressedTotal ? null : n,
    suppressed: suppressedTotal,
    options: options.map((o, i) => {
      const hide = suppressedTotal || control.cells[i]!;
      const count = perturb(optionCounts[i]!);
      return {
        code: o.code,
        label: o.label,
        count: hide ? null : count,
        percent: hide ? null : round((count / n) * 100),
        ci: hide ? null : roundCi(wilson(count, n), 100),
        suppressed: hide,
      };
    }),
  };
}

export function buildSummary(input: SummaryInput): Summary {
  const k = input.k;
  const indicators: IndicatorFigure[] = [];
  const breakdowns: Summary['breakdowns'] = {};
  for (const indicator of INDICATORS) {
    const f = input.measures.get(indicator.measure) ?? new Map<number, Counted>();
    const enough = total(f).n >= k;
    indicators.push({
      code: indicator.code,
      label: indicator.label,
      unit: indicator.unit,
      ...reduce(indicator.reduce, f, k),
    });
    breakdowns[indicator.code] = Object.fromEntries(
      DIMENSIONS.map((dim) => [dim.code, enough ? breakdown(indicator, dim, input) : []]),
    );
  }
  return {
    edition: input.edition,
    k,
    noise: NOISE_BOUND,
    provisional: input.provisional,
    n: input.respondents.n >= k ? perturb(input.respondents) : null,
    indicators,
    breakdowns,
    questions: questionsOf(input.questionnaire)
      .map((q) => questionFigure(q, input))
      .filter((q): q is QuestionFigure => q !== null),
  };
}
