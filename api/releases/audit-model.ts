/**
 * What the attacker can write down from one pair's published outputs: integer unknowns for the
 * full table (A options + "not answered") × (B options + "not answered") of each release, one
 * constraint per published figure, and the values that must stay hidden.
 */
import type { Constraint, Term } from './audit-milp';
import type { PairOutputs } from './audit';

/**
 * How a target's range turns into a finding (see `judge` in audit.ts).
 * - hidden: a suppressed value.
 * - implied: a count a published share gives away with its n (numerator, complement).
 * - difference: a crosstab cell's growth since the previous release.
 */
export type Kind = 'hidden' | 'implied' | 'difference';

export interface NamedTarget {
  name: string;
  kind: Kind;
  terms: Term[];
}

export interface PairProblem {
  integers: string[];
  constraints: Constraint[];
  targets: NamedTarget[];
  /** cells[release][i][j]: the variable of full-table cell (i, j); release 0 is the current one,
   * 1 the previous… i = a.options.length and j = b.options.length are "not answered". */
  cells: string[][][];
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

/** One release's unknowns, constraints and targets. */
class Release {
  readonly cells: string[][];
  readonly vars: string[];
  readonly constraints: Constraint[] = [];
  readonly targets: NamedTarget[] = [];

  constructor(
    readonly out: PairOutputs,
    readonly prefix: string,
  ) {
    this.cells = range(out.a.options.length + 1).map((i) =>
      range(out.b.options.length + 1).map((j) => `${prefix}c${i}.${j}`),
    );
    this.vars = this.cells.flat();
  }

  /** Σ of the cells rows × cols. */
  sum(rows: readonly number[], cols: readonly number[]): Term[] {
    return rows.flatMap((i) => cols.map((j) => ({ v: this.cells[i]![j]!, c: 1 })));
  }

  /** A published perturbed value P of a sum S: P − D ≤ S ≤ P + D. */
  published(terms: Term[], value: number, source: string): void {
    const d = this.out.noise;
    this.constraints.push({ terms, lo: value - d, hi: value + d, source: this.prefix + source });
  }

  within(terms: Term[], lo: number, hi: number, source: string): void {
    this.constraints.push({ terms, lo, hi, source: this.prefix + source });
  }

