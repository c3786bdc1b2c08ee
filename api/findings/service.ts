/**
 * Findings of an edition: computed once per data version from small grouped
 * queries, stored in the aggregates table, and read back with one indexed
 * lookup until a response is accepted or withdrawn (DESIGN §5).
 */
import { and, eq } from 'drizzle-orm';
import { aggregates, editions, type Edition } from '../../db/schema';
import { allRows, type Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import type { Questionnaire } from '../survey/model';
import { getQuestionnaire, questionnaires, questionsOf } from '../survey/questionnaires';
import { DIMENSIONS, INDICATORS, type MeasureCode } from './definitions';
import { suppressTable } from './disclosure';
import { measureSql } from './measures';
import { buildSummary, type Frequencies, type Summary } from './summary';

function frequencies<K extends string>(
  list: ({ value: number; n: number } & Record<K, string>)[],
  ...keys: K[]
) {
  const root = new Map<string, unknown>();
  for (const row of list) {
    let node = root;
    for (const key of keys) {
      if (!node.has(row[key])) node.set(row[key], new Map());
      node = node.get(row[key]) as Map<string, unknown>;
    }
    (node as unknown as Frequencies).set(row.value, row.n);
  }
  return root;
}

const DIMENSION_QUESTIONS = DIMENSIONS.map((d) => `'${d.question}'`).join(', ');
const MULTI_QUESTIONS = [
  ...new Set(
    Object.values(questionnaires)
      .flatMap(questionsOf)
      .filter((q) => q.type === 'multi')
      .map((q) => `'${q.code}'`),
  ),
].join(', ');
const MEASURE_CODES = [...new Set(INDICATORS.map((i) => i.measure))] as MeasureCode[];

/**
 * Every query behind a summary, for one edition (?1). Each returns a small
 * grouped table. The benchmark runs these same strings on raw SQLite.
 */
export const SUMMARY_QUERIES = {
  respondents: 'SELECT count(*) AS n FROM responses WHERE edition_year = ?1 AND withdrawn = 0',
  // Counted from the covering index alone; the few withdrawn responses are subtracted after.
  choices: `SELECT question_code AS q, option_code AS o, count(*) AS n FROM answers
    WHERE edition_year = ?1 AND option_code <> '' GROUP BY 1, 2`,
  withdrawnChoices: `SELECT a.question_code AS q, a.option_code AS o, count(*) AS n FROM responses r
    JOIN answers a ON a.response_id = r.id
    WHERE r.edition_year = ?1 AND r.withdrawn = 1 AND a.option_code <> '' GROUP BY 1, 2`,
  // A single choice has one row per respondent; only multiple choices need a distinct count.
  multiRespondents: `SELECT a.question_code AS q, count(DISTINCT a.response_id) AS n FROM answers a
    JOIN responses r ON r.id = a.response_id AND r.withdrawn = 0
    WHERE a.edition_year = ?1 AND a.question_code IN (${MULTI_QUESTIONS}) GROUP BY 1`,
  numbers: `SELECT a.question_code AS q, a.num_value AS value, count(*) AS n FROM answers a
    JOIN responses r ON r.id = a.response_id AND r.withdrawn = 0
    WHERE a.edition_year = ?1 AND a.option_code = '' AND a.num_value IS NOT NULL GROUP BY 1, 2`,
  ...Object.fromEntries(
    MEASURE_CODES.flatMap((m) => [
      [`measure:${m}`, `SELECT value, count(*) AS n FROM (${measureSql(m)}) GROUP BY 1`],
      [
        `byDimension:${m}`,
        `SELECT d.question_code AS q, d.option_code AS o, m.value, count(*) AS n FROM (${measureSql(m)}) m
         JOIN answers d ON d.response_id = m.response_id AND d.question_code IN (${DIMENSION_QUESTIONS})
         GROUP BY 1, 2, 3`,
      ],
    ]),
  ),
} as Record<string, string>;

/** Everything a summary needs, grouped in SQLite: frequency tables, never raw answers. */
export async function computeSummary(
  db: Db,
  edition: Edition,
  questionnaire: Questionnaire,
): Promise<Summary> {
  const year = edition.year;
  const q = <T>(name: string) => allRows<T>(db, SUMMARY_QUERIES[name]!, year);
  const [respondents, choiceRows, withdrawnRows, multiRows, numberRows, overall, byOption] =
    await Promise.all([
      q<{ n: number }>('respondents'),
      q<{ q: string; o: string; n: number }>('choices'),
      q<{ q: string; o: string; n: number }>('withdrawnChoices'),
      q<{ q: string; n: number }>('multiRespondents'),
      q<{ q: string; value: number; n: number }>('numbers'),
      Promise.all(MEASURE_CODES.map((m) => q<{ value: number; n: number }>(`measure:${m}`))),
      Promise.all(
        MEASURE_CODES.map((m) =>
          q<{ q: string; o: string; value: number; n: number }>(`byDimension:${m}`),
        ),
      ),
    ]);
  const choices = new Map<string, Map<string, number>>();
  const add = (question: string, option: string, n: number) => {
    if (!choices.has(question)) choices.set(question, new Map());
    const counts = choices.get(question)!;
    counts.set(option, (counts.get(option) ?? 0) + n);
  };
  for (const r of choiceRows) add(r.q, r.o, r.n);
  for (const r of withdrawnRows) add(r.q, r.o, -r.n);
  const choiceRespondents = new Map(
    [...choices].map(([question, counts]) => [
      question,
      [...counts.values()].reduce((a, b) => a + b, 0),
    ]),
  );
  for (const r of multiRows) choiceRespondents.set(r.q, r.n);
  return buildSummary({
    edition: year,
    k: edition.k,
    provisional: edition.status !== 'published',
    questionnaire,
    respondents: respondents[0]?.n ?? 0,
    measures: new Map(
      MEASURE_CODES.map((m, i) => [m, new Map(overall[i]!.map((r) => [r.value, r.n]))]),
    ),
    measuresByOption: new Map(
      MEASURE_CODES.map((m, i) => [
        m,
        frequencies(byOption[i]!, 'q', 'o') as Map<string, Map<string, Frequencies>>,
      ]),
    ),
    choices,
    choiceRespondents,
    numbers: frequencies(numberRows, 'q') as Map<string, Frequencies>,
  });
}

/** The edition of `year`, or a 404 naming the year; unopened editions have no findings. */
export async function findingsEdition(db: Db, year: number) {
  const edition = await db.query.editions.findFirst({ where: eq(editions.year, year) });
  const questionnaire = edition && getQuestionnaire(edition.questionnaireVersion);
  if (!edition || !questionnaire || edition.status === 'draft') {
    throw new ApiError(404, 'edition_not_found', `There are no findings for ${year}.`, {
      year: 'No findings for this year.',
    });
  }
  return { edition, questionnaire };
}

/** Reads the cached value of `kind`/`key` for the edition's current data version, or computes and stores it. */
async function cached<T>(
  db: Db,
  edition: Edition,
  kind: string,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const hit = await db.query.aggregates.findFirst({
    where: and(
      eq(aggregates.editionYear, edition.year),
      eq(aggregates.kind, kind),
      eq(aggregates.key, key),
    ),
    columns: { dataVersion: true, payloadJson: true },
  });
  if (hit && hit.dataVersion === edition.dataVersion) return JSON.parse(hit.payloadJson) as T;
  const value = await compute();
  const row = {
    dataVersion: edition.dataVersion,
    payloadJson: JSON.stringify(value),
    computedAt: new Date().toISOString(),
  };
  await db
    .insert(aggregates)
    .values({ editionYear: edition.year, kind, key, ...row })
    .onConflictDoUpdate({
      target: [aggregates.editionYear, aggregates.kind, aggregates.key],
      set: row,
    });
  return value;
}

/** The figures frozen when an edition is published: later withdrawals leave them as they are. */
export const PUBLISHED_SNAPSHOT = 'published';

export async function getSummary(db: Db, year: number): Promise<Summary> {
  const { edition, questionnaire } = await findingsEdition(db, year);
  if (edition.status === 'published') {
    const frozen = await db.query.aggregates.findFirst({
      where: and(eq(aggregates.editionYear, year), eq(aggregates.kind, PUBLISHED_SNAPSHOT)),
      columns: { payloadJson: true },
    });
    if (frozen) return JSON.parse(frozen.payloadJson) as Summary;
  }
  return cached(db, edition, 'summary', '', () => computeSummary(db, edition, questionnaire));
}

export interface Crosstab {
  row: string;
  col: string;
  k: number;
  rows: string[];
  cols: string[];
  /** counts[r][c], null when suppressed. */
  counts: (number | null)[][];
  rowTotals: (number | null)[];
  colTotals: (number | null)[];
  total: number | null;
}

/** Single-choice questions can be crossed: each respondent falls in one cell. */
export function crossableQuestions(questionnaire: Questionnaire) {
  return questionsOf(questionnaire).filter((q) => q.type === 'single' || q.type === 'scale');
}

export async function getCrosstab(
  db: Db,
  year: number,
  row: string,
  col: string,
): Promise<Crosstab> {
  const { edition, questionnaire } = await findingsEdition(db, year);
  const crossable = new Map(crossableQuestions(questionnaire).map((q) => [q.code, q]));
  const fields: Record<string, string> = {};
  if (!crossable.has(row)) fields.row = 'Not a single-choice question of this edition.';
  if (!crossable.has(col)) fields.col = 'Not a single-choice question of this edition.';
  if (row === col) fields.col = 'Choose a question other than the row.';
  if (Object.keys(fields).length > 0)
    throw new ApiError(400, 'invalid_question', 'These questions cannot be crossed.', fields);
  return cached(db, edition, 'crosstab', `${row}|${col}`, async () => {
    const counts = await allRows<{ r: string; c: string; n: number }>(
      db,
      `SELECT a.option_code AS r, b.option_code AS c, count(*) AS n FROM answers a
       JOIN answers b ON b.response_id = a.response_id AND b.question_code = ?3
       JOIN responses x ON x.id = a.response_id AND x.withdrawn = 0
       WHERE a.edition_year = ?1 AND a.question_code = ?2 GROUP BY 1, 2`,
      year,
      row,
      col,
    );
    const rowCodes = crossable.get(row)!.options!.map((o) => o.code);
    const colCodes = crossable.get(col)!.options!.map((o) => o.code);
    const matrix = rowCodes.map((r) =>
      colCodes.map((c) => counts.find((x) => x.r === r && x.c === c)?.n ?? 0),
    );
    const rowTotals = matrix.map((cells) => cells.reduce((a, b) => a + b, 0));
    const colTotals = colCodes.map((_, j) => matrix.reduce((a, cells) => a + cells[j]!, 0));
    const grand = rowTotals.reduce((a, b) => a + b, 0);
    const hide = suppressTable(matrix, edition.k);
    return {
      row,
      col,
      k: edition.k,
      rows: rowCodes,
      cols: colCodes,
      counts: matrix.map((cells, i) => cells.map((n, j) => (hide.cells[i]![j] ? null : n))),
      rowTotals: rowTotals.map((n, i) => (hide.rowTotals[i] ? null : n)),
      colTotals: colTotals.map((n, j) => (hide.colTotals[j] ? null : n)),
      total: hide.grandTotal ? null : grand,
    };
  });
}

/** An indicator across the editions that have findings, oldest first. */
export async function getTrend(db: Db, code: string) {
  const list = await db.query.editions.findMany({ orderBy: (e, { asc }) => [asc(e.year)] });
  const points = [];
  for (const edition of list) {
    if (edition.status === 'draft' || !getQuestionnaire(edition.questionnaireVersion)) continue;
    const figure = (await getSummary(db, edition.year)).indicators.find((i) => i.code === code);
    if (figure)
      points.push({
        edition: edition.year,
        provisional: edition.status !== 'published',
        ...figure,
      });
  }
  return points;
}
