/**
 * Every chart the observatory publishes, built from released figures: its drawing (a ChartSpec),
 * its accessible table, its API source, and the explorer state that names it. Pages, chart pages,
 * downloads and embeds all call these, so a chart reads the same wherever it is shown.
 */
import type { IndicatorDef } from '$api/findings/definitions';
import type { BreakdownCell, IndicatorFigure, OptionFigure } from '$api/findings/summary';
import type { ReleaseRef } from '$api/releases/read.server';
import type { Locale, Localized } from '$api/survey/model';
import { formatDay } from '$lib/format';
import { formatValue } from '$lib/findings/format';
import { m } from '$lib/paraglide/messages';
import type { ChartFigure, ChartSpec } from './spec';

type Unit = IndicatorDef['unit'];

export const CHART_KINDS = ['shares', 'scores', 'question', 'breakdown', 'trend'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface TableRow {
  key: string;
  label: string;
  value: number | null;
  ci: [number, number] | null;
  count: number | null;
  unit: Unit;
}

export interface ChartView {
  kind: ChartKind;
  /** The explorer state that chose this chart, as its URLs carry it. */
  query: Record<string, string>;
  spec: ChartSpec;
  table: { caption: string; first: string; last?: string; k: number; rows: TableRow[] };
  /** The same figures from the API, under /api/v1. */
  api: string;
}

/** What an edition's charts need from its current release. */
export interface EditionFigures {
  edition: number;
  k: number;
  n: number | null;
  provisional: boolean;
  release: ReleaseRef;
  indicators: IndicatorFigure[];
}

export function sharesChart(s: EditionFigures, locale: Locale): ChartView {
  return indicatorsChart(
    s,
    locale,
    'shares',
    'percent',
    m.chart_shares_title({ year: s.edition }, { locale }),
  );
}

export function scoresChart(s: EditionFigures, locale: Locale): ChartView {
  return indicatorsChart(
    s,
    locale,
    'scores',
    'score',
    m.chart_scores_title({ year: s.edition }, { locale }),
  );
}

function indicatorsChart(
  s: EditionFigures,
  locale: Locale,
  kind: 'shares' | 'scores',
  unit: Unit,
  title: string,
): ChartView {
  const figures = sortedByValue(s.indicators.filter((i) => i.unit === unit));
  return {
    kind,
    query: { edition: String(s.edition) },
    spec: {
      kind: 'rows',
      mark: 'bar',
      locale,
      title,
      axis: axisOf(unit, locale),
      max: 100,
      source: editionSource(s, locale),
      intervalLegend: m.chart_interval({}, { locale }),
      rows: figures.map((i) => figure(i.label[locale], i.value, i.ci, unit, locale, s.k)),
    },
    table: {
      caption: title,
      first: m.col_indicator({}, { locale }),
      k: s.k,
      rows: figures.map((i) => ({
        key: i.code,
        label: i.label[locale],
        value: i.value,
        ci: i.ci,
        count: i.n,
        unit,
      })),
    },
    api: `/editions/${s.edition}/indicators`,
  };
}

/** Answers that are not a position on the question's scale: tables keep them, charts leave them out. */
const NON_ANSWERS = new Set(['undisclosed', 'dont_know']);

/**
 * A question's distribution: shares of its respondents by option, in the options' order when
 * they are ordered (bands, frequencies), largest first otherwise.
 */
export function questionChart(
  s: EditionFigures,
  question: { code: string; label: Localized; ordered: boolean },
  options: OptionFigure[],
  locale: Locale,
): ChartView {
  const title = m.chart_question_title(
    { question: question.label[locale], year: s.edition },
    { locale },
  );
  const charted = options.filter((o) => !NON_ANSWERS.has(o.code));
  const rows = question.ordered
    ? charted
    : [...charted].sort((a, b) => (b.percent ?? -1) - (a.percent ?? -1));
  return {
    kind: 'question',
    query: { edition: String(s.edition), question: question.code },
    spec: {
      kind: 'rows',
      mark: 'bar',
      locale,
      title,
      axis: axisOf('percent', locale),
      max: 10,
      source: editionSource(s, locale),
      intervalLegend: m.chart_interval({}, { locale }),
      rows: rows.map((o) => figure(o.label[locale], o.percent, o.ci, 'percent', locale, s.k)),
    },
    table: {
      caption: title,
      first: m.col_group({}, { locale }),
      last: m.col_count({}, { locale }),
      k: s.k,
      rows: options.map((o) => ({
        key: o.code,
        label: o.label[locale],
        value: o.percent,
        ci: o.ci,
        count: o.count,
        unit: 'percent' as const,
      })),
    },
    api: `/editions/${s.edition}/questions`,
  };
}

/**
 * An indicator by group, as dots with their intervals against the overall value. Groups of an
 * ordered characteristic (age, experience, size) keep their order; others are sorted.
 */
export function breakdownChart(
  s: EditionFigures,
  indicator: { code: string; label: Localized; unit: Unit },
  by: { code: string; label: Localized; ordered: boolean },
  cells: BreakdownCell[],
  locale: Locale,
): ChartView {
  const unit = indicator.unit;
  const title = m.breakdowns_table(
    { indicator: indicator.label[locale], by: by.label[locale], year: s.edition },
    { locale },
  );
  const overall = s.indicators.find((i) => i.code === indicator.code);
  const rows = by.ordered ? cells : sortedByValue(cells);
  return {
    kind: 'breakdown',
    query: { edition: String(s.edition), indicator: indicator.code, by: by.code },
    spec: {
      kind: 'rows',
      mark: 'dot',
      locale,
      title,
      axis: axisOf(unit, locale),
      max: unit === 'hours' ? 1 : 100,
      source: editionSource(s, locale),
      intervalLegend: m.chart_interval({}, { locale }),
      rows: rows.map((c) => figure(c.label[locale], c.value, c.ci, unit, locale, s.k)),
      ...(overall?.value != null && {
        reference: {
          value: overall.value,
          legend: m.chart_reference(
            { value: formatValue(overall.value, unit, locale, s.k) },
            { locale },
          ),
        },
      }),
    },
    table: {
      caption: title,
      first: m.col_group({}, { locale }),
      k: s.k,
      rows: rows.map((c) => ({
        key: c.group,
        label: c.label[locale],
        value: c.value,
        ci: c.ci,
        count: c.n,
        unit,
      })),
    },
    api: `/editions/${s.edition}/breakdowns/${indicator.code}?by=${by.code}`,
  };
}

export interface TrendPoint {
  edition: number;
  provisional: boolean;
  release: ReleaseRef;
  value: number | null;
  ci: [number, number] | null;
  n: number | null;
}

export function trendChart(
  indicator: { code: string; label: Localized; unit: Unit },
  points: TrendPoint[],
  k: number,
  locale: Locale,
): ChartView {
  const unit = indicator.unit;
  const title = m.trends_table({ indicator: indicator.label[locale] }, { locale });
  const label = (p: TrendPoint) =>
    `${p.edition}${p.provisional ? ` ${m.trends_provisional({}, { locale })}` : ''}`;
  const releases = points
    .map((p) =>
      m.chart_source_trend_item(
        {
          year: p.edition,
          number: p.release.number,
          date: formatDay(p.release.releasedOn, locale),
        },
        { locale },
      ),
    )
    .join(' ; ');
  return {
    kind: 'trend',
    query: { indicator: indicator.code },
    spec: {
      kind: 'trend',
      locale,
      title,
      axis: axisOf(unit, locale),
      max: unit === 'hours' ? 1 : 100,
      source: m.chart_source_trend({ releases }, { locale }),
      intervalLegend: m.chart_band({}, { locale }),
      points: points.map((p) => figure(label(p), p.value, p.ci, unit, locale, k)),
    },
    table: {
      caption: title,
      first: m.col_edition({}, { locale }),
      k,
      rows: points.map((p) => ({
        key: String(p.edition),
        label: label(p),
        value: p.value,
        ci: p.ci,
        count: p.n,
        unit,
      })),
    },
    api: `/indicators/${indicator.code}/trend`,
  };
}

function figure(
  label: string,
  value: number | null,
  ci: [number, number] | null,
  unit: Unit,
  locale: Locale,
  k: number,
): ChartFigure {
  return { label, value, ci, text: formatValue(value, unit, locale, k) };
}

/** Largest first; suppressed figures, which have no value to rank, last. */
function sortedByValue<T extends { value: number | null }>(figures: T[]): T[] {
  return [...figures].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
}

function axisOf(unit: Unit, locale: Locale): string {
  if (unit === 'percent') return m.chart_axis_percent({}, { locale });
  return unit === 'hours' ? m.chart_axis_hours({}, { locale }) : m.chart_axis_score({}, { locale });
}

function editionSource(s: EditionFigures, locale: Locale): string {
  return m.chart_source(
    {
      year: s.edition,
      number: s.release.number,
      date: formatDay(s.release.releasedOn, locale),
      kind: s.provisional ? m.chart_source_provisional({}, { locale }) : '',
      n: s.n === null ? `< ${s.k}` : s.n.toLocaleString(locale),
    },
    { locale },
  );
}
