/**
 * load.sps: SPSS syntax (run by IBM SPSS Statistics and GNU PSPP) that reads responses.csv,
 * turns categorical columns into numeric codes (codebook.csv, value_code_spss_stata), and sets
 * variable labels, value labels, the missing codes as user-missing values (-4 thru -1) and the
 * measurement level. French labels; labels-en.sps puts English ones in their place. Generated
 * from the columns. Pure.
 */
import type { Locale } from '../survey/model';
import { numericCodes } from './codebook';
import type { PackageFacts } from './datapackage';
import type { Column } from './microdata';
import { MISSING_CODES } from './missing';

const utf8 = new TextEncoder();

/** At most `max` bytes of UTF-8, cut on a character. */
function clip(text: string, max: number): string {
  if (utf8.encode(text).length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (utf8.encode(`${out}${ch}…`).length > max) break;
    out += ch;
  }
  return `${out}…`;
}

/** A quoted SPSS string: single quotes, doubled inside. */
const spssString = (text: string, max: number) =>
  `'${clip(text.replace(/[\r\n]+/g, ' '), max).replace(/'/g, "''")}'`;

const isCategorical = (c: Column) => c.type === 'string';

function format(c: Column): string {
  if (isCategorical(c)) return 'A64';
  if (c.type === 'integer') return 'F8.0';
  return `F10.${c.decimals ?? 2}`;
}

function level(c: Column): string {
  if (c.rowId) return 'NOMINAL';
  if (c.values !== undefined && !c.option) return c.ordered ? 'ORDINAL' : 'NOMINAL';
  if (c.option) return 'NOMINAL';
  return 'SCALE';
}

const LIMITS = { variableLabel: 250, valueLabel: 120 };

/** VARIABLE LABELS and VALUE LABELS in one language. */
export function spssLabels(columns: Column[], locale: Locale): string[] {
  const lines = ['VARIABLE LABELS'];
  columns.forEach((c, i) =>
    lines.push(
      `  ${i ? '/' : ''}${c.toolName} ${spssString(c.label[locale], LIMITS.variableLabel)}`,
    ),
  );
  lines.push('.', '', 'VALUE LABELS');
  let first = true;
  for (const c of columns) {
    if (c.rowId) continue;
    const codes = numericCodes(c);
    lines.push(`  ${first ? '' : '/'}${c.toolName}`);
    first = false;
    (c.values ?? []).forEach((v, i) =>
      lines.push(`    ${codes[i]!.code} ${spssString(v.label[locale], LIMITS.valueLabel)}`),
    );
    for (const m of MISSING_CODES.filter((m) => c.missing.includes(m.reason))) {
      lines.push(`    ${m.code} ${spssString(m.label[locale], LIMITS.valueLabel)}`);
    }
  }
  lines.push('.');
  return lines;
}

export function loadSps(columns: Column[], facts: PackageFacts): string {
  const temp = (i: number) => `s_${i + 1}`;
  const lines = [
    `* load.sps - Observatoire des community managers, ${facts.year}${facts.demo ? ' (synthetic data)' : ''}.`,
    '* Generated with the package: do not edit. For IBM SPSS Statistics and GNU PSPP.',
    '* Run it from the folder of the package (CD there first), then SAVE OUTFILE if you wish.',
    '* Categorical columns become numeric codes with value labels (codebook.csv).',
    '* Missing codes -1 to -4 are user-missing values. French labels: then run labels-en.sps.',
    '',
    'SET DECIMAL=DOT.',
    'GET DATA',
    '  /TYPE=TXT',
    "  /FILE='responses.csv'",
    "  /ENCODING='UTF-8'",
    '  /ARRANGEMENT=DELIMITED',
    '  /DELCASE=LINE',
    '  /FIRSTCASE=2',
    "  /DELIMITERS=','",
    `  /QUALIFIER='"'`,
    '  /VARIABLES=',
    ...columns.map((c, i) => `    ${isCategorical(c) ? temp(i) : c.toolName} ${format(c)}`),
    '.',
    '',
  ];
  columns.forEach((c, i) => {
    if (!isCategorical(c)) return;
    const codes = numericCodes(c);
    lines.push(`NUMERIC ${c.toolName} (F3.0).`);
    const pairs = [
      ...codes.map((x) => `('${String(x.value).replace(/'/g, "''")}'=${x.code})`),
      ...MISSING_CODES.map((m) => `('${m.code}'=${m.code})`),
    ];
    lines.push(`RECODE ${temp(i)}`);
    for (const pair of pairs) lines.push(`  ${pair}`);
    lines.push(`  INTO ${c.toolName}.`);
  });
  lines.push(
    'EXECUTE.',
    '',
    '* The columns in the order of responses.csv, without the text columns read first.',
    'MATCH FILES /FILE=*',
    '  /KEEP=',
    ...columns.map((c) => `    ${c.toolName}`),
    '.',
    'EXECUTE.',
    '',
    ...spssLabels(columns, 'fr'),
    '',
  );
  const withMissing = columns.filter((c) => c.missing.length);
  if (withMissing.length) {
    lines.push('MISSING VALUES');
    for (const c of withMissing) lines.push(`  ${c.toolName}`);
    lines.push('  (-4 THRU -1).', '');
  }
  lines.push('VARIABLE LEVEL');
  columns.forEach((c, i) => lines.push(`  ${i ? '/' : ''}${c.toolName} (${level(c)})`));
  lines.push('.', '', 'EXECUTE.', '');
  return lines.join('\n');
}

export function labelsEnSps(columns: Column[], facts: PackageFacts): string {
  return [
    `* labels-en.sps - English labels for the ${facts.year} data, after load.sps.`,
    '* Generated with the package: do not edit.',
    '',
    ...spssLabels(columns, 'en'),
    '',
  ].join('\n');
}
