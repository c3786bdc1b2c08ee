/**
 * Charts as SVG markup, pure and server-side: the page inlines it, the .svg route serves it, the
 * Worker rasterises it to PNG (docs/adr/013-charts.md).
 *
 * Horizontal positions are percentages of the SVG's width and vertical ones are pixels, so one
 * drawing fits any width without scaling its text: a phone gets the same 14 px labels as a desk.
 * Shapes that need a path (the trend's line and band) sit in a nested SVG stretched horizontally,
 * with strokes that do not stretch. Every text has a row of its own or a column of its own, so no
 * two texts can overlap at any width from 320 px; tests/e2e/charts.test.ts measures it.
 */
import { scaleLinear } from 'd3-scale';
import type { ChartFigure, ChartSpec, RowsChart, TrendChart } from './spec';
import { wrap } from './wrap';

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Inter, sans-serif";
const INK = '#1c1c28';
const MUTED = '#4a4a5c';
const GRID = '#c5c8d6';
const BAR = '#1f4fbf';
const BAND = '#c9d6f5';

/** Characters a line holds at 320 px (288 px of content) for each text size. */
const LABEL_CHARS = 26;
const SMALL_CHARS = 40;
const TITLE_CHARS = 30;

const LABEL_LINE = 18;
const SMALL_LINE = 16;

/** The width of a chart as a file (SVG, PNG, Open Graph image): wide enough for a slide. */
export const CHART_FILE_WIDTH = 720;

export interface RenderOptions {
  /**
   * A file of its own (download, PNG, Open Graph image): a fixed width in pixels, a white
   * background, and the title drawn in. Inline in a page, the chart takes its container's width and
   * the page's heading is its title.
   */
  standalone?: { width: number };
}

