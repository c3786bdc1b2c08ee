/**
 * Anonymisation of the microdata by global recoding only (docs/architecture.md, privacy rules): each quasi-identifier is
 * released at one level of its hierarchy, the same for every record, or masked for every record.
 * No record is ever masked on its own: a record blanked alone can be put back by subtracting the
 * other records from a full-detail table (the 2025 package lost 33 records that way).
 *
 * The levels are chosen so that every combination of released values holds at least k records
 * and, in each such class, every sensitive attribute takes at least l distinct values (a missing
 * answer counts as a value), so a class never tells its members' answer outright.
 *
 * The search (see `anonymise`) works on small integers in typed arrays, so 100,000 records take a
 * few megabytes. Pure.
 */

/** One value per record: 0 = no answer, i ≥ 1 a value at full detail. */
export type Codes = Uint8Array | Uint16Array | Uint32Array;

/**
 * A quasi-identifier's values and its hierarchy: `levels[l][value]` is the value's group at
 * level l. Level 0 is the identity; "no answer" (0) stays apart, as group 0, at every level; each
 * level merges groups of the one before, never splits them. The level after the last one,
 * `levels.length`, masks the attribute for every record.
 */
export interface QuasiColumn {
  values: Codes;
  levels: ArrayLike<number>[];
}

/** A sensitive attribute: one value per record, 0 for no answer (a value of its own), at most 31. */
export interface SensitiveColumn {
  values: Uint8Array;
}

export interface Criteria {
  k: number;
  /** Distinct l-diversity required of every sensitive attribute in every class. */
  l: number;
}

/**
 * Two distinct values per class is the least that keeps a class from stating each member's
 * answer (everyone in it harassed, say); more would cost far more detail at a thousand responses.
 */
export const L_DIVERSITY = 2;

/**
 * Work allowed to the search, greedy phase included, in rows grouped (a node of the lattice costs
 * one per distinct record): about a second of CPU. That proves the optimum up to some 10,000
 * records (a thousand take a few hundred nodes); at 100,000 the greedy release stands, improved
 * as far as the budget goes. A count, not a clock, so the same data always gets the same release.
 */
export const SEARCH_BUDGET = 20_000_000;

export interface Anonymisation {
  /** The level chosen for each quasi-identifier; `levels.length` of its column means masked. */
  levels: number[];
  /**
   * No release satisfies the criteria, not even with every quasi-identifier masked (fewer than
   * k records, or a sensitive attribute with one value for everyone): no record is released.
   */
  withheld: boolean;
  /** Information lost: the sum over quasi-identifiers of the share of their entropy removed. */
  loss: number;
  /** Whether the search covered the whole lattice, so no release loses less. */
  optimal: boolean;
  /** Nodes of the lattice whose classes were counted: the cost of the search. */
  evaluated: number;
}

/** What a release's classes look like. */
export interface ClassStats {
  classes: number;
  /** The smallest class: the k reached. 0 when there are no records. */
  smallest: number;
  /** Records alone in their class. */
  uniques: number;
  /** For each sensitive attribute, the fewest distinct values in a class: the distinct l reached. */
  distinct: number[];
  /** How far the classes are from the criteria: records missing under k, values missing under l. */
  deficit: number;
}

/** A partition of the rows into the classes of a (partial) release. */
interface Classes {
  /** The class of each row. */
  of: Int32Array;
  count: number;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * The records, with duplicates at full detail merged into weighted rows, and the grouping that
 * every node of the search is counted with: a class of a finer release is a class of a coarser
 * one split by one more attribute, so a node is one pass over the rows with a hash table on
 * (class, group) pairs. Buffers are kept between passes, which run by the thousand.
 */
class Rows {
  readonly count: number;
  /** values[q][row]: the row's value of quasi-identifier q at full detail. */
  readonly values: Int32Array[];
  readonly sizes: Int32Array;
  /** masks[row * S + s]: the set of values of sensitive attribute s among the row's records. */
  readonly masks: Uint32Array;
  private readonly S: number;
  private slots!: Int32Array;
  private keysA!: Int32Array;
  private keysB!: Int32Array;
  private classSizes!: Int32Array;
  private classMasks!: Uint32Array;
  /** Rows grouped so far: what the search budget counts. */
  work = 0;

