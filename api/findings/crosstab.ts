/**
 * Cross-tabs: a profile dimension, in the groups its breakdowns use, by a single-choice question
 * that is not a profile question. Each pair is computed and protected once, dimension as rows;
 * the other orientation is its exact transpose, so the same pair gives the same protected table
 * wherever it appears, and the same cells as the breakdowns of that question by that dimension.
 * Profile × profile tables are not published: they are the combinations of what colleagues know.
 * Pure.
 */
import type { Localized, OptionQuestion, Questionnaire } from '../survey/model';
import { questionsOf } from '../survey/questionnaires';
import { EMPTY, addCounted, perturb, type Counted } from './cellkey';
import { DIMENSIONS, dimensionGroups } from './definitions';
import { suppressTable } from './disclosure';

export interface Crosstab {
  row: string;
  col: string;
  k: number;
  rows: string[];
  cols: string[];
  /** counts[r][c], perturbed; null when suppressed. */
  counts: (number | null)[][];
  rowTotals: (number | null)[];
  colTotals: (number | null)[];
  total: number | null;
}

/** One side of a cross-tab: a question and the categories it is shown in. */
export interface Axis {
  code: string;
  label: Localized;
  categories: { code: string; label: Localized }[];
  /** Each option of the question → the category that counts it. */
  categoryOf: Map<string, string>;
}

const PROFILE = 'profile.';

/** The rows (dimensions, in their groups) and columns (other single choices) of cross-tabs. */
export function crosstabAxes(questionnaire: Questionnaire): { rows: Axis[]; cols: Axis[] } {
  const questions = questionsOf(questionnaire).filter(
    (q): q is OptionQuestion => q.type === 'single' || q.type === 'scale',
  );
  const rows: Axis[] = [];
  for (const dim of DIMENSIONS) {
    const q = questions.find((x) => x.code === dim.question);
    if (!q) continue;
    const groups = dimensionGroups(dim, q);
    const categoryOf = new Map<string, string>();
    for (const g of groups) for (const m of g.members) categoryOf.set(m, g.code);
    rows.push({
      code: q.code,
      label: q.label,
      categories: groups.map((g) => ({ code: g.code, label: g.label })),
      categoryOf,
    });
  }
  const cols = questions
    .filter((q) => !q.code.startsWith(PROFILE))
    .map((q) => ({
      code: q.code,
      label: q.label,
      categories: q.options.map((o) => ({ code: o.code, label: o.label })),
      categoryOf: new Map(q.options.map((o) => [o.code, o.code])),
    }));
  return { rows, cols };
}

/** The key a pair is stored under: dimension first. */
export const pairKey = (row: string, col: string): string => `${row}|${col}`;

/**
 * The protected table of `row` × `col` from each cell's count and key. Margins are cells of
 * their own: perturbed by the key of the records they hold, so they need not add up exactly.
 * Suppression is decided on the true counts.
 */
export function crosstabOf(
  row: Axis,
  col: Axis,
  k: number,
  cellAt: (r: string, c: string) => Counted,
): Crosstab {
  const rowCodes = row.categories.map((c) => c.code);
  const colCodes = col.categories.map((c) => c.code);
  const matrix = rowCodes.map((r) => colCodes.map((c) => cellAt(r, c)));
  const rowTotals = matrix.map((cells) => cells.reduce(addCounted, EMPTY));
  const colTotals = colCodes.map((_, j) =>
    matrix.reduce((a, cells) => addCounted(a, cells[j]!), EMPTY),
  );
  const grand = rowTotals.reduce(addCounted, EMPTY);
  const hide = suppressTable(
    matrix.map((cells) => cells.map((c) => c.n)),
    k,
  );
  const show = (cell: Counted, hidden: boolean) => (hidden ? null : perturb(cell));
  return {
    row: row.code,
    col: col.code,
    k,
    rows: rowCodes,
    cols: colCodes,
    counts: matrix.map((cells, i) => cells.map((c, j) => show(c, hide.cells[i]![j]!))),
    rowTotals: rowTotals.map((c, i) => show(c, hide.rowTotals[i]!)),
    colTotals: colTotals.map((c, j) => show(c, hide.colTotals[j]!)),
    total: show(grand, hide.grandTotal),
  };
}

/** The table with rows and columns swapped. */
export function transpose(t: Crosstab): Crosstab {
  return {
    row: t.col,
    col: t.row,
    k: t.k,
    rows: t.cols,
    cols: t.rows,
    counts: t.cols.map((_, j) => t.counts.map((cells) => cells[j]!)),
    rowTotals: t.colTotals,
    colTotals: t.rowTotals,
    total: t.total,
  };
}

/** The stored table in the orientation asked for. */
export const oriented = (t: Crosstab, row: string): Crosstab => (t.row === row ? t : transpose(t));
