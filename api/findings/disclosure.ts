/** The smallest cell published where no edition setting applies. */
export const DEFAULT_K = 10;

/** Which values of a table with margins must not be published. */
export interface SuppressedTable {
  /** cells[r][c] suppressed? */
  cells: boolean[][];
  rowTotals: boolean[];
  colTotals: boolean[];
  grandTotal: boolean;
}

/** A position in the table extended with its margins: row `rows` holds the column totals,
 * column `cols` the row totals, and [rows][cols] the grand total. */
type Position = readonly [row: number, col: number];

/**
 * Primary suppression: every cell with a count under k (zero included: "< k", never 0).
 * Complementary suppression: no suppressed value can be derived by subtraction from the published
 * cells and margins (rows, columns, grand total), iterating until stable.
 *
 * Margins are counts too, so a margin under k is suppressed like a cell. Then, until nothing
 * changes:
 * - a line (a row with its total, a column with its total, the row totals with the grand total,
 *   the column totals with the grand total) holding exactly one suppressed value would give it
 *   away by subtraction: the smallest published cell of the line (ties: the first) is suppressed
 *   too, or the line's total when no cell is left;
 * - a line whose total is published and whose suppressed values add up to less than k would tell
 *   that each of them is at most that sum, and exactly 0 when the sum is 0 (which "< k" is meant
 *   to hide): its smallest published cell is suppressed too, which brings the sum to k or more;
 * - subtraction also works across lines (adding two rows and taking two columns away), which the
 *   line rule misses: see `findBridge`. Such a value gets a second suppression that hides it
 *   behind a cycle, the smallest published value that closes one.
 *
 * Counts must be non-negative integers in a rectangular table; k at least 5.
 */
export function suppressTable(counts: readonly (readonly number[])[], k: number): SuppressedTable {
  if (!Number.isInteger(k) || k < 5) throw new RangeError(`k must be an integer >= 5, got ${k}`);
  const rows = counts.length;
  const cols = counts[0]?.length ?? 0;
  for (const row of counts) {
    if (row.length !== cols) throw new RangeError('suppressTable: rows of unequal length');
    for (const n of row) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
    }
  }

  // The table extended with its margins (see Position).
  const value: number[][] = counts.map((row) => [...row, row.reduce((s, n) => s + n, 0)]);
  value.push(Array.from({ length: cols + 1 }, (_, c) => value.reduce((s, row) => s + row[c]!, 0)));
  const hidden = value.map((row) => row.map((n) => n < k));
  const at = <T>(grid: T[][], [r, c]: Position): T => grid[r]![c]!;

  // Every line as its positions, the total last: a row r of the extended table is row r with its
  // total (the column totals with the grand total for r = rows), and likewise for columns.
  const lines: Position[][] = [];
  for (let r = 0; r <= rows; r++) {
    lines.push(Array.from({ length: cols + 1 }, (_, c): Position => [r, c]));
  }
  for (let c = 0; c <= cols; c++) {
    lines.push(Array.from({ length: rows + 1 }, (_, r): Position => [r, c]));
  }

  /** The smallest published value among `candidates`, the first of equals. */
  const smallestPublished = (candidates: readonly Position[]): Position | undefined => {
    let best: Position | undefined;
    for (const p of candidates) {
      if (!at(hidden, p) && (best === undefined || at(value, p) < at(value, best))) best = p;
    }
    return best;
  };
  const hide = ([r, c]: Position): void => {
    hidden[r]![c] = true;
  };

  /** One pass of the line rules; true when it suppressed something. */
  const applyLineRules = (): boolean => {
    let changed = false;
    for (const line of lines) {
      const total = line[line.length - 1]!;
      const cells = line.slice(0, -1);
      const suppressed = line.filter((p) => at(hidden, p));
      if (suppressed.length === 0) continue;
      let pick: Position | undefined;
      if (suppressed.length === 1) {
        pick = smallestPublished(cells) ?? (at(hidden, total) ? undefined : total);
      } else if (!at(hidden, total)) {
        const sum = suppressed.reduce((s, p) => s + at(value, p), 0);
        if (sum < k) pick = smallestPublished(cells);
      }
      if (pick) {
        hide(pick);
        changed = true;
      }
    }
    return changed;
  };

  for (;;) {
    while (applyLineRules());
    const bridge = findBridge(hidden, value, rows, cols);
    if (!bridge) break;
    hide(bridge);
  }

  return {
    cells: hidden.slice(0, rows).map((row) => row.slice(0, cols)),
    rowTotals: hidden.slice(0, rows).map((row) => row[cols]!),
    colTotals: hidden[rows]!.slice(0, cols),
    grandTotal: hidden[rows]![cols]!,
  };
}

