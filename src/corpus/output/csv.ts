/** A table as CSV (RFC 4180, by csv-stringify): a header line, then one line per row; null is an empty field. */
import { stringify } from 'csv-stringify/sync';
import { inertCell } from '../../archive/csv-formulas.js';
import type { Row, Table } from '../types.js';

export interface CsvOptions {
  /** Start with a UTF-8 BOM so Excel reads Chinese (as gongwen extract's tables do). Default: false. */
  bom?: boolean;
  /** Write text cells exactly, also those a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`); by default they get a leading ' (archive/csv-formulas.ts). */
  raw?: boolean;
}

export function tableToCsv<R extends Row>(table: Table<R>, options: CsvOptions = {}): string {
  const csv = stringify(
    table.rows.map((row) => table.columns.map((column) => row[column] ?? null)),
    { header: true, columns: table.columns, cast: { boolean: (value) => (value ? 'true' : 'false'), ...(options.raw ? {} : { string: inertCell }) } },
  );
  // csv-stringify writes nothing at all for a table without rows: the header still belongs.
  const text = csv === '' ? stringify([table.columns]) : csv;
  return (options.bom ? '\ufeff' : '') + text;
}
