/**
 * load.R: reads responses.csv in base R with the right type per column, turns every missing code
 * into NA, makes factors of categorical columns with French or English labels (ordered for ordered
 * scales) and sets each column's label as the "label" attribute (as haven and RStudio read it).
 * Generated from the columns, so it always matches the file. Pure.
 */
import type { Locale } from '../survey/model';
import type { PackageFacts } from './datapackage';
import type { Column } from './microdata';
import { MISSING_CODES } from './missing';

/** An R string literal, ASCII only, so the script parses the same in any locale. */
export function rString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (cp < 0x20) out += ' ';
    else if (cp < 0x80) out += ch;
    else out += `\\u{${cp.toString(16)}}`;
  }
  return `${out}"`;
}

const R_CLASSES: Record<Column['type'], string> = {
  string: 'character',
  integer: 'integer',
  number: 'numeric',
};

const vector = (items: string[]) => `c(${items.join(', ')})`;

/** Columns that become factors: categorical ones, but not the 0/1 columns of a multiple choice. */
export const isFactor = (c: Column) => !c.option && !c.rowId && c.values !== undefined;

function labels(c: Column, locale: Locale) {
  return vector((c.values ?? []).map((v) => rString(v.label[locale])));
}

export function loadR(columns: Column[], facts: PackageFacts): string {
  const lines = [
    `# load.R — Observatoire des community managers, données ${facts.year}${facts.demo ? ' (données synthétiques)' : ''}.`,
    '# Generated with the package: do not edit. Base R only.',
    '#',
    '# Reads responses.csv into the data frame `responses`:',
    '#   - each column with its type; every missing code (-1 to -4) becomes NA;',
    '#   - categorical columns become factors with French or English labels,',
    '#     ordered factors for ordered scales; 0/1 columns of multiple choices stay integers;',
    '#   - each column carries its label in attr(, "label").',
    '# `responses_missing` keeps, for every cell that became NA, the reason (see codebook.md).',
    '#',
    '# Usage, from the folder of the package:',
    '#   source("load.R")                     # French labels',
    '#   lang <- "en"; source("load.R")       # English labels',
    '#   Rscript load.R en',
    '',
    'local({',
    '  args <- commandArgs(trailingOnly = TRUE)',
    '  if (length(args) >= 1 && args[1] %in% c("fr", "en")) assign("lang", args[1], envir = globalenv())',
    '})',
    'if (!exists("lang")) lang <- "fr"',
    'stopifnot(lang %in% c("fr", "en"))',
    'if (!exists("cm_dir")) {',
    '  cm_dir <- local({',
    '    file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))',
    '    from_source <- tryCatch(sys.frame(1)$ofile, error = function(e) NULL)',
    '    if (!is.null(from_source)) dirname(from_source) else if (length(file)) dirname(file[1]) else "."',
    '  })',
    '}',
    '',
    `missing_codes <- ${vector(MISSING_CODES.map((m) => rString(String(m.code))))}`,
    `missing_reasons <- ${vector(MISSING_CODES.map((m) => rString(m.reason)))}`,
    '',
    `col_classes <- ${vector(columns.map((c) => `${rString(c.name)} = ${rString(R_CLASSES[c.type])}`))}`,
    '',
    '# The raw file first, to keep the reason of every missing value.',
    'raw <- utils::read.csv(file.path(cm_dir, "responses.csv"), fileEncoding = "UTF-8",',
    '  colClasses = "character", na.strings = character(0), check.names = FALSE)',
    'responses_missing <- as.data.frame(lapply(raw, function(x) {',
    '  factor(missing_reasons[match(x, missing_codes)], levels = missing_reasons)',
    '}), check.names = FALSE)',
    'responses <- utils::read.csv(file.path(cm_dir, "responses.csv"), fileEncoding = "UTF-8",',
    '  colClasses = col_classes, na.strings = missing_codes, check.names = FALSE)',
    'rm(raw)',
    '',
    'label_of <- function(fr, en) if (lang == "en") en else fr',
  ];
  for (const c of columns) {
    const name = rString(c.name);
    if (isFactor(c)) {
      const levels = vector((c.values ?? []).map((v) => rString(String(v.value))));
      lines.push(
        `responses[[${name}]] <- factor(responses[[${name}]], levels = ${levels},`,
        `  labels = label_of(${labels(c, 'fr')},`,
        `    ${labels(c, 'en')})${c.ordered ? ', ordered = TRUE' : ''})`,
      );
    }
    lines.push(
      `attr(responses[[${name}]], "label") <- label_of(${rString(c.label.fr)}, ${rString(c.label.en)})`,
    );
  }
  lines.push(
    '',
    'message(sprintf("responses: %d rows, %d columns (labels: %s)", nrow(responses), ncol(responses), lang))',
    '',
  );
  return lines.join('\n');
}
