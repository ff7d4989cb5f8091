/**
 * Checks on the input string before parsing. Nothing here throws: strange
 * input still parses losslessly, and the caller is told what was odd.
 */
import type { Warning } from '../diagnostics.js';
import { isBlank } from './characters.js';

/** Characters that never occur in a report's text: C0 controls except tab/line ends, and DEL. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function checkInput(text: string): Warning[] {
  const warnings: Warning[] = [];
  const warn = (rule: Warning['rule'], message: string, offset: number) =>
    warnings.push({ rule, message, offset, source: 'gongwen' });

  if (isBlank(text)) {
    warn('empty-input', text.length === 0 ? 'The input is empty.' : 'The input holds only white space.', 0);
    return warnings;
  }
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  const controls = sample.match(CONTROL);
  if (controls && (controls.includes('\u0000') || controls.length > sample.length / 100)) {
    const offset = text.search(CONTROL);
    warn('binary-input', `The input looks binary (${controls.length} control characters in the first ${sample.length}); was a file decoded with the wrong encoding?`, offset);
  }
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) warn('lone-surrogate', 'The input holds a lone UTF-16 surrogate (broken text).', surrogate.index);
  return warnings;
}
