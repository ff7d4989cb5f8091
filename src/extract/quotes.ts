/**
 * Quotation spans of one paragraph, as reports write them: mixed and sometimes broken
 * quote marks, paired left to right.
 */

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

/** Quotes that open a new quotation; a quote never closes after another one opens. */
export const OPENING_QUOTES: ReadonlySet<string> = new Set(['“', '‘', '「', '『', '"', '＂']);
/** Anything that can end a quotation, including the wrong kind: `“三项建设"`. */
export const CLOSING_QUOTES: ReadonlySet<string> = new Set(['”', '’', '」', '』', '"', '＂']);

/**
 * Quotation spans of a paragraph, left to right. Reports mix their quotes: `“三项建设"`
 * closes with an ASCII quote; `组织”有钱办事”` opens with a closing quote; `“两新”`, `「两委」`
 * and `‘两个维护’` are all quotes. A quote that does not close within MAX_QUOTE_LENGTH
 * characters, before a line break or before another quote opens is unclosed and ignored.
 */
export function pairQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let index = 0;
  while (index < text.length) {
    const ch = text[index] ?? '';
    // A closing `”` where no quote is open is used as an opening one: `村级党组织”有钱办事”`.
    if (OPENING_QUOTES.has(ch) || ch === '”') {
      const close = findClosingQuote(text, index);
      if (close !== null) {
        spans.push({ open: index, close, contentStart: index + 1, contentEnd: close });
        index = close + 1;
        continue;
      }
    }
    index += 1;
  }
  return spans;
}

function findClosingQuote(text: string, open: number): number | null {
  const limit = Math.min(text.length, open + 1 + MAX_QUOTE_LENGTH);
  for (let index = open + 1; index < limit; index += 1) {
    const ch = text[index] ?? '';
    if (ch === '\n' || ch === '\r') return null;
    if (CLOSING_QUOTES.has(ch)) return index === open + 1 ? null : index;
    if (OPENING_QUOTES.has(ch) && ch !== '"' && ch !== '＂') return null;
  }
  return null;
}
