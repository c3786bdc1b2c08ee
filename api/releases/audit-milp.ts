/**
 * Bounds of linear expressions over non-negative integers under linear constraints: the question
 * an attacker asks of a release ("what can this suppressed value be, given everything published?"),
 * answered exactly with HiGHS. Nothing here knows about surveys or tables.
 *
 * Speed, measured on a 12 × 6 pair with its previous release (182 variables, 144 targets): one
 * highs.solve(lpText) per bound took 9 to 16 s in all, ~50 ms per MILP whatever the objective.
 * A warm-started LP takes ~1 ms. So the model is parsed once into a persistent LP, each target
 * only changes the objective, and a bound is exact as soon as an integral point attains the LP
 * bound rounded inwards (the optimal vertex itself, the end of a short dive from it, or a point
 * found earlier). The MILP runs only when none does: never on that pair, which now takes
 * 0.1 to 0.5 s.
 */
import type { Highs, Model, ObjectiveSense } from 'highs';

/** A variable id and its coefficient. */
export interface Term {
  v: string;
  c: number;
}

/** lo ≤ Σ terms ≤ hi; ±Infinity for a one-sided constraint. `source` names the published figure. */
export interface Constraint {
  terms: Term[];
  lo: number;
  hi: number;
  source: string;
}

/** A linear expression to minimise and maximise. */
export interface Target {
  name: string;
  terms: Term[];
}

/** Every variable is an integer ≥ 0 and must be listed in `integers`. */
export interface Problem {
  integers: string[];
  constraints: Constraint[];
  targets: Target[];
}

/** The exact range of a target: max is Infinity (min -Infinity) when nothing bounds it. */
export interface Bound {
  name: string;
  min: number;
  max: number;
}

/** A screened target: exact = false when min..max are only values seen at feasible points. */
export interface Screened extends Bound {
  exact: boolean;
}

/**
 * Whether a target still needs exact bounds, given the values it takes at the integer points
 * found so far (min > max before the first). Returning false stops work on it.
 */
export type Open = (target: Target, seen: { min: number; max: number }) => boolean;

/** Solver noise on an integral value; far below any unit a count can move by. Exactness never
 * rests on it alone: a bound is exact only when a verified integral point attains it. */
const EPS = 1e-6;

/** Σ of terms with the same variable merged and zero coefficients dropped, in first-seen order. */
function merge(terms: readonly Term[]): Term[] {
  const sums = new Map<string, number>();
  for (const { v, c } of terms) sums.set(v, (sums.get(v) ?? 0) + c);
  return [...sums].filter(([, c]) => c !== 0).map(([v, c]) => ({ v, c }));
}

function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`audit: non-finite coefficient or bound ${x}`);
  return String(x);
}

/** A sparse row or objective over column indices. */
interface Sparse {
  cols: number[];
  coefs: number[];
}

/** The constraints of `p` over columns 0..n-1, merged, with trivially true rows dropped. */
interface Compiled {
  n: number;
  rows: { row: Sparse; lo: number; hi: number }[];
  index: Map<string, number>;
}

function compile(p: Problem): Compiled {
  const index = new Map<string, number>();
  for (const v of p.integers) if (!index.has(v)) index.set(v, index.size);
  const rows: Compiled['rows'] = [];
  for (const { terms, lo, hi, source } of p.constraints) {
    if (Number.isNaN(lo) || Number.isNaN(hi) || lo > hi) {
      throw new Error(`audit: empty range [${lo}, ${hi}] for ${source}`);
    }
    const row = sparse(index, merge(terms));
    if (row.cols.length === 0) {
      if (lo > 0 || hi < 0)
        throw new Error(`audit: ${source} cannot hold: 0 is outside [${lo}, ${hi}]`);
      continue;
    }
    if (lo === -Infinity && hi === Infinity) continue;
    rows.push({ row, lo, hi });
  }
  return { n: index.size, rows, index };
}

function sparse(index: ReadonlyMap<string, number>, terms: readonly Term[]): Sparse {
  const cols: number[] = [];
  const coefs: number[] = [];
  for (const { v, c } of terms) {
    const col = index.get(v);
    if (col === undefined) throw new Error(`audit: variable ${v} is not declared`);
    cols.push(col);
    coefs.push(c);
  }
  return { cols, coefs };
}