/**
 * Why lines are not enough, and what is checked instead. Write the extended table with its
 * margins negated (grand total kept): then every row and every column sums to zero. The
 * suppressed values are the unknowns of those equations, and each belongs to exactly one row and
 * one column: they are the edges of a bipartite graph between rows and columns. A set of edges
 * can be shifted by +t, −t alternately around any cycle without changing a single sum, so a
 * value on a cycle cannot be derived; a value on no cycle (a bridge) is a combination of the
 * equations, e.g. two suppressed 2 × 2 blocks joined by one more suppressed cell: adding the two
 * rows of the first block and subtracting its two columns leaves that cell alone.
 *
 * Returns the value to suppress next to break the first bridge (row-major order), the smallest
 * published value that closes a cycle through it (first of equals, row-major), or undefined when
 * no bridge is left that can be broken.
 */
function findBridge(
  hidden: readonly boolean[][],
  value: readonly number[][],
  rows: number,
  cols: number,
): Position | undefined {
  // Nodes: rows 0..rows, then columns as rows + 1 + c.
  const nodeCount = rows + cols + 2;
  const colNode = (c: number): number => rows + 1 + c;
  const adjacent: number[][] = Array.from({ length: nodeCount }, () => []);
  for (let r = 0; r <= rows; r++) {
    for (let c = 0; c <= cols; c++) {
      if (hidden[r]![c]) {
        adjacent[r]!.push(colNode(c));
        adjacent[colNode(c)]!.push(r);
      }
    }
  }

  // Tarjan's bridge finding: edge parent–child is a bridge when nothing under child reaches back
  // to parent or above. The graph has no parallel edges, so skipping the parent node is enough.
  const order = Array<number>(nodeCount).fill(-1);
  const low = Array<number>(nodeCount).fill(0);
  const bridges = new Set<string>();
  let counter = 0;
  const visit = (node: number, parent: number): void => {
    order[node] = low[node] = counter++;
    for (const next of adjacent[node]!) {
      if (next === parent) continue;
      if (order[next] === -1) {
        visit(next, node);
        low[node] = Math.min(low[node]!, low[next]!);
        if (low[next]! > order[node]!) bridges.add(`${node},${next}`).add(`${next},${node}`);
      } else {
        low[node] = Math.min(low[node]!, order[next]!);
      }
    }
  };
  for (let node = 0; node < nodeCount; node++) if (order[node] === -1) visit(node, -1);

  for (let r = 0; r <= rows; r++) {
    for (let c = 0; c <= cols; c++) {
      if (!hidden[r]![c] || !bridges.has(`${r},${colNode(c)}`)) continue;
      // The two sides of the bridge; a new edge between them closes a cycle through it.
      const side = Array<number>(nodeCount).fill(0);
      const spread = (start: number, mark: number): void => {
        const stack = [start];
        side[start] = mark;
        while (stack.length > 0) {
          const node = stack.pop()!;
          for (const next of adjacent[node]!) {
            const isBridge =
              (node === r && next === colNode(c)) || (node === colNode(c) && next === r);
            if (!isBridge && side[next] === 0) {
              side[next] = mark;
              stack.push(next);
            }
          }
        }
      };
      spread(r, 1);
      spread(colNode(c), 2);
      let best: Position | undefined;
      for (let r2 = 0; r2 <= rows; r2++) {
        for (let c2 = 0; c2 <= cols; c2++) {
          const a = side[r2]!;
          const b = side[colNode(c2)]!;
          if (hidden[r2]![c2] || a === 0 || b === 0 || a === b) continue;
          if (best === undefined || value[r2]![c2]! < value[best[0]]![best[1]]!) best = [r2, c2];
        }
      }
      if (best) return best;
    }
  }
  return undefined;
}

/**
 * `suppressTable` for a single distribution: a one-row table whose total is published unless it
 * is under k.
 */
export function suppressDistribution(
  counts: readonly number[],
  k: number,
): { cells: boolean[]; total: boolean } {
  const table = suppressTable([counts], k);
  return { cells: table.cells[0]!, total: table.rowTotals[0]! };
}
