/** Spans and helpers: quotes and titles whose numbers are names, the sentence of a metric, searches. */
import type { OffsetRange } from '../metrics.js';
import { MARK_PAIRS, charCodeTable } from '../../text/characters.js';
import { lastIndexAtOrBefore, rangeAt } from '../../text/search.js';

/**
 * The pairs of the shared table (MARK_PAIRS) whose numbers are names, by opening mark, with how
 * far their closing mark may be (an unclosed quote must not swallow the paragraph): a title runs
 * longer than a quote. Not `‘’`, `＂＂` or brackets: numbers inside them are read as metrics, as
 * they always were (`（增长6%）` is a metric).
 */
const SHIELD_REACH: Readonly<Record<string, number>> = { '“': 30, '"': 30, '「': 30, '『': 30, '《': 100, '〈': 60 };
/** `“` and `"` close each other as well: `“三项建设"`. */
const EITHER_QUOTE = '”"';
const SHIELDING_PAIRS: ReadonlyArray<{ open: string; closeCodes: readonly number[]; reach: number }> = MARK_PAIRS.filter(
  (pair) => SHIELD_REACH[pair.open] !== undefined,
).map(({ open, close }) => ({
  open,
  closeCodes: [...(open === '“' || open === '"' ? EITHER_QUOTE : close)].map((mark) => mark.charCodeAt(0)),
  reach: SHIELD_REACH[open]!,
}));

/**
 * Spans whose numbers are names, not metrics: quotes (`“15分钟阅读圈”`,
 * `“1234”干部工作思路`), titles (`《中央巡视工作规划(2019—2022年)》`), and the
 * caller's `exclude` spans. Relative to the paragraph.
 */
export function shieldedSpans(text: string, textStart: number, exclude: readonly OffsetRange[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const range of exclude) {
    const start = Math.max(0, range.start - textStart);
    const end = Math.min(text.length, range.end - textStart);
    if (end > start) spans.push([start, end]);
  }
  // From one opening mark to the next (a regex of a few characters skips the text between
  // them fast), each paired with the first closing mark within its reach.
  OPENING_MARK.lastIndex = 0;
  while (OPENING_MARK.test(text)) {
    const i = OPENING_MARK.lastIndex - 1;
    const pair = SHIELDING_PAIRS[PAIR_BY_OPENING[text.charCodeAt(i)]! - 1]!;
    const limit = Math.min(text.length, i + 1 + pair.reach);
    for (let j = i + 1; j < limit; j++) {
      if (pair.closeCodes.includes(text.charCodeAt(j))) {
        spans.push([i, j + 1]);
        OPENING_MARK.lastIndex = j + 1;
        break;
      }
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

const OPENING_MARK = new RegExp(`[${SHIELDING_PAIRS.map((pair) => pair.open).join('')}]`, 'g');
/** SHIELDING_PAIRS by the char code of their opening mark: 1 + the index, else 0. */
const PAIR_BY_OPENING = new Uint8Array(0x10000);
SHIELDING_PAIRS.forEach((pair, index) => {
  PAIR_BY_OPENING[pair.open.charCodeAt(0)] = index + 1;
});

/** Whether `index` falls in one of `spans` (sorted by start, see `shieldedSpans`). */
export function isInside(spans: ReadonlyArray<[number, number]>, index: number): boolean {
  const candidate = lastIndexAtOrBefore(spans, index, (span) => span[0]);
  // Spans may nest or overlap (a caller's slogan inside a quote): look back a little.
  for (let i = candidate; i >= 0 && i > candidate - 8; i--) {
    if (index < spans[i]![1]) return true;
  }
  return false;
}

/** The sentence holding `offset` (sentences in document order, not overlapping), else the paragraph. */
export function sentenceAt(
  sentences: readonly OffsetRange[],
  offset: number,
  paragraphStart: number,
  paragraphLength: number,
): OffsetRange {
  const sentence = rangeAt(sentences, offset);
  return sentence === undefined
    ? { start: paragraphStart, end: paragraphStart + paragraphLength }
    : { start: sentence.start, end: sentence.end };
}

/** Index of the last of `marks` (a charCodeTable) in `text` at or before `from`, looking back at most `reach`; -1 if none. */
export function lastIndexOfAny(text: string, marks: Uint8Array, from: number, reach: number): number {
  const stop = Math.max(0, from - reach);
  for (let i = from; i >= stop; i--) if (marks[text.charCodeAt(i)] === 1) return i;
  return from - reach >= 0 ? stop - 1 : -1;
}

interface Found {
  text: string;
  start: number;
  end: number;
}

export function allMatches(pattern: RegExp, text: string): Found[] {
  const found: Found[] = [];
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    found.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

export function lastMatch(pattern: RegExp, text: string): Found | null {
  const found = allMatches(pattern, text);
  return found[found.length - 1] ?? null;
}
