/**
 * A table for the terminal: columns aligned by display width (a Chinese
 * character takes two columns), numbers right-aligned, long cells cut with `…`.
 */
import type { Cell, Row, Table } from '../types.js';

export interface TerminalOptions {
  /** Widest a cell may be, in display columns. Default: 48. */
  maxWidth?: number;
}

export function tableToTerminal<R extends Row>(table: Table<R>, options: TerminalOptions = {}): string {
  const maxWidth = options.maxWidth ?? 48;
  const cells = table.rows.map((row) => table.columns.map((column) => fit(show(row[column] ?? null), maxWidth)));
  const header = table.columns.map((column) => fit(column, maxWidth));
  const widths = header.map((title, i) => Math.max(displayWidth(title), ...cells.map((line) => displayWidth(line[i]!))));
  const numeric = table.columns.map((column) => table.rows.length > 0 && table.rows.every((row) => typeof row[column] === 'number' || row[column] === null));
  const line = (values: string[]) =>
    values
      .map((value, i) => (numeric[i] ? pad(value, widths[i]!, 'left') : i === values.length - 1 ? value : pad(value, widths[i]!, 'right')))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [line(header), rule, ...cells.map(line)].join('\n') + '\n' + (table.rows.length === 0 ? '(no rows)\n' : '');
}

function show(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  // Newlines and tabs would break the alignment.
  return String(value).replace(/[\t\r\n]+/g, ' ');
}

function pad(value: string, width: number, side: 'left' | 'right'): string {
  const padding = ' '.repeat(Math.max(0, width - displayWidth(value)));
  return side === 'left' ? padding + value : value + padding;
}

function fit(value: string, maxWidth: number): string {
  if (displayWidth(value) <= maxWidth) return value;
  let out = '';
  let width = 0;
  for (const character of value) {
    const w = characterWidth(character.codePointAt(0)!);
    if (width + w > maxWidth - 1) break;
    out += character;
    width += w;
  }
  return out + '…';
}

/** Columns a string takes in a terminal. */
export function displayWidth(value: string): number {
  let width = 0;
  for (const character of value) width += characterWidth(character.codePointAt(0)!);
  return width;
}

/** East Asian Wide and Fullwidth code points (Unicode UAX #11) take two columns, combining marks and zero-width characters none. */
function characterWidth(code: number): number {
  if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0xfeff || (code >= 0x0300 && code <= 0x036f)) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}
