/**
 * The gate before a public release: for one pair of single-choice questions A × B, the strongest
 * attacker we can state exactly. They hold every published number that touches the pair (and the
 * previous release's), know the perturbation bound D and the rounding of shares, and ask a MILP
 * solver how far each hidden value can move. A hidden value they can pin down is a finding.
 */
import type { Highs } from 'highs';
import {
  isInfeasible,
  screenBounds,
  solveBounds,
  type Bound,
  type Problem,
  type Term,
} from './audit-milp';
import { buildPairProblem, type Kind, type NamedTarget } from './audit-model';

export { buildPairProblem, type Kind } from './audit-model';

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
  /** Wall time. A deployed Worker's clock stands still during synchronous work: 0 there. */
  ms: number;
}

/**
 * A hidden count the attacker can narrow to max − min < MIN_WIDTH, one or two candidates ("0 or
 * 1"), is as good as published. With D = 2 an honest suppression leaves at least the noise's
 * spread, five candidates; three (width 2) is the least we accept.
 */
export const MIN_WIDTH = 2;

/**
 * Whether a target's exact range is a finding.
 * - hidden (suppressed): any pin or near-pin below k, zero included: "< k" is meant to hide zeros
 *   too.
 * - implied (by a published share and its n): the share is public, so pinning its numerator is
 *   expected; a leak only when the count pinned (or nearly) is a small non-zero one, under k.
 * - difference: the change since the last release pinned to a few records (0 < |change| < k).
 */
export function judge(
  kind: Kind,
  k: number,
  target: string,
  min: number,
  max: number,
): Finding | null {
  const small = (x: number): boolean => x > 0 && x < k;
  if (kind === 'hidden') {
    // Pinned at k or more, a hidden value shows no small group: only complementary suppressions
    // are that large, and the small values they protect are targets of their own.
    if (min >= k) return null;
    if (min === max) return { target, min, max, reason: 'exact' };
    if (max - min < MIN_WIDTH) return { target, min, max, reason: 'narrow' };
  } else if (kind === 'implied') {
    if (min === max && small(min)) return { target, min, max, reason: 'exact' };
    if (max - min < MIN_WIDTH && max > 0 && min < k) return { target, min, max, reason: 'narrow' };
  } else if (min === max && small(Math.abs(min))) {
    // A few records more, or fewer (withdrawals), pinned to one cell: theirs are its answers.
    return { target, min, max, reason: 'difference' };
  }
  return null;
}

/**
 * Whether some exact range containing the values seen so far would be a finding. Every finding is
 * narrower than MIN_WIDTH, so only a handful of ranges around the seen ones qualify.
 */
function couldFind(kinds: readonly Kind[], k: number, seen: { min: number; max: number }): boolean {
  if (seen.min > seen.max) return true;
  for (let min = seen.max - MIN_WIDTH + 1; min <= seen.min; min++) {
    for (let max = seen.max; max < min + MIN_WIDTH; max++) {
      if (kinds.some((kind) => judge(kind, k, '', min, max))) return true;
    }
  }
  return false;
}

/** A canonical text of an expression, so that equal expressions are solved once. */
function key(terms: readonly Term[]): string {
  const sums = new Map<string, number>();
  for (const { v, c } of terms) sums.set(v, (sums.get(v) ?? 0) + c);
  return [...sums]
    .filter(([, c]) => c !== 0)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([v, c]) => `${c} ${v}`)
    .join(' ');
}

/**
 * The attacker's problem for the solver, with targets grouped by expression: a crosstab cell that
 * is also a share's numerator is one solve, named by its expression's key.
 */
function problemOf(
  outputs: PairOutputs,
  grown = true,
): { problem: Problem; named: Map<string, NamedTarget[]> } {
  const { integers, constraints, targets } = buildPairProblem(outputs, grown);
  const named = new Map<string, NamedTarget[]>();
  for (const t of targets) {
    const k = key(t.terms);
    named.set(k, [...(named.get(k) ?? []), t]);
  }
  const unique = [...named].map(([name, [first]]) => ({ name, terms: first!.terms }));
  return { problem: { integers, constraints, targets: unique }, named };
}

/** A named value the attacker must not pin down, with the exact range they can narrow it to. */
export interface TargetBound extends Bound {
  kind: Kind;
}

/** The exact range of every target, every one solved: for tests and diagnostics. */
export function boundPair(highs: Highs, outputs: PairOutputs): TargetBound[] {
  const { problem, named } = problemOf(outputs);
  return solveBounds(highs, problem).flatMap(({ name, min, max }) =>
    named.get(name)!.map((t) => ({ name: t.name, kind: t.kind, min, max })),
  );
}

/**
 * The audit of one pair. Exact bounds are computed only where a finding is still possible: a
 * target seen at two values MIN_WIDTH apart (or a difference seen at 0 or at k or more) is safe
 * whatever its exact range, so the solver stops there. Findings always carry exact bounds.
 */
export function auditPair(highs: Highs, outputs: PairOutputs): PairAudit {
  const started = performance.now();
  const screen = (grown: boolean) => {
    const built = problemOf(outputs, grown);
    const kinds = (name: string): Kind[] => built.named.get(name)!.map((t) => t.kind);
    return {
      named: built.named,
      screened: screenBounds(highs, built.problem, (target, seen) =>
        couldFind(kinds(target.name), outputs.k, seen),
      ),
    };
  };
  let audited;
  try {
    audited = screen(true);
  } catch (error) {
    // Some cell shrank since the previous release: withdrawals. The attacker cannot assume
    // growth then, and audits both releases side by side.
    if (!outputs.previous || !isInfeasible(error)) throw error;
    audited = screen(false);
  }
  const { named, screened } = audited;
  const findings = screened.flatMap(({ name, min, max, exact }) =>
    exact ? named.get(name)!.flatMap((t) => judge(t.kind, outputs.k, t.name, min, max) ?? []) : [],
  );
  return {
    pair: `${outputs.a.code} × ${outputs.b.code}`,
    targets: [...named.values()].flat().length,
    findings,
    ms: performance.now() - started,
  };
}