const name = (col: number): string => `x${col}`;

/**
 * CPLEX LP text of the compiled problem with a zero objective. Columns are x0, x1…: survey codes
 * hold dots and other characters the reader rejects, and a parse error aborts the Wasm runtime.
 * The first row names every column in order, so the reader numbers them as we do, and a variable
 * that appears in no constraint still exists (all are ≥ 0 anyway, so the row costs nothing).
 */
function lpText(c: Compiled, integer: boolean): string {
  const term = (coef: number, col: number): string =>
    `${coef < 0 ? '-' : '+'} ${num(Math.abs(coef))} ${name(col)}`;
  const expr = ({ cols, coefs }: Sparse): string =>
    cols.map((col, i) => term(coefs[i]!, col)).join(' ');
  const all = Array.from({ length: c.n }, (_, col) => col);
  const lines = [
    'Minimize',
    ` obj: + 0 x0`,
    'Subject To',
    ` all: ${all.map((col) => term(1, col)).join(' ')} >= 0`,
  ];
  c.rows.forEach(({ row, lo, hi }, i) => {
    // The reader takes no `lo <= expr <= hi`, so a range is two rows.
    if (lo === hi) lines.push(` r${i}: ${expr(row)} = ${num(lo)}`);
    else {
      if (lo !== -Infinity) lines.push(` r${i}l: ${expr(row)} >= ${num(lo)}`);
      if (hi !== Infinity) lines.push(` r${i}h: ${expr(row)} <= ${num(hi)}`);
    }
  });
  if (integer) {
    lines.push('Generals');
    // Short lines: the reader is line-based and nothing is gained by one line of 500 names.
    const names = all.map(name);
    for (let i = 0; i < names.length; i += 20) lines.push(` ${names.slice(i, i + 20).join(' ')}`);
  }
  lines.push('End');
  return lines.join('\n');
}

/**
 * The LP and (on demand) the MILP of one problem, kept alive across targets so that each solve
 * only changes the objective. The LP runs primal simplex without presolve: a cost change keeps
 * the last basis primal feasible, so it restarts from there (the default dual simplex started
 * over each time, ten times the iterations).
 */
class Solver {
  private readonly lp: Model;
  private mip: Model | null = null;
  private readonly sense: { min: ObjectiveSense; max: ObjectiveSense };
  private readonly status: Highs['constants']['modelStatus'];

  constructor(
    private readonly highs: Highs,
    private readonly c: Compiled,
  ) {
    this.lp = highs.createModel({ format: 'lp', data: lpText(c, false) });
    this.lp.options.set({ output_flag: false, presolve: 'off', simplex_strategy: PRIMAL });
    this.check(this.lp);
    const { minimize, maximize } = highs.constants.objectiveSense;
    this.sense = { min: minimize, max: maximize };
    this.status = highs.constants.modelStatus;
  }

  dispose(): void {
    this.lp.dispose();
    this.mip?.dispose();
  }

  /** lpText numbered the columns 0..n-1 by first appearance; make sure the reader agrees. */
  private check(model: Model): void {
    const { n } = this.c;
    if (n > 0 && (model.getColByName('x0') !== 0 || model.getColByName(`x${n - 1}`) !== n - 1)) {
      throw new Error('audit: the LP reader numbered the columns differently');
    }
  }

  /** x rounded, if every coordinate is a whole number and the rounded point satisfies every row. */
  private integral(x: Float64Array): number[] | null {
    const point: number[] = [];
    for (let i = 0; i < this.c.n; i++) {
      const r = Math.round(x[i]!);
      if (Math.abs(x[i]! - r) > EPS || r < 0) return null;
      point.push(r);
    }
    // Exact arithmetic on integers: a point that passes is a real table, whatever the tolerances.
    for (const { row, lo, hi } of this.c.rows) {
      const activity = dot(row, point);
      if (activity < lo || activity > hi) return null;
    }
    return point;
  }

