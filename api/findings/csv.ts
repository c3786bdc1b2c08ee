/**
 * CSV that R's read.csv and pandas' read_csv open as they are: UTF-8, comma
 * separated, a header row, RFC 4180 quoting, empty cells for suppressed or
 * missing values (NA in R, NaN in pandas), and a "suppressed" column so an
 * empty cell is never mistaken for zero.
 */
export type CsvValue = string | number | boolean | null | undefined;

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines without a header, for files written page by page. */
export function csvLines(rows: CsvValue[][]): string {
  return rows.map((row) => row.map(cell).join(',') + '\r\n').join('');
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return csvLines([header, ...rows]);
}
