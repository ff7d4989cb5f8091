/**
 * CSV injection (OWASP "CSV Injection"): a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return is read by Excel, LibreOffice and
 * Google Sheets as a formula — a heading `=HYPERLINK(…)` or a file named
 * `+cmd….txt` in headings.csv, a kwic line, a doc_id. Such a text cell is
 * written with a leading `'`, which the spreadsheet shows as text and hides;
 * numbers are numbers, not text, and are left alone (a -3.5 stays -3.5).
 * The tables are for reading in a spreadsheet first; a program that wants the
 * exact text asks for it (`--raw-csv`) or reads documents.jsonl / --format json.
 */

/** The characters a spreadsheet takes as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** `value`, made inert for a spreadsheet when it would start a formula. */
export function inertCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
