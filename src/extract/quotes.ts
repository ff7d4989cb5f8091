/**
 * Quotation spans of one paragraph, as reports write them: mixed and sometimes broken
 * quote marks, paired left to right.
 */
import { QUOTE_PAIRS } from '../text/characters.js';

export interface QuoteSpan {
  /** The opening quote mark. */
  open: number;
  /** The closing quote mark. */
  close: number;
  contentStart: number;
  contentEnd: number;
}

/**
 * A quote that has not closed within this many characters is taken as unclosed, so a stray
 * `“` never swallows the rest of the paragraph (`落实“三级递进整改机制，查摆…`). Long enough
 * for a quoted list (`“筑牢政治忠诚、清除害群之马、整治顽瘴痼疾、弘扬英模精神”`).
 */
export const MAX_QUOTE_LENGTH = 40;

/**
 * Quotes that open a new quotation: the opening marks of every quote pair of the shared table,
 * `"` and `＂` included. A quote never closes after another one opens.
 */
export const OPENING_QUOTES: ReadonlySet<string> = new Set(QUOTE_PAIRS.map((pair) => pair.open));
/** Anything that can end a quotation, including the wrong kind: `“三项建设"`. */
export const CLOSING_QUOTES: ReadonlySet<string> = new Set(QUOTE_PAIRS.map((pair) => pair.close));

/**
 * Quotation spans of a paragraph, left to right. Reports mix their quotes: `“三项建设"`
 * closes with an ASCII quote; `组织”有钱办事”` opens with a closing quote; `“两新”`, `「两委」`
 * and `‘两个维护’` are all quotes. A quote that does not close within MAX_QUOTE_LENGTH
 * characters, before a line break or before another quote opens is unclosed and ignored.
 */
export function pairQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  // Jump from one quote mark that may open a quotation to the next: quotes are rare, and a
  // regex of a few characters skips the text between them faster than a loop would.
  QUOTE_START.lastIndex = 0;
  while (QUOTE_START.test(text)) {
    const index = QUOTE_START.lastIndex - 1;
    const close = findClosingQuote(text, index);
    if (close !== null) {
      spans.push({ open: index, close, contentStart: index + 1, contentEnd: close });
      QUOTE_START.lastIndex = close + 1;
    }
  }
  return spans;
}

/** OPENING_QUOTES, and a closing `”` where no quote is open: `村级党组织”有钱办事”`. */
const QUOTE_START = new RegExp(`[${[...OPENING_QUOTES].join('')}”]`, 'g');
const OPENING = 1;
const CLOSING = 2;
/** OPENING_QUOTES and CLOSING_QUOTES by char code, as OPENING | CLOSING bits. */
const QUOTE_MARKS = new Uint8Array(0x10000);
for (const mark of OPENING_QUOTES) QUOTE_MARKS[mark.charCodeAt(0)]! |= OPENING;
for (const mark of CLOSING_QUOTES) QUOTE_MARKS[mark.charCodeAt(0)]! |= CLOSING;

function findClosingQuote(text: string, open: number): number | null {
  const limit = Math.min(text.length, open + 1 + MAX_QUOTE_LENGTH);
  for (let index = open + 1; index < limit; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x0d) return null; // \n, \r
    const mark = QUOTE_MARKS[code]!;
    if ((mark & CLOSING) !== 0) return index === open + 1 ? null : index;
    // `"` and `＂` close (above); the other opening quotes start a new quotation.
    if ((mark & OPENING) !== 0) return null;
  }
  return null;
}
