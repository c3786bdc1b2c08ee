/**
 * Computing an edition's findings from its responses: small grouped queries whose rows carry
 * counts and cell keys, turned into published figures by the pure modules. Only the release job
 * runs this (docs/adr/006-releases.md); public reads never touch responses.
 */
import type { Edition } from '../../db/schema.server';
import { allRows, type Db } from '../lib/db.server';
import type { Questionnaire } from '../survey/model';
import { questionnaires, questionsOf } from '../survey/questionnaires';
import { EMPTY, addCounted, cellKeySql, subtractCounted, type Counted } from './cellkey';
import { crosstabAxes, crosstabOf, type Crosstab } from './crosstab';
import { DIMENSIONS, INDICATORS, type MeasureCode } from './definitions';
import { measureSql } from './measures';
import { buildSummary, type Frequencies, type Summary } from './summary';

type Row = { n: number; key: number | null };

function frequencies<K extends string>(
  list: ({ value: number } & Row & Record<K, string>)[],
  ...keys: K[]
) {
  const root = new Map<string, unknown>();
  for (const row of list) {
    let node = root;
    for (const key of keys) {
      if (!node.has(row[key])) node.set(row[key], new Map());
      node = node.get(row[key]) as Map<string, unknown>;
    }
    (node as unknown as Frequencies).set(row.value, counted(row));
  }
  return root;
}

const counted = (row: Row | undefined): Counted => (row ? { n: row.n, key: row.key ?? 0 } : EMPTY);

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
 * Every query behind a summary, for one edition (?1). Each returns a small grouped table of
 * counts and cell keys. The benchmark runs these same strings on raw SQLite.
 */
export const SUMMARY_QUERIES = {
  respondents: `SELECT count(*) AS n, ${cellKeySql('id')} AS key FROM responses
    WHERE edition_year = ?1 AND withdrawn = 0`,
  // Counted from the covering index alone; the few withdrawn responses are subtracted after.
  choices: `SELECT question_code AS q, option_code AS o, count(*) AS n, ${cellKeySql('response_id')} AS key
    FROM answers WHERE edition_year = ?1 AND option_code <> '' GROUP BY 1, 2`,
  withdrawnChoices: `SELECT a.question_code AS q, a.option_code AS o, count(*) AS n, ${cellKeySql('r.id')} AS key
    FROM responses r JOIN answers a ON a.response_id = r.id
    WHERE r.edition_year = ?1 AND r.withdrawn = 1 AND a.option_code <> '' GROUP BY 1, 2`,
  // A single choice has one row per respondent; only multiple choices need distinct respondents.
  multiRespondents: `SELECT q, count(*) AS n, ${cellKeySql('id')} AS key FROM (
      SELECT DISTINCT a.question_code AS q, a.response_id AS id FROM answers a
      JOIN responses r ON r.id = a.response_id AND r.withdrawn = 0
      WHERE a.edition_year = ?1 AND a.question_code IN (${MULTI_QUESTIONS})
    ) GROUP BY 1`,
  numbers: `SELECT a.question_code AS q, a.num_value AS value, count(*) AS n, ${cellKeySql('a.response_id')} AS key
    FROM answers a JOIN responses r ON r.id = a.response_id AND r.withdrawn = 0
    WHERE a.edition_year = ?1 AND a.option_code = '' AND a.num_value IS NOT NULL GROUP BY 1, 2`,
  ...Object.fromEntries(
    MEASURE_CODES.flatMap((m) => [
      [
        `measure:${m}`,
        `SELECT value, count(*) AS n, ${cellKeySql('response_id')} AS key FROM (${measureSql(m)}) GROUP BY 1`,
      ],
      [
        `byDimension:${m}`,
        `SELECT d.question_code AS q, d.option_code AS o, m.value, count(*) AS n, ${cellKeySql('m.response_id')} AS key
         FROM (${measureSql(m)}) m
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
  provisional: boolean,
): Promise<Summary> {
  const year = edition.year;
  const q = <T>(name: string) => allRows<T>(db, SUMMARY_QUERIES[name]!, year);
  type Choice = Row & { q: string; o: string };
  const [respondents, choiceRows, withdrawnRows, multiRows, numberRows, overall, byOption] =
    await Promise.all([
      q<Row>('respondents'),
      q<Choice>('choices'),
      q<Choice>('withdrawnChoices'),
      q<Row & { q: string }>('multiRespondents'),
      q<Row & { q: string; value: number }>('numbers'),
      Promise.all(MEASURE_CODES.map((m) => q<Row & { value: number }>(`measure:${m}`))),
      Promise.all(
        MEASURE_CODES.map((m) =>
          q<Row & { q: string; o: string; value: number }>(`byDimension:${m}`),
        ),
      ),
    ]);
  const choices = new Map<string, Map<string, Counted>>();
  const cellOf = (r: Choice) => {
    if (!choices.has(r.q)) choices.set(r.q, new Map());
    return choices.get(r.q)!;
  };
  for (const r of choiceRows) cellOf(r).set(r.o, counted(r));
  for (const r of withdrawnRows) {
    const cells = cellOf(r);
    cells.set(r.o, subtractCounted(cells.get(r.o) ?? EMPTY, counted(r)));
  }
  const choiceRespondents = new Map(
    [...choices].map(([question, cells]) => [
      question,
      [...cells.values()].reduce(addCounted, EMPTY),
    ]),
  );
  for (const r of multiRows) choiceRespondents.set(r.q, counted(r));
  return buildSummary({
    edition: year,
    k: edition.k,
    provisional,
    questionnaire,
    respondents: counted(respondents[0]),
    measures: new Map(
      MEASURE_CODES.map((m, i) => [m, new Map(overall[i]!.map((r) => [r.value, counted(r)]))]),
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

/**
 * Every cross-tab (crosstab.ts): one query per dimension, its options merged into the
 * dimension's groups here, with their keys.
 */
export async function computeCrosstabs(
  db: Db,
  edition: Edition,
  questionnaire: Questionnaire,
): Promise<Crosstab[]> {
  const { rows, cols } = crosstabAxes(questionnaire);
  const colList = cols.map((c) => `'${c.code}'`).join(', ');
  const tables: Crosstab[] = [];
  for (const row of rows) {
    const cells = await allRows<Row & { c: string; r: string; o: string }>(
      db,
      `SELECT b.question_code AS c, a.option_code AS r, b.option_code AS o, count(*) AS n,
         ${cellKeySql('a.response_id')} AS key
       FROM answers a
       JOIN answers b ON b.response_id = a.response_id AND b.question_code IN (${colList})
       JOIN responses x ON x.id = a.response_id AND x.withdrawn = 0
       WHERE a.edition_year = ?1 AND a.question_code = ?2 GROUP BY 1, 2, 3`,
      edition.year,
      row.code,
    );
    const found = new Map<string, Counted>();
    for (const cell of cells) {
      const category = row.categoryOf.get(cell.r);
      if (category === undefined) continue;
      const at = `${cell.c}|${category}|${cell.o}`;
      found.set(at, addCounted(found.get(at) ?? EMPTY, counted(cell)));
    }
    for (const col of cols)
      tables.push(
        crosstabOf(row, col, edition.k, (r, c) => found.get(`${col.code}|${r}|${c}`) ?? EMPTY),
      );
  }
  return tables;
}
