/**
 * Builds an edition's data package, a zip streamed into a sink: R2 in the
 * Worker, a file for `npm run export`. Two passes over the edition in pages
 * of responses, so memory stays flat as the edition grows: the first reads
 * only the quasi-identifiers and sensitive answers (a few bytes each) to
 * choose the anonymisation and assess its risk; the second turns each page
 * into CSV lines and Parquet columns. Only the compressed Parquet waits in
 * memory for the CSV entry to end. Every file lies in one folder named after
 * the edition; datapackage.json comes last, since it holds every other
 * file's size and SHA-256.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import { and, eq } from 'drizzle-orm';
import { aggregates, editions, type Edition } from '../../db/schema.server';
import { csvLines, toCsv } from '../findings/csv';
import { getSummary } from '../releases/read.server';
import { currentRelease } from '../releases/queries.server';
import { rawRows, type Db } from '../lib/db.server';
import { ApiError } from '../lib/errors';
import type { Question } from '../survey/model';
import { getQuestionnaire, questionsOf } from '../survey/questionnaires';
import { anonymise, L_DIVERSITY, type Codes } from './anonymise';
import { changelogMd, type EditionHistory } from './changelog';
import { citationCff } from './citation';
import { codebookCsv, codebookMd } from './codebook';
import { dataPackage, packageFolder, type FileFacts, type PackageFacts } from './datapackage';
import { groupsCsv, indicatorDefinitionsCsv } from './indicator-definitions';
import { indicatorsCsv } from './indicators';
import { loadR } from './load-r';
import { labelsEnSps, loadSps } from './load-spss';
import { loadDo } from './load-stata';
import { questionnaireMd } from './questionnaire-doc';
import {
  microdataColumns,
  microdataRow,
  QuasiEncoding,
  quasiIdentifiers,
  type Cell,
  type Column,
  type ResponseAnswers,
} from './microdata';
import { packageReadme } from './readme';
import { disclosureRisk, type DisclosureRisk } from './risk';
import { sensitiveAttributes, type SensitiveAttribute } from './sensitive';
import { Sha256 } from './sha256';

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
  risk: DisclosureRisk;
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

/** `year`'s edition, if it is published: only those have a package (404 otherwise). */
export async function requirePublished(db: Db, year: number) {
  const edition = await db.query.editions.findFirst({ where: eq(editions.year, year) });
  if (!edition || edition.status !== 'published') {
    throw new ApiError(
      404,
      'package_not_found',
      `There is no data package for ${year}: only published editions have one.`,
      { year: edition ? `The ${year} edition is ${edition.status}.` : 'Unknown edition.' },
    );
  }
  return edition;
}

/** A published edition whose final release is out: what a package is built from. */
export async function publishedEdition(db: Db, year: number) {
  const edition = await requirePublished(db, year);
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
  scan: (questions: number) =>
    `SELECT response_id, question_code, option_code, num_value FROM answers
     WHERE +edition_year = ?1 AND response_id BETWEEN ?2 AND ?3
     AND +question_code IN (${Array.from({ length: questions }, (_, i) => `?${i + 4}`).join(', ')})`,
  answers: `SELECT response_id, question_code, option_code, num_value FROM answers
    WHERE +edition_year = ?1 AND response_id BETWEEN ?2 AND ?3 ORDER BY response_id`,
};

