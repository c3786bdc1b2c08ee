/**
 * Researchers' own tools on the data package the Worker serves: R runs load.R, GNU PSPP runs
 * load.sps, haven writes the Stata names of load.do to a .dta and reads it back, DuckDB reads the
 * Parquet file and runs the README's snippet. Every count is checked against the package's own
 * responses.csv and codebook.csv. scripts/ensure-research-tools.ts installs R and PSPP.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL } from './browser';

const YEAR = 2025;
const FOLDER = `observatoire-cm-${YEAR}`;
const MISSING = ['-1', '-2', '-3', '-4'];

type Row = Record<string, string>;

let root: string;
let dir: string;
let csv: Row[];
let header: string[];
let codebook: Row[];

/** The codebook rows of one column: its values, then its missing codes. */
const entriesOf = (column: string) => codebook.filter((r) => r.column === column);
/** load.R's factors: categorical columns and scales; 0/1, numeric and id columns stay numbers. */
const isFactorColumn = (column: string) => {
  const first = entriesOf(column)[0]!;
  return first.type === 'string' || first.kind === 'scale';
};
const countBy = <T>(items: T[]) => {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
};

function runTool(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(`${command} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

const readCsv = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true }) as Row[];

beforeAll(async () => {
  const res = await fetch(`${baseURL()}/api/v1/editions/${YEAR}/package`);
  expect(res.status).toBe(200);
  const entries = unzipSync(new Uint8Array(await res.arrayBuffer()));
  root = mkdtempSync(join(tmpdir(), 'cm-pack-'));
  dir = join(root, FOLDER);
  mkdirSync(dir);
  for (const [name, bytes] of Object.entries(entries)) {
    expect(name.startsWith(`${FOLDER}/`)).toBe(true);
    writeFileSync(join(root, name), bytes);
  }
  const rows = parse(readFileSync(join(dir, 'responses.csv'), 'utf8')) as string[][];
  header = rows[0]!;
  csv = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
  codebook = readCsv(join(dir, 'codebook.csv'));
  expect(csv.length).toBeGreaterThan(500);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the data package in R, PSPP, Stata (via haven) and DuckDB', () => {
  it('R: load.R gives each column its type, labelled factors, ordered scales and NA for every missing code', () => {
    const script = `
      lang <- "en"
      source("load.R")
      out <- data.frame(
        column = names(responses),
        class = vapply(responses, function(x) class(x)[1], ""),
        levels = vapply(responses, function(x) paste(levels(x), collapse = "|"), ""),
        na = vapply(responses, function(x) sum(is.na(x)), 0),
        label = vapply(responses, function(x) attr(x, "label"), ""),
        reasons = vapply(responses_missing, function(x) paste(as.integer(table(x)), collapse = "|"), ""),
        check.names = FALSE)
      write.csv(out, "r-summary.csv", row.names = FALSE, fileEncoding = "UTF-8")
      cat(nrow(responses), "\\n")
    `;
    writeFileSync(join(dir, 'check.R'), script);
    expect(runTool('Rscript', ['check.R']).trim()).toBe(String(csv.length));
    const summary = readCsv(join(dir, 'r-summary.csv'));
    expect(summary.map((s) => s.column)).toEqual(header);
    for (const s of summary) {
      const column = s.column!;
      const rows = entriesOf(column);
      const cells = csv.map((r) => r[column]!);
      // NA exactly where the CSV holds a missing code, and each reason counted apart.
      expect(Number(s.na), column).toBe(cells.filter((c) => MISSING.includes(c)).length);
      const byCode = countBy(cells);
      expect(s.reasons, column).toBe(MISSING.map((m) => byCode.get(m) ?? 0).join('|'));
      expect(s.label, column).toBe(rows[0]!.label_en);
      if (isFactorColumn(column)) {
        const values = rows.filter((r) => r.missing === '0');
        expect(s.class, column).toBe(rows[0]!.ordered === '1' ? 'ordered' : 'factor');
        expect(s.levels, column).toBe(values.map((v) => v.value_label_en).join('|'));
      } else {
        const type = rows[0]!.type;
        expect(s.class, column).toBe(type === 'number' ? 'numeric' : 'integer');
      }
    }
  });

  it('PSPP: load.sps reads every row with value labels, user-missing codes and the right codes', () => {
    writeFileSync(
      join(dir, 'check.sps'),
      [
        "INSERT FILE='load.sps'.",
        'DISPLAY DICTIONARY.',
        "SAVE TRANSLATE /OUTFILE='pspp-out.csv' /TYPE=CSV /FIELDNAMES /REPLACE.",
        '',
      ].join('\n'),
    );
    const listing = runTool('pspp', ['-O', 'format=txt', '-o', 'pspp.txt', 'check.sps']);
    const dictionary = readFileSync(join(dir, 'pspp.txt'), 'utf8');
    expect(listing + dictionary).not.toMatch(/error|warning/i);
    expect(dictionary).toContain('User-missing value');
    expect(dictionary).toContain('-4 THRU');
    expect(dictionary).toContain('Tout le temps');
    const out = readCsv(join(dir, 'pspp-out.csv'));
    expect(out.length).toBe(csv.length);
    const names = new Map(codebook.map((r) => [r.column!, r.name_spss_stata!]));
    expect(Object.keys(out[0]!)).toEqual(header.map((h) => names.get(h)));
    for (const column of header) {
      const code = new Map(entriesOf(column).map((r) => [r.value!, r.value_code_spss_stata!]));
      const name = names.get(column)!;
      const expected = csv.map((r) => {
        const cell = r[column]!;
        return code.get(cell) ?? cell;
      });
      const got = out.map((r) => r[name]!.trim());
      expect(got.map(Number), column).toEqual(expected.map(Number));
    }
  });

  it('Stata: the names and labels of load.do go through haven::write_dta and back', () => {
    const doFile = readFileSync(join(dir, 'load.do'), 'utf8');
    const renames = [...doFile.matchAll(/^rename v(\d+) (\S+)$/gm)].map((m) => m[2]!);
    expect(renames.length).toBe(header.length);
    for (const name of renames) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
    writeFileSync(join(dir, 'stata-names.txt'), renames.join('\n'));
    const script = `
      suppressMessages(library(haven))
      raw <- utils::read.csv("responses.csv", colClasses = "character", check.names = FALSE, fileEncoding = "UTF-8")
      codebook <- utils::read.csv("codebook.csv", colClasses = "character", fileEncoding = "UTF-8")
      stata <- readLines("stata-names.txt")
      tags <- c("-1" = "a", "-2" = "b", "-3" = "c", "-4" = "d")
      data <- lapply(seq_along(raw), function(i) {
        rows <- codebook[codebook$column == names(raw)[i], ]
        values <- rows[rows$missing == "0", ]
        missing <- rows[rows$missing == "1", ]
        x <- raw[[i]]
        num <- ifelse(x %in% values$value, values$value_code_spss_stata[match(x, values$value)], x)
        num <- suppressWarnings(as.numeric(num))
        out <- num
        for (code in names(tags)) out[!is.na(num) & num == as.numeric(code)] <- tagged_na(tags[[code]])
        labels <- c(setNames(as.numeric(values$value_code_spss_stata), values$value_label_en),
                    setNames(tagged_na(unname(tags[missing$value])), missing$value_label_en))
        if (length(labels)) labelled(out, labels = labels, label = rows$label_en[1]) else out
      })
      names(data) <- stata
      data <- tibble::as_tibble(data)
      write_dta(data, "responses.dta")
      back <- read_dta("responses.dta")
      stopifnot(identical(names(back), stata))
      cat(sum(vapply(back, function(x) length(attr(x, "labels")), 0)), "\\n")
      cat(sum(vapply(back, function(x) sum(is_tagged_na(x)), 0)), "\\n")
    `;
    writeFileSync(join(dir, 'check-dta.R'), script);
    const [labels, tagged] = runTool('Rscript', ['check-dta.R']).trim().split(/\s+/).map(Number);
    const labelRows = codebook.filter((r) => r.value !== '' && r.kind !== 'id').length;
    expect(labels).toBe(labelRows);
    const missingCells = csv.reduce(
      (n, r) => n + header.filter((h) => MISSING.includes(r[h]!)).length,
      0,
    );
    expect(tagged).toBe(missingCells);
    // The do-file labels the same codes as extended missing values .a to .d.
    expect(doFile).toContain('mvdecode');
    expect(doFile).toMatch(/\.b `"No answer"'/);
    expect(doFile).toMatch(/\.d `"Withheld for privacy"'/);
  });

  it('DuckDB: reads the Parquet file, value for value with the CSV, and runs the README snippet', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const parquet = join(dir, 'responses.parquet').replace(/'/g, "''");
    const n = await c.runAndReadAll(`SELECT count(*) AS n FROM '${parquet}'`);
    expect(Number(n.getRowObjectsJson()[0]!.n)).toBe(csv.length);
    // Every column, cast to text, as the CSV writes it (row by row through the random row id).
    const rows = (
      await c.runAndReadAll(
        `SELECT ${header.map((h) => `CAST("${h}" AS VARCHAR) AS "${h}"`).join(', ')} FROM '${parquet}' ORDER BY "row_id"::INTEGER`,
      )
    ).getRowObjectsJson() as Row[];
    const sorted = [...csv].sort((a, b) => Number(a.row_id) - Number(b.row_id));
    for (const h of header) {
      expect(
        rows.map((r) => (Number.isNaN(Number(r[h])) ? r[h] : Number(r[h]))),
        h,
      ).toEqual(sorted.map((r) => (Number.isNaN(Number(r[h])) ? r[h] : Number(r[h]))));
    }
    // The README's SQL, as a researcher would paste it, from the package's folder.
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const sql = readme
      .match(/```sql\n([\s\S]*?)```/)![1]!
      .replace(
        /'(responses\.parquet|codebook\.csv)'/g,
        (_, file: string) => `'${join(dir, file).replace(/'/g, "''")}'`,
      );
    const statements = sql
      .split(/;\s*\n/)
      .map((s) => s.replace(/^--.*$/gm, '').trim())
      .filter(Boolean);
    let last;
    for (const statement of statements) last = await c.runAndReadAll(statement);
    const column = sql.match(/"column" = '([^']+)'/)![1]!;
    const labels = new Map(
      entriesOf(column)
        .filter((r) => r.missing === '0')
        .map((r) => [r.value!, r.value_label_en!]),
    );
    const expected = countBy(csv.map((r) => labels.get(r[column]!) ?? null));
    const got = new Map(
      last!
        .getRows()
        .map(([label, count]) => [label === null ? null : String(label), Number(count)] as const),
    );
    expect(got).toEqual(expected);
    c.closeSync();
  });
});
