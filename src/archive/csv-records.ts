/**
 * The CSV rows of `gongwen extract`'s tables, written straight from the
 * values: RFC 4180 as csv-stringify writes it with the options the tables
 * use (output.ts): comma-separated, CRLF after every record, a field quoted
 * when it holds a comma, a quote (doubled) or any CR or LF; null and
 * undefined → empty field, booleans → true/false, numbers as JavaScript
 * prints them, objects as JSON.
 *
 * Why not csv-stringify here (it still writes the headers and the corpus
 * tables): it normalises its options and casts every field through a chain
 * of callbacks, ~0.8 ms per document of the national archive, the largest
 * single cost of `extract` around the analysis. These rules are the whole of
 * what our columns need, and test/archive/csv-records.test.ts checks them
 * against csv-stringify on arbitrary values.
 */

/** Characters that make a field quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

/** One field. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'boolean') return value ? 'true' : 'false';
  else if (typeof value === 'number' || typeof value === 'bigint') text = String(value);
  else if (value instanceof Date) text = String(value.getTime());
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  if (!NEEDS_QUOTES.test(text)) return text;
  return `"${text.replaceAll('"', '""')}"`;
}

/** Records, each ended by CRLF; '' for none. */
export function csvRecords(records: readonly (readonly unknown[])[]): string {
  let out = '';
  for (const record of records) {
    for (let i = 0; i < record.length; i++) {
      if (i > 0) out += ',';
      out += csvField(record[i]);
    }
    out += '\r\n';
  }
  return out;
}
