/**
 * The gate before a public release: for one pair of single-choice questions A × B, the strongest
 * attacker we can state exactly. They hold every published number that touches the pair (and the
 * previous release's), know the perturbation bound D and the rounding of shares, and ask a MILP
 * solver how far each hidden value can move. A hidden value they can pin down is a finding.
 */
import type { Highs } from 'highs';
import { screenBounds, solveBounds, type Bound, type Constraint, type Term } from './audit-milp';

/** What a release publishes that touches A × B, as the release builder fills it. */
export interface PairOutputs {
  a: { code: string; options: string[] };
  b: { code: string; options: string[] };
  k: number;
  /** D: every published count is within ±D of the truth (0 = exact). */
  noise: number;
  /** The edition's published n (all respondents, perturbed). */
  respondents: number | null;
  /** A × B, rows = A options; respondents who answered both. */
  crosstab: {
    counts: (number | null)[][];
    rowTotals: (number | null)[];
    colTotals: (number | null)[];
    total: number | null;
  } | null;
  /** Per-question counts over ALL respondents who answered that question. */
  distributions: { question: 'a' | 'b'; n: number | null; counts: (number | null)[] }[];
  /** Breakdowns and headline indicators that read B (yes/among) split by groups of A's options. */
  shares: {
    /** A options of each group; null = the overall figure (every respondent, whatever A). */
    groups: string[][] | null;
    /** B options counted as yes. */
    yes: string[];
    /** B options in the denominator. */
    among: string[];
    /** Per group: share in percent rounded to 0.1, n perturbed; null = suppressed. */
    cells: { share: number | null; n: number | null }[];
  }[];
  /** Exact counts at the released generalisation (null groups = attribute masked); only records
   * answering both. */
  microdata: { aGroups: string[][] | null; bGroups: string[][] | null; counts: number[][] } | null;
  /** The same pair in the previous release of the edition. */
  previous: PairOutputs | null;
}

export interface Finding {
  target: string;
  min: number;
  max: number;
  reason: 'exact' | 'narrow' | 'difference';
}

export interface PairAudit {
  pair: string;
  /** Values examined (named targets; some share one expression and one solve). */
  targets: number;
  findings: Finding[];
  ms: number;
}

/**
 * A hidden count the attacker can narrow to fewer than two values is as good as published: with
 * D = 2 an honest suppression leaves at least the noise's spread, so a width of 2 still leaves
 * them guessing between three values while 0 or 1 (one or two candidates) does not.
 */
export const MIN_WIDTH = 2;

/**
 * How a target's range turns into a finding.
 * - hidden: a suppressed value; any pin or near-pin is a leak, zero included.
 * - small: a count a published share implies (numerator, complement); the share is public, so
 *   only a small non-zero count pinned down is a leak.
 * - difference: a cell's growth since the previous release; pinned and small = a few records.
 */
export type Kind = 'hidden' | 'small' | 'difference';

interface Named {
  name: string;
  kind: Kind;
  terms: Term[];
}

/** The full table's axes: each question's options, then "did not answer". */
interface Axes {
  rows: number;
  cols: number;
}

/** Variables of one release: the full table, then the perturbed numerators and denominators. */
class Release {
  readonly vars: string[] = [];
  readonly constraints: Constraint[] = [];
  readonly targets: Named[] = [];

  constructor(
    readonly out: PairOutputs,
    readonly prefix: string,
  ) {
    for (let i = 0; i <= out.a.options.length; i++) {
      for (let j = 0; j <= out.b.options.length; j++) this.vars.push(this.cell(i, j));
    }
  }

  get axes(): Axes {
    return { rows: this.out.a.options.length, cols: this.out.b.options.length };
  }

  cell(i: number, j: number): string {
    return `${this.prefix}c${i}.${j}`;
  }

  /** Σ of the cells rows × cols. */
  sum(rows: readonly number[], cols: readonly number[]): Term[] {
    return rows.flatMap((i) => cols.map((j) => ({ v: this.cell(i, j), c: 1 })));
  }

