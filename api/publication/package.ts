/**
 * Builds an edition's data package, a zip streamed into a sink: R2 in the
 * Worker, a file for `npm run export`. Two passes over the edition in pages
 * of responses, so memory stays flat as the edition grows: the first reads
 * only the quasi-identifiers (one byte each) to choose the anonymisation; the
 * second turns each page into CSV lines and Parquet columns. Only the
 * compressed Parquet waits in memory for the CSV entry to end.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import { eq } from 'drizzle-orm';
import { editions, type Edition } from '../../db/schema';
import { csvLines, toCsv } from '../findings/csv';
import { getSummary } from '../releases/read';
import { currentRelease } from '../releases/queries';
import { rawRows, type Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { getQuestionnaire, questionsOf } from '../survey/questionnaires';
import { anonymise } from './anonymise';
import { codebookCsv, codebookMd } from './codebook';
import { dataPackage, type PackageFacts } from './datapackage';
import { indicatorsCsv } from './indicators';
import {
  microdataColumns,
  microdataRow,
  quasiColumn,
  quasiIdentifiers,
  releasedLevels,
  type Cell,
  type Column,
  type ResponseAnswers,
} from './microdata';
import { packageReadme } from './readme';

/** Where the zip goes, chunk by chunk; `drain` is awaited after each page. */
export interface ByteSink {
  write(chunk: Uint8Array): void;
  drain(): Promise<void>;
}

export interface PackageProgress {
  phase: 'scan' | 'rows';
  done: number;
  total: number;
}

export interface BuiltPackage {
  year: number;
  rows: number;
  suppressedRecords: number;
}

/** Responses per page: about 45 answers each, so a page is some 50k small rows from D1. */
const PAGE = 1000;
/** Rows per Parquet row group: the columns of one group are what the encoder holds at once. */
const ROW_GROUP = 10_000;