  private objective(model: Model, objective: Sparse, dir: Dir): void {
    const cost = new Float64Array(this.c.n);
    objective.cols.forEach((col, i) => (cost[col] = cost[col]! + objective.coefs[i]!));
    model.changeColsCost({ kind: 'range', from: 0, to: this.c.n - 1 }, cost);
    model.changeObjectiveSense(this.sense[dir]);
  }

  /**
   * The LP optimum, ±Infinity when unbounded (the caller checks that the MILP has a point: then
   * it is unbounded too, as the data are rational), and an integral point: the optimal vertex
   * when it is integral, else wherever a dive from it lands, else null.
   */
  relaxed(objective: Sparse, dir: Dir): { value: number; point: number[] | null } {
    this.objective(this.lp, objective, dir);
    const { modelStatus } = this.lp.run();
    if (modelStatus === this.status.infeasible) throw new Error(INFEASIBLE);
    const { unbounded, unboundedOrInfeasible } = this.status;
    if (modelStatus === unbounded || modelStatus === unboundedOrInfeasible) {
      return { value: dir === 'min' ? -Infinity : Infinity, point: null };
    }
    if (modelStatus !== this.status.optimal)
      throw new Error(`audit: HiGHS LP ended with status ${modelStatus}`);
    const x = this.lp.getSolution().colValue;
    return { value: dot(objective, x), point: this.integral(x) ?? this.dive(x) };
  }

  /**
   * A dive from a fractional vertex: fix the variable nearest to a whole number to that number
   * (or, if that is infeasible, to the other side), re-solve, until the vertex is integral. The
   * vertices of these table models are mostly whole with a few halves, so dives are short; each
   * step is one warm-started LP where a MILP solve costs fifty times more. Naive rounding of the
   * whole vertex does not work: the errors add up in the long sums (totals, n).
   */
  private dive(start: Float64Array): number[] | null {
    const fixed: number[] = [];
    let x = start;
    let point: number[] | null = null;
    // A bound change keeps the basis dual feasible: dual simplex restarts from it.
    this.lp.options.set('simplex_strategy', DUAL);
    try {
      while (!(point = this.integral(x))) {
        const col = nearestWhole(x);
        if (col < 0 || fixed.length >= this.c.n) break;
        fixed.push(col);
        const v = x[col]!;
        const near = Math.round(v);
        const feasible = [near, near > v ? Math.floor(v) : Math.ceil(v)].some((value) => {
          this.lp.changeColBounds(col, value, value);
          return this.lp.run().modelStatus === this.status.optimal;
        });
        if (!feasible) break;
        x = this.lp.getSolution().colValue;
      }
    } finally {
      for (const col of fixed) this.lp.changeColBounds(col, 0, Infinity);
      this.lp.options.set('simplex_strategy', PRIMAL);
    }
    return point;
  }

  /** The MILP optimum, when neither the LP nor a dive attained the LP bound. */
  exact(objective: Sparse, dir: Dir): { value: number; point: number[] | null } {
    if (!this.mip) {
      this.mip = this.highs.createModel({ format: 'lp', data: lpText(this.c, true) });
      // The default relative gap (1e-4) could stop one unit short on large counts.
      this.mip.options.set({ output_flag: false, mip_rel_gap: 0 });
      this.check(this.mip);
    }
    this.objective(this.mip, objective, dir);
    const { modelStatus } = this.mip.run();
    if (modelStatus === this.status.infeasible) throw new Error(INFEASIBLE);
    if (modelStatus !== this.status.optimal)
      throw new Error(`audit: HiGHS MILP ended with status ${modelStatus}`);
    const x = this.mip.getSolution().colValue;
    const point = this.integral(x);
    return { value: point ? dot(objective, point) : Math.round(dot(objective, x)) + 0, point };
  }
}

/** HiGHS simplex_strategy values. */
const DUAL = 1;
const PRIMAL = 4;

const INFEASIBLE =
  'audit: the published figures admit no table (a wrong constraint in the builder)';

/** Whether `error` is the solver finding that no table satisfies the problem. */
export const isInfeasible = (error: unknown): boolean =>
  error instanceof Error && error.message === INFEASIBLE;