  /** A published perturbed value P of a sum S: P − D ≤ S ≤ P + D. */
  published(terms: Term[], value: number, source: string): void {
    const d = this.out.noise;
    this.constraints.push({ terms, lo: value - d, hi: value + d, source: this.prefix + source });
  }

  exact(terms: Term[], value: number, source: string): void {
    this.constraints.push({ terms, lo: value, hi: value, source: this.prefix + source });
  }
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Indices of `options` within `all`; an unknown code is a builder bug, not a missing figure. */
function indices(all: readonly string[], options: readonly string[], where: string): number[] {
  return options.map((o) => {
    const i = all.indexOf(o);
    if (i < 0) throw new Error(`audit: ${where}: unknown option ${o}`);
    return i;
  });
}

function label(code: string, options: readonly string[], i: number): string {
  return i < options.length ? `${code}=${options[i]}` : `${code} not answered`;
}

/** The crosstab, the per-question distributions, the edition's n and the microdata. */
function addCounts(r: Release): void {
  const { a, b, crosstab, distributions, respondents, microdata } = r.out;
  const { rows, cols } = r.axes;
  const answeredA = range(rows);
  const answeredB = range(cols);
  const allA = range(rows + 1);
  const allB = range(cols + 1);
  const cellName = (i: number, j: number): string =>
    `crosstab ${label(a.code, a.options, i)} × ${label(b.code, b.options, j)}`;

  if (respondents !== null) r.published(r.sum(allA, allB), respondents, 'respondents');

  if (crosstab) {
    const hide = (terms: Term[], name: string): void => {
      r.targets.push({ name, kind: 'hidden', terms });
    };
    for (const i of answeredA) {
      for (const j of answeredB) {
        const value = crosstab.counts[i]?.[j];
        if (value === undefined) throw new Error(`audit: crosstab ${a.code} × ${b.code} is short`);
        const terms = r.sum([i], [j]);
        if (value === null) hide(terms, cellName(i, j));
        else r.published(terms, value, cellName(i, j));
      }
      const total = crosstab.rowTotals[i] ?? null;
      const name = `crosstab row total ${label(a.code, a.options, i)}`;
      if (total === null) hide(r.sum([i], answeredB), name);
      else r.published(r.sum([i], answeredB), total, name);
    }
    for (const j of answeredB) {
      const total = crosstab.colTotals[j] ?? null;
      const name = `crosstab column total ${label(b.code, b.options, j)}`;
      if (total === null) hide(r.sum(answeredA, [j]), name);
      else r.published(r.sum(answeredA, [j]), total, name);
    }
    const name = `crosstab total ${a.code} × ${b.code}`;
    if (crosstab.total === null) hide(r.sum(answeredA, answeredB), name);
    else r.published(r.sum(answeredA, answeredB), crosstab.total, name);
  }

  for (const d of distributions) {
    const q = d.question === 'a' ? a : b;
    const answered = range(q.options.length);
    // Counts over everyone who answered q, whatever they said (or not) to the other question.
    const terms = (mine: number[]): Term[] =>
      d.question === 'a' ? r.sum(mine, allB) : r.sum(allA, mine);
    answered.forEach((i) => {
      const value = d.counts[i] ?? null;
      const name = `distribution ${label(q.code, q.options, i)}`;
      if (value === null) r.targets.push({ name, kind: 'hidden', terms: terms([i]) });
      else r.published(terms([i]), value, name);
    });
    const name = `distribution ${q.code} n`;
    if (d.n === null) r.targets.push({ name, kind: 'hidden', terms: terms(answered) });
    else r.published(terms(answered), d.n, name);
  }

  if (microdata) {
    // A masked attribute is one group of every answered option: the records are still there.
    const aGroups = microdata.aGroups?.map((g) => indices(a.options, g, 'microdata')) ?? [answeredA];
    const bGroups = microdata.bGroups?.map((g) => indices(b.options, g, 'microdata')) ?? [answeredB];
    aGroups.forEach((ga, x) =>
      bGroups.forEach((gb, y) => {
        const value = microdata.counts[x]?.[y];
        if (value === undefined) throw new Error(`audit: microdata ${a.code} × ${b.code} is short`);
        r.exact(r.sum(ga, gb), value, `microdata ${a.code}[${x}] × ${b.code}[${y}]`);
      }),
    );
  }
}

/**
 * The perturbed numerators pn that round to `share` over a published n:
 * (t − ½)/10 ≤ 100 pn / n ≤ (t + ½)/10 with t the share in tenths. Ties count on both sides: the
 * attacker does not know which way the publisher rounds halves.
 */
function numerators(share: number, n: number, where: string): [number, number] {
  const tenths = Math.round(share * 10);
  // Integer numerators over 2000: the quotient is exact when whole, far from a whole otherwise.
  const lo = Math.max(0, Math.ceil(((2 * tenths - 1) * n) / 2000));
  const hi = Math.floor(((2 * tenths + 1) * n) / 2000);
  if (lo > hi) throw new Error(`audit: ${where}: no count of ${n} gives ${share} %`);
  return [lo, hi];
}

/**
 * A share published without its n: the perturbed numerator and denominator are unknown integers
 * within D of the truth, tied by the rounding interval scaled by 2000 so that every coefficient
 * is an integer.
 */
function shareOfUnknownN(r: Release, numerator: Term[], denominator: Term[], share: number, name: string): void {
  const noise = r.out.noise;
  const pn = `${r.prefix}share ${name} pn`;
  const pN = `${r.prefix}share ${name} pN`;
  r.vars.push(pn, pN);
  const near = (v: string, terms: Term[], what: string): void => {
    r.constraints.push({
      terms: [{ v, c: 1 }, ...terms.map(({ v: w }) => ({ v: w, c: -1 }))],
      lo: -noise,
      hi: noise,
      source: `${r.prefix}${name} ${what}`,
    });
  };
  near(pn, numerator, 'perturbed numerator');
  near(pN, denominator, 'perturbed denominator');
  const tenths = Math.round(share * 10);
  // A share was computed, so its denominator was not 0.
  r.constraints.push({ terms: [{ v: pN, c: 1 }], lo: 1, hi: Infinity, source: `${r.prefix}${name} n > 0` });
  r.constraints.push({
    terms: [
      { v: pn, c: 2000 },
      { v: pN, c: -(2 * tenths - 1) },
    ],
    lo: 0,
    hi: Infinity,
    source: `${r.prefix}${name} share ≥`,
  });
  r.constraints.push({
    terms: [
      { v: pn, c: 2000 },
      { v: pN, c: -(2 * tenths + 1) },
    ],
    lo: -Infinity,
    hi: 0,
    source: `${r.prefix}${name} share ≤`,
  });
}

/**
 * A share s = round(100 · pn / pN, 1) of perturbed counts: the attacker knows pn and pN are
 * integers within D of the true numerator and denominator, and pN = the published n. Scaled by
 * 20 the rounding interval has integer coefficients, so the LP reader gets no decimals to round.
 */
function addShares(r: Release): void {
  const { a, b, shares, noise } = r.out;
  const { rows } = r.axes;
  shares.forEach((s, si) => {
    const yes = indices(b.options, s.yes, 'share yes');
    const among = indices(b.options, s.among, 'share among');
    const groups = s.groups?.map((g) => indices(a.options, g, 'share group')) ?? [range(rows + 1)];
    if (groups.length !== s.cells.length) throw new Error(`audit: share ${si} has ${s.cells.length} cells for ${groups.length} groups`);
    const figure = `share ${b.code}∈{${s.yes.join(',')}} among {${s.among.join(',')}}`;
    groups.forEach((group, gi) => {
      const cell = s.cells[gi]!;
      const who = s.groups ? `${a.code}∈{${s.groups[gi]!.join(',')}}` : 'all respondents';
      const name = `${figure} | ${who}`;
      const numerator = r.sum(group, yes);
      const denominator = r.sum(group, among);
      const complement = [...denominator, ...numerator.map(({ v }) => ({ v, c: -1 }))];

      if (cell.share === null) {
        r.targets.push({ name: `${name} numerator`, kind: 'hidden', terms: numerator });
        r.targets.push({ name: `${name} complement`, kind: 'hidden', terms: complement });
        if (cell.n !== null) r.published(denominator, cell.n, `${name} n`);
      } else {
        r.targets.push({ name: `${name} numerator`, kind: 'small', terms: numerator });
        r.targets.push({ name: `${name} complement`, kind: 'small', terms: complement });
        if (cell.n !== null) {
          r.published(denominator, cell.n, `${name} n`);
          const [lo, hi] = numerators(cell.share, cell.n, `${name}`);
          r.constraints.push({ terms: numerator, lo: lo - noise, hi: hi + noise, source: `${r.prefix}${name} share` });
        } else shareOfUnknownN(r, numerator, denominator, cell.share, `${name} (${si}.${gi})`);
      }
      if (cell.n === null) r.targets.push({ name: `${name} n`, kind: 'hidden', terms: denominator });
    });
  });
}

function release(out: PairOutputs, prefix: string): Release {
  const r = new Release(out, prefix);
  addCounts(r);
  addShares(r);
  return r;
}

/**
 * The previous release as a second table p_ that grew into this one: nobody withdrew, so each
 * cell only grew (the strongest attacker; a withdrawal only widens their ranges).
 */
function growth(now: Release, before: Release): { constraints: Constraint[]; targets: Named[] } {
  const { a, b } = now.out;
  const constraints: Constraint[] = [];
  const targets: Named[] = [];
  const position = (options: readonly string[], other: readonly string[], i: number): number =>
    i < options.length ? other.indexOf(options[i]!) : other.length;
  for (let i = 0; i <= a.options.length; i++) {
    const pi = position(a.options, before.out.a.options, i);
    if (pi < 0) continue;
    for (let j = 0; j <= b.options.length; j++) {
      const pj = position(b.options, before.out.b.options, j);
      if (pj < 0) continue;
      const terms = [
        { v: now.cell(i, j), c: 1 },
        { v: before.cell(pi, pj), c: -1 },
      ];
      const where = `${label(a.code, a.options, i)} × ${label(b.code, b.options, j)}`;
      constraints.push({ terms, lo: 0, hi: Infinity, source: `growth ${where}` });
      if (i < a.options.length && j < b.options.length) {
        targets.push({ name: `difference since previous release: ${where}`, kind: 'difference', terms });
      }
    }
  }
  return { constraints, targets };
}

function finding(kind: Kind, k: number, name: string, min: number, max: number): Finding | null {
  const small = (x: number): boolean => x > 0 && x < k;
  if (kind === 'hidden') {
    if (min === max) return { target: name, min, max, reason: 'exact' };
    if (max - min < MIN_WIDTH) return { target: name, min, max, reason: 'narrow' };
  } else if (kind === 'small') {
    if (min === max && small(min)) return { target: name, min, max, reason: 'exact' };
    if (max - min < MIN_WIDTH && max > 0 && min < k) return { target: name, min, max, reason: 'narrow' };
  } else if (min === max && small(min)) return { target: name, min, max, reason: 'difference' };
  return null;
}

/** A canonical text of an expression, so equal expressions are solved once. */
function key(terms: readonly Term[]): string {
  const sums = new Map<string, number>();
  for (const { v, c } of terms) sums.set(v, (sums.get(v) ?? 0) + c);
  return [...sums]
    .filter(([, c]) => c !== 0)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([v, c]) => `${c} ${v}`)
    .join(' ');
}

