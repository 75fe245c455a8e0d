// The one CSV writer of the exports: UTF-8 with a BOM and CRLF line ends (what Excel opens correctly with
// Chinese text), and a cell starting with = + - @ kept as text (Excel would run it as a formula).
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => [...row]),
    { bom: true, record_delimiter: 'windows', escape_formulas: true },
  );
}
