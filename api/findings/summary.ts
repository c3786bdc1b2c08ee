/**
 * Builds what is published for an edition from frequency tables: figures,
 * intervals, and disclosure control. Pure: the service feeds it what SQLite
 * grouped, the tests feed it hand-made tables.
 */
import type { Localized, Question, Questionnaire } from '../survey/model';
import { questionsOf } from '../survey/questionnaires';
import {
  DIMENSIONS,
  INDICATORS,
  type DimensionDef,
  type IndicatorDef,
  type Reducer,
} from './definitions';
import { suppressDistribution } from './disclosure';
import { meanWithCi, quartiles, wilson } from './stats';

/** value → number of respondents with it. */
export type Frequencies = Map<number, number>;

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
  respondents: number;
  /** measure code → its overall frequencies. */
  measures: Map<string, Frequencies>;
  /** measure code → dimension question → option → frequencies. */
  measuresByOption: Map<string, Map<string, Map<string, Frequencies>>>;
  /** question code → option code → respondents who chose it; and question → respondents. */
  choices: Map<string, Map<string, number>>;
  choiceRespondents: Map<string, number>;
  numbers: Map<string, Frequencies>;
}

const total = (f: Frequencies) => [...f.values()].reduce((a, b) => a + b, 0);

function expand(f: Frequencies): number[] {
  const values: number[] = [];
  for (const [value, n] of [...f].sort((a, b) => a[0] - b[0]))
    for (let i = 0; i < n; i++) values.push(value);
  return values;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const roundCi = (ci: [number, number] | null, scale = 1): [number, number] | null =>
  ci ? [round(ci[0] * scale), round(ci[1] * scale)] : null;

/** An indicator's figure from its measure's frequencies, before disclosure control. */
export function reduce(reducer: Reducer, f: Frequencies): Omit<Figure, 'suppressed'> {
  const n = total(f);
  if (n === 0) return { value: null, ci: null, n };
  switch (reducer.kind) {
    case 'median': {
      // Medians are shown with their n, without an interval (DESIGN §5).
      return { value: round(quartiles(expand(f))!.median), ci: null, n };
    }
    case 'mean': {
      const m = meanWithCi(expand(f))!;
      return { value: round(m.mean), ci: roundCi(m.ci), n };
    }
    case 'share': {
      let yes = 0;
      for (const [value, count] of f) if (reducer.when(value)) yes += count;
      return { value: round((yes / n) * 100), ci: roundCi(wilson(yes, n), 100), n };
    }
  }
}

const hidden = (): Figure => ({ value: null, ci: null, n: null, suppressed: true });

/** Merges option frequencies into the dimension's groups (or one group per option). */
function groupsOf(
  dim: DimensionDef,
  questionnaire: Questionnaire,
  byOption: Map<string, Frequencies> | undefined,
) {
  const question = questionsOf(questionnaire).find((q) => q.code === dim.question);
  const options = question?.options ?? [];
  const groups =
    dim.groups ?? options.map((o) => ({ code: o.code, label: o.label, options: [o.code] }));
  const claimed = new Set(groups.flatMap((g) => (g.options === 'others' ? [] : g.options)));
  return groups.map((g) => {
    const merged: Frequencies = new Map();
    const codes =
      g.options === 'others'
        ? options.map((o) => o.code).filter((c) => !claimed.has(c))
        : g.options;
    for (const code of codes) {
      for (const [value, n] of byOption?.get(code) ?? [])
        merged.set(value, (merged.get(value) ?? 0) + n);
    }
    return { code: g.code, label: g.label, frequencies: merged };
  });
}

/**
 * One breakdown: every group's figure, with group sizes under k suppressed,
 * and a second group whenever one alone would be derivable from the indicator's n.
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
  const figures = groups.map((g) => reduce(indicator.reduce, g.frequencies));
  const ns = figures.map((f) => f.n ?? 0);
  // Respondents who skipped the dimension question make the groups add up to less than the
  // overall n. An attacker can know or guess that gap, so it is modelled as a cell that is never
  // hidden: one suppressed group then always gets a second one.
  const { cells } = suppressDistribution([...ns, Number.MAX_SAFE_INTEGER], input.k);
  return groups.map((g, i) =>
    cells[i]
      ? { group: g.code, label: g.label, ...hidden() }
      : { group: g.code, label: g.label, ...figures[i]!, suppressed: false },
  );
}

function questionFigure(q: Question, input: SummaryInput): QuestionFigure | null {
  const k = input.k;
  if (q.type === 'number') {
    const f = input.numbers.get(q.code) ?? new Map();
    const n = total(f);
    if (n < k)
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
      n,
      suppressed: false,
      mean: round(m.mean),
      ci: roundCi(m.ci),
      median: round(quarts.median),
      q1: round(quarts.q1),
      q3: round(quarts.q3),
    };
  }
  if (q.type === 'text') return null;
  const counts = input.choices.get(q.code) ?? new Map();
  const n = input.choiceRespondents.get(q.code) ?? 0;
  const options = q.options ?? [];
  const optionCounts = options.map((o) => counts.get(o.code) ?? 0);
  // A multiple choice's options do not add up to its respondents: no line to close.
  const control =
    q.type === 'multi'
      ? { cells: optionCounts.map((c) => c < k), total: n < k }
      : suppressDistribution(optionCounts, k);
  const suppressedTotal = control.total || n < k;
  return {
    code: q.code,
    type: 'choice',
    n: suppressedTotal ? null : n,
    suppressed: suppressedTotal,
    options: options.map((o, i) => {
      const count = optionCounts[i]!;
      const hide = suppressedTotal || control.cells[i]!;
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
    const f = input.measures.get(indicator.measure) ?? new Map();
    const figure = reduce(indicator.reduce, f);
    const n = figure.n ?? 0;
    const base = { code: indicator.code, label: indicator.label, unit: indicator.unit };
    indicators.push(n < k ? { ...base, ...hidden() } : { ...base, ...figure, suppressed: false });
    breakdowns[indicator.code] = Object.fromEntries(
      DIMENSIONS.map((dim) => [dim.code, n < k ? [] : breakdown(indicator, dim, input)]),
    );
  }
  return {
    edition: input.edition,
    k,
    provisional: input.provisional,
    n: input.respondents >= k ? input.respondents : null,
    indicators,
    breakdowns,
    questions: questionsOf(input.questionnaire)
      .map((q) => questionFigure(q, input))
      .filter((q): q is QuestionFigure => q !== null),
  };
}