const PARQUET_TYPES: Record<Column['type'], SchemaElement> = {
  string: { name: '', type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  integer: { name: '', type: 'INT32' },
  number: { name: '', type: 'DOUBLE' },
};

const utf8 = new TextEncoder();
const LAST_ZIP_DATE = Date.parse('2099-12-31T00:00:00Z');

export async function publishedEdition(db: Db, year: number) {
  const edition = await db.query.editions.findFirst({ where: eq(editions.year, year) });
  if (!edition || edition.status !== 'published') {
    throw new ApiError(
      404,
      'package_not_found',
      `There is no data package for ${year}: only published editions have one.`,
      { year: edition ? `The ${year} edition is ${edition.status}.` : 'Unknown edition.' },
    );
  }
  // Its indicators.csv is the final release's: until the release job has built it, wait.
  if ((await currentRelease(db, year))?.kind !== 'final')
    throw new ApiError(
      503,
      'release_pending',
      `The ${year} edition's final release is being prepared; try again in a few minutes.`,
      { year: 'Final release pending.' },
      { 'retry-after': '300' },
    );
  return edition;
}

/**
 * The reads, by pages of response ids. The unary `+` keeps SQLite off the per-question index,
 * which would read the whole edition for every page: the primary key's response_id range is
 * the narrow one.
 */
export const PACKAGE_SQL = {
  ids: 'SELECT id FROM responses WHERE edition_year = ?1 AND withdrawn = 0 AND id > ?2 ORDER BY id LIMIT ?3',
  quasi: (questions: number) =>
    `SELECT response_id, question_code, option_code FROM answers
     WHERE +edition_year = ?1 AND response_id BETWEEN ?2 AND ?3
     AND +question_code IN (${Array.from({ length: questions }, (_, i) => `?${i + 4}`).join(', ')})`,
  answers: `SELECT response_id, question_code, option_code, num_value FROM answers
    WHERE +edition_year = ?1 AND response_id BETWEEN ?2 AND ?3 ORDER BY response_id`,
};

/** Index of `id` in the sorted `ids[from..to)`, or -1. */
function indexOf(ids: Float64Array, id: number, from: number, to: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = ids[mid]!;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Pass 1: the ids of the current responses, in order, and each one's quasi-identifiers. */
async function scan(
  db: Db,
  year: number,
  expected: number,
  quasi: ReturnType<typeof quasiIdentifiers>,
  onProgress?: (p: PackageProgress) => void,
) {
  let ids = new Float64Array(Math.max(expected, PAGE));
  let values = quasi.map(() => new Uint8Array(ids.length));
  let n = 0;
  const optionIndex = new Map(
    quasi.flatMap((q) => q.options!.map((o, i) => [`${q.code}\u0000${o.code}`, i + 1] as const)),
  );
  const quasiIndex = new Map(quasi.map((q, i) => [q.code, i]));
  for (;;) {
    const page = await rawRows<[number]>(db, PACKAGE_SQL.ids, year, n ? ids[n - 1] : -1, PAGE);
    if (!page.length) break;
    if (n + page.length > ids.length) {
      const grown = new Float64Array(Math.max(ids.length * 2, n + page.length));
      grown.set(ids);
      ids = grown;
      values = values.map((v) => {
        const g = new Uint8Array(grown.length);
        g.set(v);
        return g;
      });
    }
    const start = n;
    for (const [id] of page) ids[n++] = id;
    const answers = await rawRows<[number, string, string]>(
      db,
      PACKAGE_SQL.quasi(quasi.length),
      year,
      ids[start],
      ids[n - 1],
      ...quasi.map((q) => q.code),
    );
    for (const [responseId, question, option] of answers) {
      const i = indexOf(ids, responseId, start, n);
      if (i >= 0)
        values[quasiIndex.get(question)!]![i] = optionIndex.get(`${question}\u0000${option}`)!;
    }
    onProgress?.({ phase: 'scan', done: n, total: expected });
  }
  return { ids: ids.subarray(0, n), values: values.map((v) => v.subarray(0, n)) };
}

/** Collects Parquet bytes row group by row group, so the encoder's buffer never grows past one. */
class ChunkWriter extends ByteWriter {
  chunks: Uint8Array[] = [];
  flush() {
    this.chunks.push(this.getBytes().slice());
    this.index = 0;
  }
}

function parquetSchema(columns: Column[]): SchemaElement[] {
  return [
    { name: 'root', num_children: columns.length },
    ...columns.map((c) => ({
      ...PARQUET_TYPES[c.type],
      name: c.name,
      repetition_type: 'OPTIONAL' as const,
    })),
  ];
}

function zipEntry(zip: Zip, name: string, mtime: Date, content: string) {
  const entry = new ZipDeflate(name, { level: 9 });
  entry.mtime = mtime;
  zip.add(entry);
  entry.push(utf8.encode(content), true);
}

/** responses.csv streamed into the zip; responses.parquet gathered one row group at a time. */
class ResponseFiles {
  private readonly csv: ZipDeflate;
  private readonly parquetOut = new ChunkWriter();
  private readonly parquet: ParquetWriter;
  private group: Cell[][];

  constructor(
    private readonly zip: Zip,
    private readonly columns: Column[],
    private readonly mtime: Date,
  ) {
    this.csv = new ZipDeflate('responses.csv', { level: 6 });
    this.csv.mtime = mtime;
    zip.add(this.csv);
    this.csv.push(
      utf8.encode(
        toCsv(
          columns.map((c) => c.name),
          [],
        ),
      ),
    );
    this.parquet = new ParquetWriter({
      writer: this.parquetOut,
      schema: parquetSchema(columns),
      createdBy: 'CM Observatory',
    });
    this.group = columns.map(() => []);
  }

  add(lines: Cell[][]) {
    this.csv.push(utf8.encode(csvLines(lines)));
    for (const line of lines) line.forEach((cell, j) => this.group[j]!.push(cell));
    if (this.group[0]!.length >= ROW_GROUP) this.flushGroup();
  }

  async finish() {
    this.csv.push(new Uint8Array(), true);
    this.flushGroup();
    await this.parquet.finish();
    this.parquetOut.flush();
    // A zip entry cannot interleave with another: the Parquet goes in once the CSV has ended.
    const entry = new ZipPassThrough('responses.parquet');
    entry.mtime = this.mtime;
    this.zip.add(entry);
    const chunks = this.parquetOut.chunks;
    // finish() always leaves the footer, so the last chunk exists and closes the entry.
    while (chunks.length) entry.push(chunks.shift()!, chunks.length === 0);
  }

  private flushGroup() {
    if (!this.group[0]!.length) return;
    this.parquet.write({
      columnData: this.columns.map((c, j) => ({ name: c.name, data: this.group[j]! })),
      rowGroupSize: ROW_GROUP,
    });
    this.group = this.columns.map(() => []);
  }
}

/** One page of D1 answer rows, grouped by response. */
function answersByResponse(rows: [number, string, string, number | null][]) {
  const byResponse = new Map<number, ResponseAnswers>();
  for (const [responseId, question, option, num] of rows) {
    let answered = byResponse.get(responseId);
    if (!answered) byResponse.set(responseId, (answered = new Map()));
    const answer = answered.get(question);
    if (answer) answer.codes.push(option);
    else answered.set(question, { codes: [option], num });
  }
  return byResponse;
}

/** The package of `edition`, as `publishedEdition` returned it: its data version is checked at the end. */
export async function buildPackage(
  db: Db,
  edition: Edition,
  sink: ByteSink,
  siteUrl: string,
  onProgress?: (p: PackageProgress) => void,
): Promise<BuiltPackage> {
  const { year } = edition;
  const questionnaire = getQuestionnaire(edition.questionnaireVersion)!;
  const quasi = quasiIdentifiers(questionnaire);

  const { ids, values } = await scan(db, year, edition.responseCount, quasi, onProgress);
  const anonymisation = anonymise(
    quasi.map((q, i) => quasiColumn(q, values[i]!)),
    ids.length,
    edition.k,
  );
  const columns = microdataColumns(questionnaire, anonymisation);
  const quasiLevels = new Map(quasi.map((q, i) => [q.code, anonymisation.levels[i]!]));
  const released = anonymisation.withheld ? 0 : ids.length;
  const facts: PackageFacts = {
    year,
    questionnaireVersion: edition.questionnaireVersion,
    k: edition.k,
    publishedOn: edition.publishedOn!,
    siteUrl,
    rows: released,
    suppressedRecords: anonymisation.withheld ? 0 : anonymisation.suppressedCount,
    withheld: anonymisation.withheld,
    generalisation: releasedLevels(quasi, anonymisation.levels),
    freeTextQuestions: questionsOf(questionnaire)
      .filter((q) => q.type === 'text')
      .map((q) => q.code),
  };

  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else sink.write(chunk);
  });
  // A fixed date makes two builds of the same data byte-identical.
  // (fflate writes DOS dates, which stop at the end of 2099.)
  const mtime = new Date(Math.min(Date.parse(`${facts.publishedOn}T00:00:00Z`), LAST_ZIP_DATE));
  zipEntry(zip, 'README.md', mtime, packageReadme(facts));
  zipEntry(zip, 'datapackage.json', mtime, JSON.stringify(dataPackage(facts, columns), null, 2));
  zipEntry(zip, 'codebook.csv', mtime, codebookCsv(columns));
  zipEntry(zip, 'codebook.md', mtime, codebookMd(columns, year, edition.questionnaireVersion));
  zipEntry(zip, 'indicators.csv', mtime, indicatorsCsv(await getSummary(db, year)));
  await sink.drain();

  const files = new ResponseFiles(zip, columns, mtime);
  for (let start = 0; start < released; start += PAGE) {
    const end = Math.min(start + PAGE, released);
    const byResponse = answersByResponse(
      await rawRows(db, PACKAGE_SQL.answers, year, ids[start], ids[end - 1]),
    );
    const lines: Cell[][] = [];
    for (let i = start; i < end; i++) {
      lines.push(
        microdataRow(
          columns,
          byResponse.get(ids[i]!) ?? new Map(),
          quasiLevels,
          anonymisation.suppressed[i] === 1,
        ),
      );
    }
    files.add(lines);
    if (failure) throw failure;
    await sink.drain();
    onProgress?.({ phase: 'rows', done: end, total: released });
  }
  await files.finish();
  zip.end();
  if (failure) throw failure;
  await sink.drain();

  // D1 has no snapshot across queries: a withdrawal between the passes would break k-anonymity.
  const after = await db.query.editions.findFirst({
    where: eq(editions.year, year),
    columns: { dataVersion: true },
  });
  if (after?.dataVersion !== edition.dataVersion) {
    throw new ApiError(
      503,
      'edition_changed',
      'The edition changed while its package was built; try again.',
      {},
      {
        'retry-after': '5',
      },
    );
  }
  return {
    year,
    rows: released,
    suppressedRecords: facts.suppressedRecords,
  };
}