  constructor(columns: QuasiColumn[], sensitive: SensitiveColumn[], n: number) {
    const Q = columns.length;
    const S = (this.S = sensitive.length);
    this.allocate(n);
    // One array kind in the hot loops: mixing byte and word arrays makes V8's reads polymorphic.
    const all = columns.map((c) => Int32Array.from(c.values.subarray(0, n)));
    // Merge duplicates: hash every record's full-detail values.
    const rowOf = new Int32Array(n);
    const first = new Int32Array(n);
    let count = 0;
    const table = new Int32Array(this.slots.length);
    const mask = table.length - 1;
    for (let i = 0; i < n; i++) {
      let h = 0x811c9dc5;
      for (let q = 0; q < Q; q++) h = Math.imul(h ^ all[q]![i]!, 0x01000193);
      let slot = mix(h) & mask;
      for (;;) {
        const at = table[slot]!;
        if (at === 0) {
          table[slot] = count + 1;
          rowOf[i] = count;
          first[count++] = i;
          break;
        }
        const j = first[at - 1]!;
        let same = true;
        for (let q = 0; q < Q && same; q++) same = all[q]![j] === all[q]![i];
        if (same) {
          rowOf[i] = at - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    this.count = count;
    this.values = all.map((values) => {
      const kept = new Int32Array(count);
      for (let r = 0; r < count; r++) kept[r] = values[first[r]!]!;
      return kept;
    });
    this.sizes = new Int32Array(count);
    this.masks = new Uint32Array(count * S);
    for (let i = 0; i < n; i++) {
      const row = rowOf[i]!;
      this.sizes[row]! += 1;
      for (let s = 0; s < S; s++) {
        const value = sensitive[s]!.values[i]!;
        if (value > 31) throw new RangeError(`Sensitive attribute ${s}: value ${value} above 31`);
        this.masks[row * S + s]! |= 1 << value;
      }
    }
  }

  private allocate(rows: number) {
    let capacity = 16;
    while (capacity < rows * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.keysA = new Int32Array(rows);
    this.keysB = new Int32Array(rows);
    this.classSizes = new Int32Array(rows);
    this.classMasks = new Uint32Array(rows * this.S);
  }

  /** The release with every quasi-identifier masked: one class of every record. */
  single(criteria: Criteria): { classes: Classes; stats: ClassStats } {
    const count = this.count ? 1 : 0;
    this.classSizes[0] = 0;
    this.classMasks.fill(0, 0, this.S);
    for (let r = 0; r < this.count; r++) {
      this.classSizes[0] += this.sizes[r]!;
      for (let s = 0; s < this.S; s++) this.classMasks[s]! |= this.masks[r * this.S + s]!;
    }
    return {
      classes: { of: new Int32Array(this.count), count },
      stats: this.stats(count, criteria),
    };
  }

  /**
   * Splits `parent` by quasi-identifier q recoded through `map` (value → group), writing each
   * row's new class into `into`, and returns the new classes' statistics.
   */
  split(parent: Classes, q: number, map: Int32Array, into: Int32Array, criteria: Criteria) {
    const { S, slots, keysA, keysB, classSizes, classMasks, sizes, masks } = this;
    const values = this.values[q]!;
    const of = parent.of;
    const rows = this.count;
    slots.fill(0);
    const mask = slots.length - 1;
    let count = 0;
    for (let r = 0; r < rows; r++) {
      const a = of[r]!;
      const b = map[values[r]!]!;
      let slot = mix(Math.imul(a, 0x9e3779b1) ^ b) & mask;
      let c: number;
      for (;;) {
        const at = slots[slot]!;
        if (at === 0) {
          c = count++;
          slots[slot] = c + 1;
          keysA[c] = a;
          keysB[c] = b;
          classSizes[c] = 0;
          for (let s = 0; s < S; s++) classMasks[c * S + s] = 0;
          break;
        }
        c = at - 1;
        if (keysA[c] === a && keysB[c] === b) break;
        slot = (slot + 1) & mask;
      }
      into[r] = c;
      classSizes[c] = classSizes[c]! + sizes[r]!;
      for (let s = 0; s < S; s++) classMasks[c * S + s]! |= masks[r * S + s]!;
    }
    this.work += rows;
    return { count, stats: this.stats(count, criteria) };
  }

  private stats(count: number, { k, l }: Criteria): ClassStats {
    const S = this.S;
    const distinct = new Array<number>(S).fill(count ? Infinity : 0);
    let smallest = count ? Infinity : 0;
    let uniques = 0;
    let deficit = 0;
    for (let c = 0; c < count; c++) {
      const size = this.classSizes[c]!;
      if (size < smallest) smallest = size;
      if (size === 1) uniques++;
      if (size < k) deficit += k - size;
      for (let s = 0; s < S; s++) {
        const d = bitCount(this.classMasks[c * S + s]!);
        if (d < distinct[s]!) distinct[s] = d;
        if (d < l) deficit += l - d;
      }
    }
    return { classes: count, smallest, uniques, distinct, deficit };
  }
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return h ^ (h >>> 16);
}

/** How a column's values map to its groups at each level, the masked one (all 0) last. */
function levelMaps(column: QuasiColumn): Int32Array[] {
  return [
    ...column.levels.map((level) => Int32Array.from(level)),
    new Int32Array(column.levels[0]!.length),
  ];
}

/** Throws unless each level of the column merges whole groups of the level before. */
function checkNested(column: QuasiColumn, index: number) {
  const values = column.levels[0]!.length;
  for (let level = 1; level < column.levels.length; level++) {
    const parent = new Map<number, number>();
    for (let v = 0; v < values; v++) {
      const from = column.levels[level - 1]![v]!;
      const to = column.levels[level]![v]!;
      if ((parent.get(from) ?? to) !== to)
        throw new Error(
          `Quasi-identifier ${index}: level ${level} splits a group of the level before`,
        );
      parent.set(from, to);
    }
  }
}

/** Share of a column's entropy (no answer being a value) lost at each level, masked included. */
function lossByLevel(column: QuasiColumn, n: number): number[] {
  const values = column.levels[0]!.length;
  const counts = new Float64Array(values);
  for (let i = 0; i < n; i++) counts[column.values[i]!]! += 1;
  const entropy = (level: number) => {
    if (level >= column.levels.length || n === 0) return 0;
    const byGroup = new Map<number, number>();
    const table = column.levels[level]!;
    for (let v = 0; v < values; v++) {
      if (counts[v]) byGroup.set(table[v]!, (byGroup.get(table[v]!) ?? 0) + counts[v]!);
    }
    let bits = 0;
    for (const count of byGroup.values()) bits -= (count / n) * Math.log2(count / n);
    return bits;
  };
  const full = entropy(0);
  return Array.from({ length: column.levels.length + 1 }, (_, level) =>
    full > 0 ? 1 - entropy(level) / full : 0,
  );
}

/** The classes of each release (one level per quasi-identifier), with their statistics. */
export function classStats(
  columns: QuasiColumn[],
  sensitive: SensitiveColumn[],
  n: number,
  releases: number[][],
  criteria: Criteria,
): ClassStats[] {
  const rows = new Rows(columns, sensitive, n);
  const maps = columns.map(levelMaps);
  const into = [new Int32Array(rows.count), new Int32Array(rows.count)];
  return releases.map((levels) => {
    let { classes, stats } = rows.single(criteria);
    columns.forEach((column, q) => {
      const target = into[q % 2]!;
      const split = rows.split(classes, q, maps[q]![levels[q]!]!, target, criteria);
      classes = { of: target, count: split.count };
      stats = split.stats;
    });
    return stats;
  });
}

/**
 * Chooses the levels: the release that loses least information among those meeting the
 * criteria. The candidates form a lattice, one level per attribute (11 attributes give some
 * 400,000 nodes), in which the criteria are monotone: coarsening only merges classes, so if a
 * release fails, every finer one fails too. Two deterministic phases:
 *
 * 1. Greedy top-down specialisation (Fung et al.'s TDS): from every attribute masked, refine by
 *    one level, again and again, the attribute that regains the most information while the
 *    criteria still hold. Fast at any size, and a good first answer.
 * 2. Branch and bound over the lattice, the way OLA and Flash prune it: attributes are fixed one
 *    at a time, the others masked; a level that fails cuts every finer level of that attribute
 *    and all their completions, and a partial release already losing as much as the best one
 *    found is dropped. Within `SEARCH_BUDGET` the search is exhaustive and the result optimal;
 *    past it, the best release found so far stands (never worse than phase 1).
 *
 * Information loss is the sum over attributes of the share of the attribute's entropy lost
 * (no answer being a value), so every attribute weighs the same whatever its number of values:
 * two attributes kept coarsely can beat one kept in full. "No answer" stays a group of its own
 * at every level, so each optional question kept adds a small group that must reach k too.
 */
export function anonymise(
  columns: QuasiColumn[],
  sensitive: SensitiveColumn[],
  n: number,
  criteria: Criteria,
  budget = SEARCH_BUDGET,
): Anonymisation {
  const Q = columns.length;
  const heights = columns.map((c) => c.levels.length);
  const losses = columns.map((c) => lossByLevel(c, n));
  columns.forEach(checkNested);
  const lossOf = (levels: number[]) =>
    levels.reduce((sum, level, q) => sum + losses[q]![level]!, 0);
  const rows = new Rows(columns, sensitive, n);
  const maps = columns.map(levelMaps);
  let evaluated = 0;
  const split = (parent: Classes, q: number, level: number, into: Int32Array) => {
    evaluated++;
    return rows.split(parent, q, maps[q]![level]!, into, criteria);
  };
  const result = (levels: number[], withheld: boolean, optimal: boolean): Anonymisation => ({
    levels,
    withheld,
    loss: lossOf(levels),
    optimal,
    evaluated,
  });
  if (n === 0) return result(new Array<number>(Q).fill(0), false, true);

  // Everything masked is one class of every record: if even that fails, nothing can be released.
  const { classes: top, stats: whole } = rows.single(criteria);
  evaluated++;
  if (whole.deficit > 0) return result([...heights], true, true);

  // Phase 1: top-down specialisation. A class of the finer release is a class of the current one
  // split by the refined attribute's finer groups (levels are nested).
  const greedy = [...heights];
  let current = top;
  const scratch = new Int32Array(rows.count);
  for (;;) {
    let best: { q: number; gain: number } | null = null;
    for (let q = 0; q < Q; q++) {
      const level = greedy[q]!;
      if (level === 0) continue;
      if (split(current, q, level - 1, scratch).stats.deficit > 0) continue;
      const gain = losses[q]![level]! - losses[q]![level - 1]!;
      if (!best || gain > best.gain) best = { q, gain };
    }
    if (!best) break;
    greedy[best.q]! -= 1;
    const of = new Int32Array(rows.count);
    current = { of, count: split(current, best.q, greedy[best.q]!, of).count };
  }

  // Phase 2: branch and bound, attributes fixed in order, each from its coarsest level down.
  let bestLevels = greedy;
  let bestLoss = lossOf(greedy);
  let exhausted = false;
  const assigned = [...heights];
  // One partition per depth: a node's children are counted again when the search enters them,
  // which costs a pass but keeps memory at one array per attribute.
  const buffers = Array.from({ length: Q }, () => new Int32Array(rows.count));
  const under = (loss: number) => loss < bestLoss - 1e-12;
  const descend = (depth: number, parent: Classes, lossSoFar: number): void => {
    if (depth === Q) {
      if (under(lossSoFar)) {
        bestLoss = lossSoFar;
        bestLevels = [...assigned];
      }
      return;
    }
    // The levels that hold with the attributes after this one masked form a range from the
    // mask down to the finest that holds: find it, coarse to fine, skipping levels already
    // beaten on loss. Masked needs no count: the classes are the parent's.
    const height = heights[depth]!;
    const losing = losses[depth]!;
    let finest = height;
    for (let level = height - 1; level >= 0; level--) {
      if (!under(lossSoFar + losing[level]!)) continue;
      if (rows.work > budget) {
        exhausted = true;
        return;
      }
      if (split(parent, depth, level, buffers[depth]!).stats.deficit > 0) break;
      finest = level;
    }
    // Finest first: good releases early make the bound bite sooner.
    for (let level = finest; level <= height; level++) {
      const loss = lossSoFar + losing[level]!;
      if (!under(loss)) break;
      if (rows.work > budget) {
        exhausted = true;
        return;
      }
      const classes =
        level === height
          ? parent
          : { of: buffers[depth]!, count: split(parent, depth, level, buffers[depth]!).count };
      assigned[depth] = level;
      descend(depth + 1, classes, loss);
      assigned[depth] = height;
      if (exhausted) return;
    }
  };
  descend(0, top, 0);
  return result(bestLevels, false, !exhausted);
}
