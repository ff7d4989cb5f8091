/**
 * Words with exact offsets.
 *
 * The segmenter cuts a whole sentence at once (one native call, not one per
 * fragment); its cuts are then corrected so that:
 * - numbers, Latin words and placeholders come out whole (`6.1`, `1,200`,
 *   `xxx.xx`, `***`, `PM2.5`), whatever the engine did with them;
 * - every forced boundary (the edges of a slogan, metric or placeholder span)
 *   is a token edge, so inline nodes can wrap whole tokens;
 * - runs of white space are one token.
 */
import { isHan, SPACE_RUN } from '../text/characters.js';
import type { Segmenter } from './segmenter.js';

export type TokenKind = 'word' | 'punctuation' | 'symbol' | 'whitespace';

export interface Token {
  start: number;
  end: number;
  kind: TokenKind;
}

/** Runs that must never be split: digits (half/full width) with decimal/thousands separators, Latin words, placeholder runs. */
const PROTECTED = /[0-9０-９A-Za-zＡ-Ｚａ-ｚ]+(?:[.,．][0-9０-９A-Za-zｘＸ]+)*|\*{2,}/g;
const WHITESPACE = new RegExp(`^${SPACE_RUN}$`);
const WORDLIKE = /[\p{L}\p{N}]/u;
const PUNCTUATION = /^\p{P}+$/u;

function classify(value: string): TokenKind {
  if (WORDLIKE.test(value)) return 'word';
  if (WHITESPACE.test(value)) return 'whitespace';
  if (PUNCTUATION.test(value)) return 'punctuation';
  // `***` is a placeholder: a word, not a symbol.
  if (/^\*{2,}$/.test(value)) return 'word';
  return 'symbol';
}

/**
 * Tokens of `input.slice(start, end)`, offsets absolute.
 * `boundaries` (absolute offsets, any order) are forced token edges.
 */
export function tokenize(
  input: string,
  start: number,
  end: number,
  segmenter: Segmenter,
  boundaries: readonly number[] = [],
): Token[] {
  const text = input.slice(start, end);
  const length = text.length;
  if (length === 0) return [];

  // cuts[i] = 1: a token edge before text[i]; 2: a forced edge that protection may not remove.
  const cuts = new Uint8Array(length + 1);
  cuts[0] = 2;
  cuts[length] = 2;
  let pieces = segmenter.cut(text);
  let total = 0;
  for (const piece of pieces) total += piece.length;
  if (total !== length) pieces = [text]; // an engine that lost characters: never trust its offsets
  let at = 0;
  for (const piece of pieces) {
    at += piece.length;
    cuts[at] ||= 1;
  }
  PROTECTED.lastIndex = 0;
  for (let match = PROTECTED.exec(text); match; match = PROTECTED.exec(text)) {
    const from = match.index;
    const to = from + match[0].length;
    for (let i = from + 1; i < to; i++) if (cuts[i] === 1) cuts[i] = 0;
    cuts[from] ||= 1;
    cuts[to] ||= 1;
  }
  for (const boundary of boundaries) {
    const relative = boundary - start;
    if (relative > 0 && relative < length) cuts[relative] = 2;
  }

  const tokens: Token[] = [];
  let from = 0;
  for (let i = 1; i <= length; i++) {
    if (cuts[i] === 0) continue;
    // Most tokens start with a CJK character, a digit or a Latin letter: words, no slicing needed.
    const code = text.charCodeAt(from);
    const kind = isHan(code) || (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ? 'word' : classify(text.slice(from, i));
    const previous = tokens[tokens.length - 1];
    if (kind === 'whitespace' && previous?.kind === 'whitespace' && cuts[from] !== 2) {
      previous.end = start + i;
    } else {
      tokens.push({ start: start + from, end: start + i, kind });
    }
    from = i;
  }
  return tokens;
}

/**
 * Fixed-size chunks for text too long to segment (a dump, not a report): a
 * bounded node count. A chunk never ends between the two halves of a
 * surrogate pair.
 */
export function chunk(input: string, start: number, end: number, size = 65_536): Token[] {
  const tokens: Token[] = [];
  for (let from = start; from < end; ) {
    let to = Math.min(end, from + size);
    const last = input.charCodeAt(to - 1);
    if (to < end && last >= 0xd800 && last <= 0xdbff) to--;
    tokens.push({ start: from, end: to, kind: 'word' });
    from = to;
  }
  return tokens;
}
