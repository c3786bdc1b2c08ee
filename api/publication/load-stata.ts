/**
 * load.do: a Stata do-file that reads responses.csv, renames each column to its Stata name
 * (codebook: name_spss_stata), turns categorical columns into numeric codes with value labels,
 * and the missing codes -1 to -4 into the extended missing values .a to .d, labelled. French or
 * English labels: `do load.do en`. Generated from the columns. Pure.
 */
import type { Locale } from '../survey/model';
import { numericCodes } from './codebook';
import type { PackageFacts } from './datapackage';
import type { Column } from './microdata';
import { MISSING_CODES } from './missing';

/**
 * A Stata string in compound double quotes, which may hold any quote. A backquote or a dollar
 * would start a macro: they become look-alikes.
 */
const stataString = (text: string, max = Infinity) => {
  const clean = text
    .replace(/[\r\n]+/g, ' ')
    .replace(/`/g, '‘')
    .replace(/\$/g, '＄');
  const clipped = [...clean].length > max ? `${[...clean].slice(0, max - 1).join('')}…` : clean;
  return `\`"${clipped}"'`;
};

const isCategorical = (c: Column) => c.type === 'string';

function labels(columns: Column[], locale: Locale): string[] {
  const lines: string[] = [];
  for (const c of columns) {
    lines.push(`  label variable ${c.toolName} ${stataString(c.label[locale], 80)}`);
    if (c.rowId) continue;
    const codes = numericCodes(c);
    const pairs = [
      ...(c.values ?? []).map((v, i) => `${codes[i]!.code} ${stataString(v.label[locale])}`),
      ...MISSING_CODES.filter((m) => c.missing.includes(m.reason)).map(
        (m) => `${m.stata} ${stataString(m.label[locale])}`,
      ),
    ];
    if (!pairs.length) continue;
    lines.push(`  label define ${c.toolName} ${pairs.join(' ')}, replace`);
  }
  return lines;
}

export function loadDo(columns: Column[], facts: PackageFacts): string {
  const recode = MISSING_CODES.map((m) => `${m.code}=${m.stata}`).join(' \\ ');
  const lines = [
    `* load.do - Observatoire des community managers, ${facts.year}${facts.demo ? ' (synthetic data)' : ''}.`,
    '* Generated with the package: do not edit.',
    '* Usage, from the folder of the package:  do load.do  (French labels)  or  do load.do en',
    '* Names: every character of a column name other than a letter, digit or _ becomes _',
    '* (profile.employer_type -> profile_employer_type); codebook.csv lists each one.',
    '* Missing codes: -1 .a not asked, -2 .b no answer, -3 .c prefers not to say, -4 .d withheld.',
    '',
    'version 14',
    'args lang',
    'if "`lang\'" == "" local lang "fr"',
    '',
    'import delimited using "responses.csv", clear varnames(nonames) rowrange(2) ///',
    '  stringcols(_all) encoding("utf-8") delimiters(",") bindquote(strict)',
    '',
  ];
  columns.forEach((c, i) => lines.push(`rename v${i + 1} ${c.toolName}`));
  lines.push('');
  for (const c of columns) {
    if (isCategorical(c)) {
      lines.push(`generate double _code = .`);
      for (const x of numericCodes(c)) {
        lines.push(`replace _code = ${x.code} if ${c.toolName} == ${stataString(String(x.value))}`);
      }
      for (const m of MISSING_CODES) {
        lines.push(`replace _code = ${m.stata} if ${c.toolName} == "${m.code}"`);
      }
      lines.push(`drop ${c.toolName}`, `rename _code ${c.toolName}`);
    } else {
      lines.push(`destring ${c.toolName}, replace`);
      if (c.missing.length) lines.push(`mvdecode ${c.toolName}, mv(${recode})`);
    }
  }
  lines.push(
    '',
    'if "`lang\'" == "en" {',
    ...labels(columns, 'en'),
    '}',
    'else {',
    ...labels(columns, 'fr'),
    '}',
    '',
  );
  for (const c of columns) {
    if (c.rowId) continue;
    if (c.values?.length || c.missing.length)
      lines.push(`label values ${c.toolName} ${c.toolName}`);
  }
  lines.push(
    '',
    `order ${columns.map((c) => c.toolName).join(' ')}`,
    'compress',
    `label data ${stataString(`Observatoire des community managers ${facts.year}${facts.demo ? ' (synthetic)' : ''}`, 80)}`,
    '',
  );
  return lines.join('\n');
}
