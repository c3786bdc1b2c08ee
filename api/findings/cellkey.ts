/**
 * Cell-key perturbation (the ABS TableBuilder method, docs/adr/006-releases.md). Every record
 * carries a secret random key; a cell's key is the sum of its records' keys, so the same set of
 * records gives the same key, and so the same published value, in every table of every release.
 * Add or remove one record and the key, and with it the noise, is drawn afresh: a change of one
 * cannot be told from no change. Pure.
 */

/** Keys live in [0, 2^32): sums of 100,000 of them stay exact in a double and in SQLite. */
export const KEY_SPACE = 2 ** 32;

/**
 * A record's key: the low 32 bits of its response id, which is drawn uniformly at random
 * (`randomId48`) and never leaves the database. SQL computes the same with `id % 4294967296`.
 */
export const recordKey = (responseId: number): number => responseId % KEY_SPACE;

/** SQL for a cell key over response ids in `column`: agrees with `recordKey` and `addKeys`. */
export const cellKeySql = (column: string): string =>
  `sum(${column} % ${KEY_SPACE}) % ${KEY_SPACE}`;

export const addKeys = (a: number, b: number): number => (a + b) % KEY_SPACE;

/** A count and its cell key. */
export interface Counted {
  n: number;
  key: number;
}

export const subtractCounted = (a: Counted, b: Counted): Counted => ({
  n: a.n - b.n,
  key: (a.key - b.key + KEY_SPACE) % KEY_SPACE,
});

export const EMPTY: Counted = { n: 0, key: 0 };

export const addCounted = (a: Counted, b: Counted): Counted => ({
  n: a.n + b.n,
  key: addKeys(a.key, b.key),
});

/**
 * The perturbation table: noise −2..+2 with probabilities 10/20/40/20/10 %. Zero mean, variance
 * 1.2: a published difference of one is at least as likely to come from noise as from a record.
 * Noise never makes a published count negative: only counts of at least k (≥ 5) are published.
 */
export const NOISE_BOUND = 2;
const PTABLE: readonly (readonly [noise: number, upTo: number])[] = [
  [-2, 0.1],
  [-1, 0.3],
  [0, 0.7],
  [1, 0.9],
  [2, 1],
];

export function noise(key: number): number {
  const u = key / KEY_SPACE;
  return PTABLE.find(([, upTo]) => u < upTo)![0];
}

/** The count as published: its true value plus the noise its records' key draws. */
export const perturb = (cell: Counted): number => Math.max(0, cell.n + noise(cell.key));