type Dir = 'min' | 'max';

function dot({ cols, coefs }: Sparse, x: Float64Array | readonly number[]): number {
  let s = 0;
  for (let i = 0; i < cols.length; i++) s += coefs[i]! * x[cols[i]!]!;
  // -0 (a negative coefficient times 0) would print as "-0" in a finding.
  return s + 0;
}

/** The fractional coordinate closest to a whole number; -1 when there is none. */
function nearestWhole(x: Float64Array): number {
  let best = -1;
  let gap = Infinity;
  x.forEach((v, i) => {
    const f = Math.abs(v - Math.round(v));
    if (f > EPS && f < gap) [best, gap] = [i, f];
  });
  return best;
}

/** The zero objective: any feasible point. */
const NONE: Sparse = { cols: [], coefs: [] };

interface State {
  target: Target;
  objective: Sparse;
  /** Values the target takes at the integral points found so far (min > max before the first). */
  seen: { min: number; max: number };
}

/**
 * Bounds of every target, exact unless `open` says the values a target was seen to take already
 * settle it. Each integral point any solve yields widens the seen range of every target, so later
 * targets are often settled before their turn.
 *
 * Per target and direction: the LP optimum, rounded inwards, bounds the integers; it is exact
 * when an integral point attains it (the vertex itself, the end of a dive, or any point seen
 * before). Only otherwise does the MILP run.
 */
export function screenBounds(highs: Highs, p: Problem, open: Open): Screened[] {
  const compiled = compile(p);
  const states: State[] = p.targets.map((target) => ({
    target,
    objective: sparse(compiled.index, merge(target.terms)),
    seen: { min: Infinity, max: -Infinity },
  }));
  let feasible = false;
  const see = (point: number[] | null): void => {
    if (!point) return;
    feasible = true;
    for (const s of states) {
      const v = dot(s.objective, point);
      s.seen = { min: Math.min(s.seen.min, v), max: Math.max(s.seen.max, v) };
    }
  };
  // No variable, no LP text to write: every target is an empty sum.
  if (compiled.n === 0)
    return states.map(({ target }) => ({ name: target.name, min: 0, max: 0, exact: true }));
  const solver = new Solver(highs, compiled);

  const bound = (s: State, dir: Dir): number | null => {
    const lp = solver.relaxed(s.objective, dir);
    see(lp.point);
    if (!Number.isFinite(lp.value)) {
      // Unbounded, provided the MILP has a point at all (exact() throws if it has none).
      if (!feasible) see(solver.exact(NONE, 'min').point);
      return lp.value;
    }
    // + 0: Math.ceil(-1e-9) is -0, which would print as "-0" in a finding.
    const limit = (dir === 'min' ? Math.ceil(lp.value - EPS) : Math.floor(lp.value + EPS)) + 0;
    return s.seen[dir] === limit ? limit : null;
  };
  const exact = (s: State, dir: Dir): number => {
    const mip = solver.exact(s.objective, dir);
    see(mip.point);
    return mip.value;
  };

  try {
    return states.map((s): Screened => {
      const { name } = s.target;
      if (s.objective.cols.length === 0) return { name, min: 0, max: 0, exact: true };
      const settled = (): boolean => !open(s.target, s.seen);
      const screened = (): Screened => ({ name, min: s.seen.min, max: s.seen.max, exact: false });
      if (settled()) return screened();
      let min = bound(s, 'min');
      if (settled()) return screened();
      let max = bound(s, 'max');
      if (settled()) return screened();
      min ??= exact(s, 'min');
      if (settled()) return screened();
      max ??= exact(s, 'max');
      return { name, min, max, exact: true };
    });
  } finally {
    solver.dispose();
  }
}

/**
 * The exact minimum and maximum of every target over the integer points that satisfy every
 * constraint. The true data always satisfy the constraints, so an infeasible model means the
 * builder wrote a wrong constraint: that throws rather than report nonsense bounds.
 */
export function solveBounds(highs: Highs, p: Problem): Bound[] {
  return screenBounds(highs, p, () => true).map(({ name, min, max }) => ({ name, min, max }));
}
