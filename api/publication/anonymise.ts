/**
 * k-anonymity of the microdata (DESIGN §3): quasi-identifiers are generalised
 * globally, one level at a time, until few enough records sit in combinations
 * shared by fewer than k records; those few have every quasi-identifier
 * suppressed. Pure, and on small integers so 100,000 records fit in a few
 * hundred kilobytes.
 */

/**
 * A quasi-identifier's values, one byte per record (0 = no answer, i = the i-th option), and its
 * hierarchy: `levels[l][value]` is the value's group at level l. Level 0 is the identity; the
 * level after the last one puts every record in a single group (the answer is suppressed).
 */
export interface QuasiColumn {
  values: Uint8Array;
  levels: number[][];
}

export interface Anonymisation {
  /** The level chosen for each quasi-identifier; `levels.length` means suppressed for all. */
  levels: number[];
  /** 1 where a record has all its quasi-identifiers suppressed. */
  suppressed: Uint8Array;
  suppressedCount: number;
  /** Fewer than k records in all: no combination can hold k, so no record is released. */
  withheld: boolean;
}

/**
 * Local suppression is cheaper than another level of generalisation while it touches at most
 * this share of the records: the usual bound in statistical disclosure practice (ARX's default
 * is 0 to 10%), and low enough that suppressed records cannot bias analyses much.
 */
export const MAX_SUPPRESSED_SHARE = 0.05;

const SUPPRESSED_GROUP = 0;

function groupOf(column: QuasiColumn, level: number, value: number): number {
  return level >= column.levels.length ? SUPPRESSED_GROUP : column.levels[level]![value]!;
}

/** The combination of each record's generalised values, as one number per record. */
function classKeys(columns: QuasiColumn[], levels: number[], n: number): Float64Array {
  const keys = new Float64Array(n);
  columns.forEach((column, q) => {
    const level = levels[q]!;
    const radix = level >= column.levels.length ? 1 : Math.max(...column.levels[level]!) + 1;
    for (let i = 0; i < n; i++)
      keys[i] = keys[i]! * radix + groupOf(column, level, column.values[i]!);
  });
  return keys;
}

function classSizes(keys: Float64Array): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const key of keys) sizes.set(key, (sizes.get(key) ?? 0) + 1);
  return sizes;
}

function recordsInSmallClasses(keys: Float64Array, k: number): number {
  let small = 0;
  for (const size of classSizes(keys).values()) if (size < k) small += size;
  return small;
}

/** Shannon entropy, in bits, of a quasi-identifier at a level: what a level keeps of it. */
function entropy(column: QuasiColumn, level: number, n: number): number {
  if (level >= column.levels.length || n === 0) return 0;
  const counts = new Map<number, number>();
  for (const value of column.values) {
    const group = column.levels[level]![value]!;
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) bits -= (count / n) * Math.log2(count / n);
  return bits;
}

export function anonymise(
  columns: QuasiColumn[],
  n: number,
  k: number,
  maxSuppressedShare = MAX_SUPPRESSED_SHARE,
): Anonymisation {
  const levels = columns.map(() => 0);
  const budget = Math.floor(maxSuppressedShare * n);
  let keys = classKeys(columns, levels, n);
  let small = recordsInSmallClasses(keys, k);
  // Greedy: each step takes the generalisation that rescues the most records from small classes
  // per bit of information it costs, so cheap merges (two age bands) come first. An optimal lattice search (Incognito, Flash) would lose a little less, at
  // orders of magnitude more steps for seven attributes.
  while (small > budget) {
    let best: { q: number; keys: Float64Array; small: number; score: number } | null = null;
    // Masking an attribute for everyone is the last resort: while any can still be coarsened,
    // only coarsening is tried, so every attribute keeps at least its coarsest groups.
    const canCoarsen = columns.some((c, q) => levels[q]! + 1 < c.levels.length);
    for (const [q, column] of columns.entries()) {
      const level = levels[q]!;
      if (level >= column.levels.length) continue;
      if (canCoarsen && level + 1 >= column.levels.length) continue;
      const tried = levels.map((l, i) => (i === q ? l + 1 : l));
      const triedKeys = classKeys(columns, tried, n);
      const triedSmall = recordsInSmallClasses(triedKeys, k);
      const cost = entropy(column, level, n) - entropy(column, level + 1, n);
      const score = (small - triedSmall) / Math.max(cost, 1e-9);
      if (!best || score > best.score) best = { q, keys: triedKeys, small: triedSmall, score };
    }
    if (!best) break;
    levels[best.q]! += 1;
    keys = best.keys;
    small = best.small;
  }
  return suppressSmallClasses(keys, levels, k);
}

/**
 * Records in classes under k lose every quasi-identifier, which puts them together in one more
 * class; that class must itself reach k. The shortfall is taken from the smallest class that can
 * spare it and stay at k (records come in random id order, so which ones is arbitrary), or else
 * whole classes join, smallest first.
 */
function suppressSmallClasses(keys: Float64Array, levels: number[], k: number): Anonymisation {
  const n = keys.length;
  const sizes = classSizes(keys);
  const take = new Map<number, number>();
  let count = 0;
  for (const [key, size] of sizes) {
    if (size < k) {
      take.set(key, size);
      count += size;
    }
  }
  const kept = [...sizes].filter(([key]) => !take.has(key)).sort((a, b) => a[1] - b[1]);
  while (count > 0 && count < k && kept.length) {
    const needed = k - count;
    const roomy = kept.find(([, size]) => size - needed >= k);
    const [key, size] = roomy ?? kept[0]!;
    const taken = roomy ? needed : size;
    take.set(key, taken);
    count += taken;
    kept.splice(kept.indexOf(roomy ?? kept[0]!), 1);
  }
  const suppressed = new Uint8Array(n);
  for (let i = 0; i < n && count > 0; i++) {
    const left = take.get(keys[i]!);
    if (left) {
      suppressed[i] = 1;
      take.set(keys[i]!, left - 1);
    }
  }
  return { levels, suppressed, suppressedCount: count, withheld: n > 0 && n < k };
}
