/** A table as JSON: an array of row objects, one per line, keys in column order. */
import type { Row, Table } from '../types.js';

export function tableToJson<R extends Row>(table: Table<R>): string {
  if (table.rows.length === 0) return '[]\n';
  const lines = table.rows.map((row) => JSON.stringify(Object.fromEntries(table.columns.map((column) => [column, row[column] ?? null]))));
  return `[\n${lines.join(',\n')}\n]\n`;
}
