/**
 * What a release publishes about each pair of questions, gathered from all of its outputs for
 * the audit's attacker: the cross-tab, both questions' distributions, the edition's n, every
 * indicator and breakdown that reads one question of the pair split by the other, the previous
 * release's same outputs. Pure.
 */
import type { Crosstab } from '../findings/crosstab';
import { DIMENSIONS, INDICATORS } from '../findings/definitions';
import { FLAG_MEASURES } from '../findings/measures';
import type { Summary } from '../findings/summary';
import type { PairOutputs } from './audit';

/** Everything a release publishes, as the release job computed it. */
export interface ReleaseContent {
  summary: Summary;
  crosstabs: Crosstab[];
}

function distribution(summary: Summary, code: string) {
  const q = summary.questions.find((x) => x.code === code);
  if (!q || q.type !== 'choice') return null;
  return { n: q.n, counts: q.options.map((o) => o.count) };
}

/** The shares published about the column question, overall and by the row dimension. */
function sharesOf(summary: Summary, table: Crosstab) {
  const shares: PairOutputs['shares'] = [];
  const dimension = DIMENSIONS.find((d) => d.question === table.row);
  for (const indicator of INDICATORS) {
    const flag = FLAG_MEASURES[indicator.measure];
    if (!flag || flag.question !== table.col) continue;
    const among = flag.among ?? table.cols;
    const overall = summary.indicators.find((i) => i.code === indicator.code);
    if (overall)
      shares.push({
        groups: null,
        yes: flag.yes,
        among,
        cells: [{ share: overall.value, n: overall.n }],
      });
    // The cross-tab's rows are the dimension's groups, in the breakdown's order.
    const cells = dimension && summary.breakdowns[indicator.code]?.[dimension.code];
    if (cells && cells.length > 0)
      shares.push({
        groups: table.rows.map((r) => [r]),
        yes: flag.yes,
        among,
        cells: cells.map((c) => ({ share: c.value, n: c.n })),
      });
  }
  return shares;
}

function outputsOf(content: ReleaseContent, table: Crosstab): PairOutputs {
  const { summary } = content;
  const distributions: PairOutputs['distributions'] = [];
  // A dimension shown in groups (region, team) has its per-option counts on another scale than
  // the rows: they constrain sums of rows the model does not split, and are left out.
  const grouped = DIMENSIONS.find((d) => d.question === table.row)?.groups !== undefined;
  const da = grouped ? null : distribution(summary, table.row);
  const db = distribution(summary, table.col);
  if (da) distributions.push({ ...da, question: 'a' });
  if (db) distributions.push({ ...db, question: 'b' });
  return {
    a: { code: table.row, options: table.rows },
    b: { code: table.col, options: table.cols },
    k: summary.k,
    noise: summary.noise,
    respondents: summary.n,
    crosstab: {
      counts: table.counts,
      rowTotals: table.rowTotals,
      colTotals: table.colTotals,
      total: table.total,
    },
    distributions,
    shares: sharesOf(summary, table),
    previous: null,
  };
}

/** One attacker's view per published pair, with the previous release's view of the same pair. */
export function pairOutputs(
  content: ReleaseContent,
  previous: ReleaseContent | null,
): PairOutputs[] {
  const earlier = new Map(previous?.crosstabs.map((t) => [`${t.row}|${t.col}`, t]));
  return content.crosstabs.map((table) => {
    const outputs = outputsOf(content, table);
    const before = earlier.get(`${table.row}|${table.col}`);
    if (previous && before) outputs.previous = outputsOf(previous, before);
    return outputs;
  });
}