/** Every release of the chain, the current one first, each with its own prefix p_, p_p_… */
function chain(outputs: PairOutputs): Release[] {
  const releases: Release[] = [];
  for (let out: PairOutputs | null = outputs, prefix = ''; out; out = out.previous, prefix = `p_${prefix}`) {
    releases.push(release(out, prefix));
  }
  return releases;
}

/** Everything the attacker can build from the outputs, and what must stay hidden. */
export function buildPairProblem(outputs: PairOutputs): {
  integers: string[];
  constraints: Constraint[];
  targets: Named[];
} {
  const releases = chain(outputs);
  const current = releases[0]!;
  const integers = releases.flatMap((r) => r.vars);
  const constraints = releases.flatMap((r) => r.constraints);
  const targets = [...current.targets];
  releases.slice(1).forEach((before, x) => {
    const g = growth(releases[x]!, before);
    constraints.push(...g.constraints);
    // Only the growth since the last release is new information in this one.
    if (x === 0) targets.push(...g.targets);
  });
  return { integers, constraints, targets };
}

/** A named value the attacker must not pin down, with the range they can narrow it to. */
export interface TargetBound extends Bound {
  kind: Kind;
}

/** Targets grouped by expression: a cell that is also a share's numerator is solved once. */
function distinct(targets: readonly Named[]): Map<string, { terms: Term[]; named: Named[] }> {
  const byKey = new Map<string, { terms: Term[]; named: Named[] }>();
  for (const t of targets) {
    const k = key(t.terms);
    const entry = byKey.get(k);
    if (entry) entry.named.push(t);
    else byKey.set(k, { terms: t.terms, named: [t] });
  }
  return byKey;
}

