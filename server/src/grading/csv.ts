// The one CSV writer of the exports: UTF-8 with a BOM and CRLF line ends (what Excel opens correctly with
// Chinese text), and a cell starting with = + - @ (or their full-width forms, tab, CR) kept as text (Excel
// would run it as a formula). A cell holding any line break is quoted: the writer quotes only the record
// delimiter (CRLF) by itself, and a lone CR or LF left bare ends the row in Excel, so what a user typed after
// it (张三⏎=1+1) would start a row of its own — as a formula.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => [...row]),
    { bom: true, record_delimiter: 'windows', escape_formulas: true, quoted_match: /[\r\n]/ },
  );
}