export function renderChart(spec: ChartSpec, options: RenderOptions = {}): string {
  const body = spec.kind === 'rows' ? rowsBody(spec) : trendBody(spec);
  const title = `<title>${esc(spec.title)}</title>`;
  if (!options.standalone) {
    return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="100%" height="${body.height}" font-family="${esc(FONT)}" fill="${INK}">${title}${body.markup}</svg>`;
  }
  const pad = 20;
  const titleLines = wrap(spec.title, TITLE_CHARS * 2);
  const titleHeight = titleLines.length * 22 + 8;
  const width = options.standalone.width;
  const height = pad * 2 + titleHeight + body.height;
  const heading = titleLines
    .map(
      (l, i) => `<text x="0" y="${16 + i * 22}" font-size="17" font-weight="700">${esc(l)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(FONT)}" fill="${INK}">${title}<rect width="100%" height="100%" fill="#ffffff"/><svg x="${pad}" y="${pad}" width="${width - pad * 2}" height="${height - pad * 2}" overflow="visible">${heading}<svg y="${titleHeight}" width="100%" height="${body.height}" overflow="visible">${body.markup}</svg></svg></svg>`;
}

interface Drawn {
  markup: string;
  height: number;
}

function rowsBody(spec: RowsChart): Drawn {
  const x = valueScale(spec.max, spec.rows);
  const out: string[] = [];
  let y = 0;
  y = legend(out, y, spec.mark === 'bar' ? 'bar' : 'dot', spec.intervalLegend, spec.reference);
  y = smallText(out, y + 4, spec.axis, MUTED);
  const rowsTop = y + 4;
  y = rowsTop;
  for (const row of spec.rows) {
    const lines = wrap(row.label, LABEL_CHARS);
    lines.forEach((line, i) => {
      out.push(`<text x="0" y="${y + 14 + i * LABEL_LINE}" font-size="14">${esc(line)}</text>`);
    });
    out.push(
      `<text x="100%" y="${y + 14}" font-size="14" font-weight="700" text-anchor="end">${esc(row.text)}</text>`,
    );
    y += lines.length * LABEL_LINE + 4;
    const mid = y + 7;
    if (row.value !== null) {
      if (spec.mark === 'bar')
        out.push(`<rect x="0" y="${y}" width="${pct(x(row.value))}" height="14" fill="${BAR}"/>`);
      out.push(...whisker(row.ci, x, mid));
      if (spec.mark === 'dot')
        out.push(
          `<circle cx="${pct(x(row.value))}" cy="${mid}" r="6" fill="${BAR}" stroke="#fff" stroke-width="1.5"/>`,
        );
    }
    y += 14 + 14;
  }
  const rowsBottom = y - 8;
  const grid = ticks(x).map(
    (t) =>
      `<line x1="${pct(x(t))}" x2="${pct(x(t))}" y1="${rowsTop}" y2="${rowsBottom}" stroke="${GRID}" stroke-width="1"/>`,
  );
  if (spec.reference)
    grid.push(
      `<line x1="${pct(x(spec.reference.value))}" x2="${pct(x(spec.reference.value))}" y1="${rowsTop}" y2="${rowsBottom}" stroke="${INK}" stroke-width="1.5" stroke-dasharray="5 3"/>`,
    );
  y = axisTicks(out, rowsBottom, x, spec.locale);
  y = source(out, y + 8, spec.source);
  // Gridlines go first, under the marks.
  return { markup: grid.join('') + out.join(''), height: y };
}

function trendBody(spec: TrendChart): Drawn {
  const out: string[] = [];
  let y = legend(out, 0, 'band', spec.intervalLegend);
  y = smallText(out, y + 4, spec.axis, MUTED);
  // Room for a value label above a dot at the top of the scale.
  const top = y + 30;
  const plot = 200;
  const yScale = valueScale(spec.max, spec.points).range([top + plot, top]);
  // Editions spread over 24–86 % of the width: the tick labels keep the left edge to themselves.
  const n = spec.points.length;
  const xAt = (i: number) => (n === 1 ? 55 : 24 + (62 * i) / (n - 1));
  for (const t of ticks(yScale)) {
    out.push(
      `<line x1="0" x2="100%" y1="${yScale(t)}" y2="${yScale(t)}" stroke="${GRID}" stroke-width="1"/>`,
      `<text x="0" y="${yScale(t) - 4}" font-size="12" fill="${MUTED}">${num(t, spec.locale)}</text>`,
    );
  }
  const stretched: string[] = [];
  // A suppressed edition breaks the line and the band: nothing is drawn where nothing is known.
  for (const run of runs(spec.points)) {
    const withCi = run.filter((p) => p.figure.ci);
    if (withCi.length > 1) {
      const upper = withCi.map((p) => `${xAt(p.i)},${yScale(p.figure.ci![1])}`);
      const lower = withCi.map((p) => `${xAt(p.i)},${yScale(p.figure.ci![0])}`).reverse();
      stretched.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${BAND}"/>`);
    }
    if (run.length > 1)
      stretched.push(
        `<polyline points="${run.map((p) => `${xAt(p.i)},${yScale(p.figure.value!)}`).join(' ')}" fill="none" stroke="${BAR}" stroke-width="2.5" vector-effect="non-scaling-stroke"/>`,
      );
  }
  out.push(
    `<svg x="0" y="0" width="100%" height="${top + plot}" viewBox="0 0 100 ${top + plot}" preserveAspectRatio="none" overflow="visible">${stretched.join('')}</svg>`,
  );
  spec.points.forEach((p, i) => {
    if (p.value === null) return;
    const cy = yScale(p.value);
    // A lone edition has no band to show its interval: it gets a whisker.
    if (p.ci && runs(spec.points).some((r) => r.length === 1 && r[0]!.i === i))
      out.push(
        `<line x1="${pct(xAt(i))}" x2="${pct(xAt(i))}" y1="${yScale(p.ci[0])}" y2="${yScale(p.ci[1])}" stroke="${INK}" stroke-width="1.5"/>`,
      );
    out.push(
      `<circle cx="${pct(xAt(i))}" cy="${cy}" r="5" fill="${BAR}" stroke="#fff" stroke-width="1.5"/>`,
      `<text x="${pct(xAt(i))}" y="${cy - 12}" font-size="14" font-weight="700" text-anchor="middle">${esc(p.text)}</text>`,
    );
  });
  y = top + plot + 18;
  let below = y;
  spec.points.forEach((p, i) => {
    const lines = wrap(p.label, 12);
    lines.forEach((line, j) =>
      out.push(
        `<text x="${pct(xAt(i))}" y="${y + j * SMALL_LINE}" font-size="13" text-anchor="middle">${esc(line)}</text>`,
      ),
    );
    if (p.value === null)
      out.push(
        `<text x="${pct(xAt(i))}" y="${y + lines.length * SMALL_LINE}" font-size="13" font-weight="700" text-anchor="middle">${esc(p.text)}</text>`,
      );
    below = Math.max(below, y + (lines.length + (p.value === null ? 1 : 0)) * SMALL_LINE);
  });
  y = source(out, below + 4, spec.source);
  return { markup: out.join(''), height: y };
}

type Scale = ReturnType<typeof scaleLinear<number, number>>;

/** 0 to a round number at or above the largest value or interval end, on a 0–100 range. */
function valueScale(max: number, figures: ChartFigure[]): Scale {
  const top = Math.max(max, ...figures.map((f) => f.ci?.[1] ?? f.value ?? 0));
  return scaleLinear().domain([0, top]).nice(5).range([0, 100]);
}

function ticks(scale: Scale): number[] {
  return scale.ticks(5);
}

function axisTicks(out: string[], y: number, x: Scale, locale: ChartSpec['locale']): number {
  const all = ticks(x);
  all.forEach((t, i) => {
    // The end ticks lean inwards so that they never leave the chart.
    const anchor = i === 0 ? 'start' : i === all.length - 1 ? 'end' : 'middle';
    out.push(
      `<text x="${pct(x(t))}" y="${y + 16}" font-size="12" fill="${MUTED}" text-anchor="${anchor}">${num(t, locale)}</text>`,
    );
  });
  return y + 20;
}

function legend(
  out: string[],
  y: number,
  mark: 'bar' | 'dot' | 'band',
  intervalLegend: string,
  reference?: RowsChart['reference'],
): number {
  const swatch =
    mark === 'band'
      ? `<rect x="0" y="${y + 4}" width="24" height="10" fill="${BAND}"/>`
      : `<line x1="0" x2="24" y1="${y + 9}" y2="${y + 9}" stroke="${INK}" stroke-width="1.5"/><line x1="0" x2="0" y1="${y + 4}" y2="${y + 14}" stroke="${INK}" stroke-width="1.5"/><line x1="24" x2="24" y1="${y + 4}" y2="${y + 14}" stroke="${INK}" stroke-width="1.5"/>`;
  out.push(swatch);
  y = smallText(out, y, intervalLegend, INK, 32);
  if (reference) {
    out.push(
      `<line x1="12" x2="12" y1="${y + 2}" y2="${y + 16}" stroke="${INK}" stroke-width="1.5" stroke-dasharray="5 3"/>`,
    );
    y = smallText(out, y, reference.legend, INK, 32);
  }
  return y;
}

/** Wrapped 12 px text from the top y; returns the y below it. */
function smallText(out: string[], y: number, text: string, fill: string, indent = 0): number {
  const lines = wrap(text, indent ? SMALL_CHARS - 5 : SMALL_CHARS);
  lines.forEach((line, i) =>
    out.push(
      `<text x="${indent}" y="${y + 13 + i * SMALL_LINE}" font-size="12" fill="${fill}">${esc(line)}</text>`,
    ),
  );
  return y + lines.length * SMALL_LINE;
}

function source(out: string[], y: number, text: string): number {
  return smallText(out, y, text, MUTED) + 4;
}

function whisker(ci: [number, number] | null, x: Scale, mid: number): string[] {
  if (!ci) return [];
  const [a, b] = [pct(x(ci[0])), pct(x(ci[1]))];
  const stroke = `stroke="${INK}" stroke-width="1.5"`;
  return [
    `<line x1="${a}" x2="${b}" y1="${mid}" y2="${mid}" ${stroke}/>`,
    `<line x1="${a}" x2="${a}" y1="${mid - 5}" y2="${mid + 5}" ${stroke}/>`,
    `<line x1="${b}" x2="${b}" y1="${mid - 5}" y2="${mid + 5}" ${stroke}/>`,
  ];
}

/** Maximal runs of consecutive published points, with their index. */
function runs(points: ChartFigure[]): { i: number; figure: ChartFigure }[][] {
  const all: { i: number; figure: ChartFigure }[][] = [];
  let run: { i: number; figure: ChartFigure }[] = [];
  points.forEach((figure, i) => {
    if (figure.value === null) {
      if (run.length) all.push(run);
      run = [];
    } else run.push({ i, figure });
  });
  if (run.length) all.push(run);
  return all;
}

const pct = (v: number) => `${Math.round(v * 100) / 100}%`;
const num = (v: number, locale: ChartSpec['locale']) =>
  v.toLocaleString(locale, { maximumFractionDigits: 2 });

function esc(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
