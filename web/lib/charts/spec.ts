/**
 * What a chart shows, already in the reader's language: the renderer (render.ts) only lays it out.
 * One spec feeds the page, the SVG and PNG downloads, the Open Graph image and the embed, so they
 * cannot disagree.
 */

/** A figure on a chart: null when suppressed, so nothing is drawn and its text says "< k". */
export interface ChartFigure {
  label: string;
  value: number | null;
  ci: [number, number] | null;
  /** The value as the reader sees it, with its unit: "57 %", "7,5 h", "< 10". */
  text: string;
}

interface ChartBase {
  /** The language of the tick numbers' decimal separator. */
  locale: 'fr' | 'en';
  title: string;
  /** The quantity on the value axis, with its unit: "% des répondants". */
  axis: string;
  /** The value axis runs from 0 to at least this (100 for shares). */
  max: number;
  /** "Source : Observatoire des CM, édition 2025, diffusion 3 du 2026-03-01, n = 990." */
  source: string;
  /** The legend's words for the interval marks. */
  intervalLegend: string;
}

/** Horizontal rows, one figure each: bars for shares of a whole, dots for breakdowns. */
export interface RowsChart extends ChartBase {
  kind: 'rows';
  mark: 'bar' | 'dot';
  rows: ChartFigure[];
  /** The overall value, drawn as a dashed reference line across the rows. */
  reference?: { value: number; legend: string };
}

/** One figure per edition, joined by a line over an interval band. */
export interface TrendChart extends ChartBase {
  kind: 'trend';
  points: ChartFigure[];
}

export type ChartSpec = RowsChart | TrendChart;