function grown<T extends Codes | Float64Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (size: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/**
 * Pass 1: the ids of the current responses, in order, each one's quasi-identifiers as the
 * anonymiser's integers, and its sensitive attributes.
 */
async function scan(
  db: Db,
  year: number,
  expected: number,
  encodings: QuasiEncoding[],
  sensitive: SensitiveAttribute[],
  onProgress?: (p: PackageProgress) => void,
) {
  const capacity = Math.max(expected, PAGE);
  let ids = new Float64Array(capacity);
  let quasiValues = encodings.map((e) => e.array(capacity));
  let sensitiveValues = sensitive.map(() => new Uint8Array(capacity));
  const questions = [
    ...new Set([
      ...encodings.map((e) => e.question.code),
      ...sensitive.flatMap((s) => s.questions),
    ]),
  ];
  const none: ResponseAnswers = new Map();
  let n = 0;
  for (;;) {
    const page = await rawRows<[number]>(db, PACKAGE_SQL.ids, year, n ? ids[n - 1] : -1, PAGE);
    if (!page.length) break;
    if (n + page.length > ids.length) {
      const size = Math.max(ids.length * 2, n + page.length);
      ids = grown(ids, size);
      quasiValues = quasiValues.map((v) => grown(v, size));
      sensitiveValues = sensitiveValues.map((v) => grown(v, size));
    }
    const start = n;
    for (const [id] of page) ids[n++] = id;
    const byResponse = answersByResponse(
      await rawRows<[number, string, string, number | null]>(
        db,
        PACKAGE_SQL.scan(questions.length),
        year,
        ids[start],
        ids[n - 1],
        ...questions,
      ),
    );
    for (let i = start; i < n; i++) {
      const answers = byResponse.get(ids[i]!) ?? none;
      encodings.forEach((e, q) => (quasiValues[q]![i] = e.code(answers.get(e.question.code))));
      sensitive.forEach((s, j) => (sensitiveValues[j]![i] = s.codeOf(answers)));
    }
    onProgress?.({ phase: 'scan', done: n, total: expected });
  }
  return {
    ids: ids.subarray(0, n),
    quasiValues: quasiValues.map((v) => v.subarray(0, n)),
    sensitiveValues: sensitiveValues.map((v) => v.subarray(0, n)),
  };
}

export interface Assessment {
  ids: Float64Array;
  quasi: Question[];
  /** The level each quasi-identifier is released at, in `quasi` order. */
  levels: number[];
  withheld: boolean;
  risk: DisclosureRisk;
}

/**
 * Pass 1 and what follows from it: the anonymisation of the edition's current responses and its
 * disclosure-risk report. The admin reads the report before publishing; the package is built on it.
 */
export async function assessEdition(
  db: Db,
  edition: Edition,
  onProgress?: (p: PackageProgress) => void,
): Promise<Assessment> {
  const questionnaire = getQuestionnaire(edition.questionnaireVersion)!;
  const quasi = quasiIdentifiers(questionnaire);
  const sensitive = sensitiveAttributes(questionnaire);
  const encodings = quasi.map((q) => new QuasiEncoding(q));
  const { ids, quasiValues, sensitiveValues } = await scan(
    db,
    edition.year,
    edition.responseCount,
    encodings,
    sensitive,
    onProgress,
  );
  const columns = encodings.map((e, q) => e.column(quasiValues[q]!));
  const sensitiveColumns = sensitiveValues.map((values) => ({ values }));
  const criteria = { k: edition.k, l: L_DIVERSITY };
  const anonymisation = anonymise(columns, sensitiveColumns, ids.length, criteria);
  const risk = disclosureRisk({
    quasi,
    columns,
    sensitive,
    sensitiveColumns,
    n: ids.length,
    criteria,
    anonymisation,
  });
  return { ids, quasi, levels: anonymisation.levels, withheld: anonymisation.withheld, risk };
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

/** A text file of the package, added whole; its size and SHA-256 for datapackage.json. */
function zipEntry(zip: Zip, path: string, mtime: Date, content: string): FileFacts {
  const entry = new ZipDeflate(path, { level: 9 });
  entry.mtime = mtime;
  zip.add(entry);
  const bytes = utf8.encode(content);
  entry.push(bytes, true);
  return { bytes: bytes.length, hash: new Sha256().update(bytes).hex() };
}

/** responses.csv streamed into the zip; responses.parquet gathered one row group at a time. */
class ResponseFiles {
  private readonly csv: ZipDeflate;
  private readonly csvHash = new Sha256();
  private readonly parquetHash = new Sha256();
  private readonly parquetOut = new ChunkWriter();
  private readonly parquet: ParquetWriter;
  private group: Cell[][];

  constructor(
    private readonly zip: Zip,
    private readonly folder: string,
    private readonly columns: Column[],
    private readonly mtime: Date,
  ) {
    this.csv = new ZipDeflate(`${folder}/responses.csv`, { level: 6 });
    this.csv.mtime = mtime;
    zip.add(this.csv);
    this.pushCsv(
      toCsv(
        columns.map((c) => c.name),
        [],
      ),
    );
    this.parquet = new ParquetWriter({
      writer: this.parquetOut,
      schema: parquetSchema(columns),
      createdBy: 'CM Observatory',
    });
    this.group = columns.map(() => []);
  }

  private pushCsv(text: string, final = false) {
    const bytes = utf8.encode(text);
    this.csvHash.update(bytes);
    this.csv.push(bytes, final);
  }

  add(lines: Cell[][]) {
    this.pushCsv(csvLines(lines));
    for (const line of lines) line.forEach((cell, j) => this.group[j]!.push(cell));
    if (this.group[0]!.length >= ROW_GROUP) this.flushGroup();
  }

  /** Closes both files; their sizes and SHA-256. */
  async finish(): Promise<{ csv: FileFacts; parquet: FileFacts }> {
    this.pushCsv('', true);
    this.flushGroup();
    await this.parquet.finish();
    this.parquetOut.flush();
    // A zip entry cannot interleave with another: the Parquet goes in once the CSV has ended.
    const entry = new ZipPassThrough(`${this.folder}/responses.parquet`);
    entry.mtime = this.mtime;
    this.zip.add(entry);
    const chunks = this.parquetOut.chunks;
    // finish() always leaves the footer, so the last chunk exists and closes the entry.
    while (chunks.length) {
      const chunk = chunks.shift()!;
      this.parquetHash.update(chunk);
      entry.push(chunk, chunks.length === 0);
    }
    return {
      csv: { bytes: this.csvHash.bytes, hash: this.csvHash.hex() },
      parquet: { bytes: this.parquetHash.bytes, hash: this.parquetHash.hex() },
    };
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

/** D1 answer rows, grouped by response. */
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

/** What a package keeps in D1 beside the zip: its row-id seed, and the levels it released. */
const PACKAGE_KIND = 'package';

interface PackageRecord {
  release: number;
  /** 32 random bytes, hex: the seed of the row ids' shuffle. */
  seed: string;
  levels?: EditionHistory['levels'];
}

async function readRecord(db: Db, year: number): Promise<PackageRecord | undefined> {
  const row = await db.query.aggregates.findFirst({
    where: and(eq(aggregates.editionYear, year), eq(aggregates.kind, PACKAGE_KIND)),
    columns: { payloadJson: true },
  });
  return row && (JSON.parse(row.payloadJson) as PackageRecord);
}

async function writeRecord(db: Db, year: number, dataVersion: number, record: PackageRecord) {
  const row = {
    dataVersion,
    payloadJson: JSON.stringify(record),
    computedAt: new Date().toISOString(),
  };
  await db
    .insert(aggregates)
    .values({ editionYear: year, kind: PACKAGE_KIND, key: '', ...row })
    .onConflictDoUpdate({
      target: [aggregates.editionYear, aggregates.kind, aggregates.key],
      set: row,
    });
}

/**
 * The seed of the row ids for the edition's final release: drawn once, kept, so the Worker and
 * `npm run export` build the same zip, and never derived from anything stored about a response.
 */
async function rowSeed(db: Db, year: number, dataVersion: number, release: number) {
  const stored = await readRecord(db, year);
  if (stored?.release === release) return stored;
  const seed = [...crypto.getRandomValues(new Uint8Array(32))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  await writeRecord(db, year, dataVersion, { release, seed });
  return { release, seed };
}

/** The row ids 1..n in an order shuffled by the seed (Fisher–Yates on xoshiro128**). */
export function shuffledRowIds(n: number, seedHex: string): Uint32Array {
  const words = [0, 1, 2, 3].map((i) => Number.parseInt(seedHex.slice(i * 8, i * 8 + 8), 16));
  let [a, b, c, d] = words as [number, number, number, number];
  if (!(a | b | c | d)) a = 1;
  const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
  const next = () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result / 2 ** 32;
  };
  const ids = Uint32Array.from({ length: n }, (_, i) => i + 1);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const swap = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = swap;
  }
  return ids;
}

/**
 * Every published edition up to `edition`, for the changelog: its questionnaire, whether it is
 * demo data, and the levels its package released (kept when it was built; assessed now for one
 * never built).
 */
async function history(db: Db, edition: Edition, levels: EditionHistory['levels']) {
  const earlier = await db.query.editions.findMany({
    where: eq(editions.status, 'published'),
    orderBy: editions.year,
  });
  const result: EditionHistory[] = [];
  for (const e of earlier) {
    if (e.year >= edition.year) continue;
    const record = await readRecord(db, e.year);
    const assessed = record?.levels ? null : await assessEdition(db, e).then((a) => a.risk.levels);
    result.push({
      year: e.year,
      questionnaireVersion: e.questionnaireVersion,
      demo: e.demo,
      k: e.k,
      levels: record?.levels ?? assessed!,
      levelsFromPackage: !!record?.levels,
    });
  }
  result.push({
    year: edition.year,
    questionnaireVersion: edition.questionnaireVersion,
    demo: edition.demo,
    k: edition.k,
    levels,
    levelsFromPackage: true,
  });
  return result;
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
  const release = (await currentRelease(db, year))!;
  const record = await rowSeed(db, year, edition.dataVersion, release.number);
  const { ids, quasi, levels, risk } = await assessEdition(db, edition, onProgress);
  const columns = microdataColumns(questionnaire, levels);
  const quasiLevels = new Map(quasi.map((q, i) => [q.code, levels[i]!]));
  const released = risk.released;
  const facts: PackageFacts = {
    year,
    questionnaireVersion: edition.questionnaireVersion,
    k: edition.k,
    publishedOn: edition.publishedOn!,
    siteUrl,
    rows: released,
    risk,
    freeTextQuestions: questionsOf(questionnaire)
      .filter((q) => q.type === 'text')
      .map((q) => q.code),
    demo: edition.demo,
    release: { number: release.number, releasedOn: release.releasedOn },
  };
  const folder = packageFolder(year);
  const editionsSoFar = await history(db, edition, risk.levels);

  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else sink.write(chunk);
  });
  // A fixed date makes two builds of the same data byte-identical.
  // (fflate writes DOS dates, which stop at the end of 2099.)
  const mtime = new Date(Math.min(Date.parse(`${facts.publishedOn}T00:00:00Z`), LAST_ZIP_DATE));
  const files: Record<string, FileFacts> = {};
  const add = (name: string, content: string) =>
    (files[name] = zipEntry(zip, `${folder}/${name}`, mtime, content));
  add('README.md', packageReadme(facts, columns));
  add('CITATION.cff', citationCff(facts));
  add('CHANGELOG.md', changelogMd(editionsSoFar));
  for (const locale of ['fr', 'en'] as const) {
    add(`questionnaire.${locale}.md`, questionnaireMd(questionnaire, year, locale));
  }
  add('codebook.csv', codebookCsv(columns));
  add('codebook.md', codebookMd(columns, year, edition.questionnaireVersion));
  add('indicator-definitions.csv', indicatorDefinitionsCsv());
  add('groups.csv', groupsCsv(questionnaire, columns));
  add('load.R', loadR(columns, facts));
  add('load.sps', loadSps(columns, facts));
  add('labels-en.sps', labelsEnSps(columns, facts));
  add('load.do', loadDo(columns, facts));
  add('disclosure-risk.json', JSON.stringify(risk, null, 2));
  add('indicators.csv', indicatorsCsv(await getSummary(db, year)));
  await sink.drain();

  const rowIds = shuffledRowIds(released, record.seed);
  const data = new ResponseFiles(zip, folder, columns, mtime);
  for (let start = 0; start < released; start += PAGE) {
    const end = Math.min(start + PAGE, released);
    const byResponse = answersByResponse(
      await rawRows(db, PACKAGE_SQL.answers, year, ids[start], ids[end - 1]),
    );
    const lines: Cell[][] = [];
    for (let i = start; i < end; i++) {
      lines.push(
        microdataRow(columns, byResponse.get(ids[i]!) ?? new Map(), quasiLevels, rowIds[i]!),
      );
    }
    data.add(lines);
    if (failure) throw failure;
    await sink.drain();
    onProgress?.({ phase: 'rows', done: end, total: released });
  }
  const { csv, parquet } = await data.finish();
  files['responses.csv'] = csv;
  files['responses.parquet'] = parquet;
  zipEntry(
    zip,
    `${folder}/datapackage.json`,
    mtime,
    JSON.stringify(dataPackage(facts, columns, files), null, 2),
  );
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
  await writeRecord(db, year, edition.dataVersion, { ...record, levels: risk.levels });
  return { year, rows: released, risk };
}
