/** `renderPage(analysis)`: the page of toHast as an HTML string, ready to write to a file. */
import { toHtml } from 'hast-util-to-html';
import type { Analysis } from '../analyze.js';
import { withCarriageReturnReferences } from './carriage-returns.js';
import { toHast, type ViewOptions } from './to-hast.js';

export function renderPage(analysis: Analysis, options: ViewOptions = {}): string {
  // allowDangerousHtml only lets through the `&#13;` references of carriage-returns.ts: no other raw node is made.
  return toHtml(withCarriageReturnReferences(toHast(analysis, options)), { allowDangerousHtml: true });
}