  /** A figure that is published (perturbed) unless null; when null, a target of `kind`. */
  figure(terms: Term[], value: number | null, name: string): void {
    if (value === null) this.targets.push({ name, kind: 'hidden', terms });
    else this.published(terms, value, name);
  }
}

/** The crosstab (answered × answered), the per-question counts, the edition's n. */
function addCounts(r: Release): void {
  const { a, b, crosstab, distributions, respondents } = r.out;
  const answeredA = range(a.options.length);
  const answeredB = range(b.options.length);
  const allA = range(a.options.length + 1);
  const allB = range(b.options.length + 1);
  const la = (i: number): string => label(a.code, a.options, i);
  const lb = (j: number): string => label(b.code, b.options, j);

  if (respondents !== null) r.published(r.sum(allA, allB), respondents, 'respondents');

  if (crosstab) {
    for (const i of answeredA) {
      for (const j of answeredB) {
        const value = crosstab.counts[i]?.[j];
        if (value === undefined) throw new Error(`audit: crosstab ${a.code} × ${b.code} is short`);
        r.figure(r.sum([i], [j]), value, `crosstab ${la(i)} × ${lb(j)}`);
      }
      r.figure(r.sum([i], answeredB), crosstab.rowTotals[i] ?? null, `crosstab row total ${la(i)}`);
    }
    for (const j of answeredB) {
      r.figure(
        r.sum(answeredA, [j]),
        crosstab.colTotals[j] ?? null,
        `crosstab column total ${lb(j)}`,
      );
    }
    r.figure(r.sum(answeredA, answeredB), crosstab.total, `crosstab total ${a.code} × ${b.code}`);
  }

  for (const d of distributions) {
    const q = d.question === 'a' ? a : b;
    // Everyone who answered q, whatever they said (or not) to the other question.
    const terms = (mine: number[]): Term[] =>
      d.question === 'a' ? r.sum(mine, allB) : r.sum(allA, mine);
    q.options.forEach((_, i) => {
      r.figure(terms([i]), d.counts[i] ?? null, `distribution ${label(q.code, q.options, i)}`);
    });
    r.figure(terms(range(q.options.length)), d.n, `distribution ${q.code} n`);
  }
}

/**
 * The perturbed numerators pn that round to `share` over a published n:
 * (t − ½)/10 ≤ 100 pn / n ≤ (t + ½)/10, t the share in tenths. Both ends count: the attacker does
 * not know which way the publisher rounds halves.
 */
export function numerators(share: number, n: number): [number, number] | null {
  const t = Math.round(share * 10);
  // Whole numbers over 2000: the quotient is exact when whole and far from one otherwise.
  const lo = Math.max(0, Math.ceil(((2 * t - 1) * n) / 2000));
  const hi = Math.floor(((2 * t + 1) * n) / 2000);
  return lo <= hi ? [lo, hi] : null;
}

const minus = (terms: readonly Term[]): Term[] => terms.map(({ v, c }) => ({ v, c: -c }));

/**
 * A share published without its n: the perturbed numerator pn and denominator pN are unknowns
 * within D of the truth, tied by the rounding interval times 2000, which makes every coefficient
 * an integer: (2t − 1)·pN ≤ 2000·pn ≤ (2t + 1)·pN.
 */
function shareOfUnknownN(
  r: Release,
  numerator: Term[],
  denominator: Term[],
  share: number,
  name: string,
): void {
  const d = r.out.noise;
  const pn = `${r.prefix}${name} pn`;
  const pN = `${r.prefix}${name} pN`;
  r.vars.push(pn, pN);
  r.within([{ v: pn, c: 1 }, ...minus(numerator)], -d, d, `${name} perturbed numerator`);
  r.within([{ v: pN, c: 1 }, ...minus(denominator)], -d, d, `${name} perturbed denominator`);
  // A share was computed, so its denominator was not 0.
  r.within([{ v: pN, c: 1 }], 1, Infinity, `${name} n > 0`);
  const t = Math.round(share * 10);
  const pnTimes = { v: pn, c: 2000 };
  r.within([pnTimes, { v: pN, c: -(2 * t - 1) }], 0, Infinity, `${name} share, low end`);
  r.within([pnTimes, { v: pN, c: -(2 * t + 1) }], -Infinity, 0, `${name} share, high end`);
}

/**
 * Shares s = round(100 · pn / pN, 1) of perturbed counts by groups of A's options. With n
 * published, pN = n and pn is one of the whole numbers `numerators` gives, so the true numerator
 * lies within D of that range: a plain interval, no ratio left in the model.
 */
function addShares(r: Release): void {
  const { a, b, shares, noise } = r.out;
  shares.forEach((s, si) => {
    const yes = indices(b.options, s.yes, 'share yes');
    const among = indices(b.options, s.among, 'share among');
    const groups = s.groups?.map((g) => indices(a.options, g, 'share group')) ?? [
      range(a.options.length + 1),
    ];
    if (groups.length !== s.cells.length) {
      throw new Error(`audit: share ${si} has ${s.cells.length} cells for ${groups.length} groups`);
    }
    const figure = `share ${b.code}∈{${s.yes.join(',')}} among {${s.among.join(',')}}`;
    groups.forEach((group, gi) => {
      const cell = s.cells[gi]!;
      const who = s.groups ? `${a.code}∈{${s.groups[gi]!.join(',')}}` : 'all respondents';
      const name = `${figure} | ${who}`;
      const numerator = r.sum(group, yes);
      const denominator = r.sum(group, among);
      const complement = [...denominator, ...minus(numerator)];
      // A suppressed share hides both of its counts; a published one still must not pin a small one.
      const kind: Kind = cell.share === null ? 'hidden' : 'implied';
      r.targets.push({ name: `${name} numerator`, kind, terms: numerator });
      r.targets.push({ name: `${name} complement`, kind, terms: complement });
      r.figure(denominator, cell.n, `${name} n`);
      if (cell.share === null) return;
      if (cell.n === null) return shareOfUnknownN(r, numerator, denominator, cell.share, name);
      const pn = numerators(cell.share, cell.n);
      if (!pn)
        throw new Error(`audit: ${name}: no count out of ${cell.n} rounds to ${cell.share} %`);
      r.within(numerator, pn[0] - noise, pn[1] + noise, `${name} share`);
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
 * Links a release to the one before it: nobody withdrew, so every cell only grew (the strongest
 * attacker: a withdrawal could only widen their ranges). Options are matched by code, so a
 * questionnaire that gained an option between releases still links the others.
 */
function growth(
  now: Release,
  before: Release,
  targets: boolean,
): { constraints: Constraint[]; targets: NamedTarget[] } {
  const { a, b } = now.out;
  const constraints: Constraint[] = [];
  const found: NamedTarget[] = [];
  const position = (options: readonly string[], other: readonly string[], i: number): number =>
    i < options.length ? other.indexOf(options[i]!) : other.length;
  now.cells.forEach((row, i) => {
    const pi = position(a.options, before.out.a.options, i);
    if (pi < 0) return;
    row.forEach((cell, j) => {
      const pj = position(b.options, before.out.b.options, j);
      if (pj < 0) return;
      const terms = [
        { v: cell, c: 1 },
        { v: before.cells[pi]![pj]!, c: -1 },
      ];
      const where = `${label(a.code, a.options, i)} × ${label(b.code, b.options, j)}`;
      constraints.push({ terms, lo: 0, hi: Infinity, source: `${now.prefix}growth ${where}` });
      if (targets && i < a.options.length && j < b.options.length) {
        found.push({
          name: `difference since previous release: ${where}`,
          kind: 'difference',
          terms,
        });
      }
    });
  });
  return { constraints, targets: found };
}

/**
 * The attacker's problem for one pair: the current release and every earlier one it carries
 * (prefixes p_, p_p_…), each linked to the next by growth unless `grown` is false (withdrawals
 * made a cell shrink, so "nobody withdrew" admits no table). Targets: what the current release
 * hides, and the growth since the last release (earlier growth was audited back then).
 */
export function buildPairProblem(outputs: PairOutputs, grown = true): PairProblem {
  const releases: Release[] = [];
  for (
    let out: PairOutputs | null = outputs, prefix = '';
    out;
    out = out.previous, prefix = `p_${prefix}`
  ) {
    releases.push(release(out, prefix));
  }
  const constraints = releases.flatMap((r) => r.constraints);
  const targets = [...releases[0]!.targets];
  releases.slice(1).forEach((before, x) => {
    const link = growth(releases[x]!, before, x === 0);
    if (grown) constraints.push(...link.constraints);
    targets.push(...link.targets);
  });
  return {
    integers: releases.flatMap((r) => r.vars),
    constraints,
    targets,
    cells: releases.map((r) => r.cells),
  };
}
