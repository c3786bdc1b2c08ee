/**
 * The findings as flat tables: what the CSV downloads hold, row for row what
 * the pages and the JSON show. Pure.
 */
import type { Locale } from '../survey/model';
import type { CsvValue } from './csv';
import type { Crosstab } from './crosstab';
import type { BreakdownCell, IndicatorFigure, QuestionFigure } from './summary';

export interface Table {
  header: string[];
  rows: CsvValue[][];
}

const ci = (c: [number, number] | null) => [c?.[0] ?? null, c?.[1] ?? null];

export function indicatorsTable(
  edition: number,
  indicators: IndicatorFigure[],
  locale: Locale,
): Table {
  return {
    header: [
      'edition',
      'indicator',
      'label',
      'unit',
      'value',
      'ci_low',
      'ci_high',
      'n',
      'suppressed',
    ],
    rows: indicators.map((i) => [
      edition,
      i.code,
      i.label[locale],
      i.unit,
      i.value,
      ...ci(i.ci),
      i.n,
      i.suppressed,
    ]),
  };
}

export function breakdownTable(
  edition: number,
  indicator: string,
  by: string,
  cells: BreakdownCell[],
  locale: Locale,
): Table {
  return {
    header: [
      'edition',
      'indicator',
      'dimension',
      'group',
      'label',
      'value',
      'ci_low',
      'ci_high',
      'n',
      'suppressed',
    ],
    rows: cells.map((c) => [
      edition,
      indicator,
      by,
      c.group,
      c.label[locale],
      c.value,
      ...ci(c.ci),
      c.n,
      c.suppressed,
    ]),
  };
}

export function questionsTable(edition: number, questions: QuestionFigure[]): Table {
  const rows: CsvValue[][] = [];
  for (const q of questions) {
    if (q.type === 'number') {
      rows.push([
        edition,
        q.code,
        '',
        null,
        null,
        q.mean,
        ...ci(q.ci),
        q.median,
        q.q1,
        q.q3,
        q.n,
        q.suppressed,
      ]);
    } else {
      for (const o of q.options)
        rows.push([
          edition,
          q.code,
          o.code,
          o.count,
          o.percent,
          null,
          ...ci(o.ci),
          null,
          null,
          null,
          q.n,
          o.suppressed,
        ]);
    }
  }
  return {
    header: [
      'edition',
      'question',
      'option',
      'count',
      'percent',
      'mean',
      'ci_low',
      'ci_high',
      'median',
      'q1',
      'q3',
      'n',
      'suppressed',
    ],
    rows,
  };
}

export function crosstabTable(edition: number, t: Crosstab): Table {
  const rows: CsvValue[][] = [];
  t.rows.forEach((r, i) => {
    t.cols.forEach((c, j) =>
      rows.push([edition, t.row, r, t.col, c, t.counts[i]![j], t.counts[i]![j] === null]),
    );
    rows.push([edition, t.row, r, t.col, '(total)', t.rowTotals[i], t.rowTotals[i] === null]);
  });
  t.cols.forEach((c, j) =>
    rows.push([edition, t.row, '(total)', t.col, c, t.colTotals[j], t.colTotals[j] === null]),
  );
  rows.push([edition, t.row, '(total)', t.col, '(total)', t.total, t.total === null]);
  return {
    header: [
      'edition',
      'row_question',
      'row_option',
      'col_question',
      'col_option',
      'count',
      'suppressed',
    ],
    rows,
  };
}

export function trendTable(
  code: string,
  points: (IndicatorFigure & { edition: number; provisional: boolean })[],
): Table {
  return {
    header: [
      'indicator',
      'edition',
      'provisional',
      'value',
      'ci_low',
      'ci_high',
      'n',
      'suppressed',
    ],
    rows: points.map((p) => [
      code,
      p.edition,
      p.provisional,
      p.value,
      ...ci(p.ci),
      p.n,
      p.suppressed,
    ]),
  };
}
