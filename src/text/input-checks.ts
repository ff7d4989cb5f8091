/**
 * Checks on the input string before parsing. Nothing here throws: strange
 * input still parses losslessly, and the caller is told what was odd.
 */
import type { Warning } from '../diagnostics.js';
import { isBlank } from './characters.js';
import { SUSPICIOUS_TEXT_SHARE, countControlCharacters, exceedsControlShare, indexOfControlCharacter } from './control.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function checkInput(text: string): Warning[] {
  const warnings: Warning[] = [];
  const warn = (rule: Warning['rule'], message: string, offset: number) =>
    warnings.push({ rule, message, offset, source: 'gongwen' });

  if (isBlank(text)) {
    warn('empty-input', text.length === 0 ? 'The input is empty.' : 'The input holds only white space.', 0);
    return warnings;
  }
  // A string is only warned about (it still parses); a file is refused as BINARY at a higher share (archive/decode.ts).
  const count = countControlCharacters(text);
  if (text.includes('\u0000') || exceedsControlShare(count, SUSPICIOUS_TEXT_SHARE)) {
    const offset = indexOfControlCharacter(text);
    warn('binary-input', `The input looks binary (${count.controls} control characters in the first ${count.sampled}); was a file decoded with the wrong encoding?`, offset);
  }
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) warn('lone-surrogate', 'The input holds a lone UTF-16 surrogate (broken text).', surrogate.index);
  return warnings;
}