/** The exact range of every target (every one solved: for tests and diagnostics). */
export function boundPair(highs: Highs, outputs: PairOutputs): TargetBound[] {
  const { integers, constraints, targets } = buildPairProblem(outputs);
  const groups = distinct(targets);
  const bounds = solveBounds(highs, {
    integers,
    constraints,
    targets: [...groups].map(([name, { terms }]) => ({ name, terms })),
  });
  return bounds.flatMap(({ name, min, max }) =>
    groups.get(name)!.named.map((t) => ({ name: t.name, kind: t.kind, min, max })),
  );
}

/**
 * Whether some exact range containing the values seen so far would be a finding. Every finding
 * is narrower than MIN_WIDTH, so only a handful of ranges around the seen ones qualify.
 */
function couldFind(kinds: readonly Kind[], k: number, seen: { min: number; max: number }): boolean {
  if (seen.min > seen.max) return true;
  for (let min = seen.max - MIN_WIDTH + 1; min <= seen.min; min++) {
    for (let max = seen.max; max < min + MIN_WIDTH; max++) {
      if (kinds.some((kind) => finding(kind, k, '', min, max))) return true;
    }
  }
  return false;
}

/**
 * The audit of one pair. Exact bounds are only computed where a finding is still possible: a
 * target seen at two values MIN_WIDTH apart (or, for a difference, at 0 or at k or more) is safe
 * whatever its exact range, so the solver stops there. Findings always carry exact bounds.
 */
export function auditPair(highs: Highs, outputs: PairOutputs): PairAudit {
  const started = performance.now();
  const { integers, constraints, targets } = buildPairProblem(outputs);
  const groups = distinct(targets);
  const kinds = new Map([...groups].map(([k, g]) => [k, g.named.map((t) => t.kind)]));
  const screened = screenBounds(
    highs,
    { integers, constraints, targets: [...groups].map(([name, { terms }]) => ({ name, terms })) },
    (target, seen) => couldFind(kinds.get(target.name)!, outputs.k, seen),
  );
  const findings = screened.flatMap(({ name, min, max, exact }) =>
    exact ? groups.get(name)!.named.flatMap((t) => finding(t.kind, outputs.k, t.name, min, max) ?? []) : [],
  );
  return {
    pair: `${outputs.a.code} × ${outputs.b.code}`,
    targets: targets.length,
    findings,
    ms: performance.now() - started,
  };
}
