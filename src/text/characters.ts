/** Character classes shared by every layer. */

/**
 * Indentation and invisible characters: ASCII space and tab, U+3000 (ideographic
 * space, the usual indent of Chinese reports), U+00A0, and zero-width characters
 * (U+200B–U+200D, U+2060, U+FEFF) that scraped archives leave on otherwise empty lines.
 */
export const SPACE_CLASS = '[ \\t\\u3000\\u00a0\\u200b-\\u200d\\u2060\\ufeff\\f\\v]';
const SPACE_RE = new RegExp(`^${SPACE_CLASS}*$`);

export function isBlank(text: string): boolean {
  return SPACE_RE.test(text);
}

/** Sentence-ending punctuation (full-width, as reports use it). */
export const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?']);
/** Heading text ends at the first of these (SPEC §2); `；` does not end a heading. */
export const HEADING_END = new Set(['。', '！', '？']);

/** Opening → closing quotes and brackets that a sentence may not be split inside. */
export const PAIRS: ReadonlyMap<string, string> = new Map([
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['《', '》'],
  ['（', '）'],
  ['(', ')'],
  ['【', '】'],
  ['〔', '〕'],
]);
export const CLOSERS = new Set(PAIRS.values());

/** CJK numerals as they appear in markers, slogans and quantities. */
export const CJK_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Value of a small CJK numeral as used in markers: 一 … 九十九 (十二, 二十, 二十三). */
export function cjkOrdinal(numeral: string): number | null {
  let total = 0;
  let current = 0;
  for (const ch of numeral) {
    if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else {
      const digit = CJK_DIGITS[ch];
      if (digit === undefined) return null;
      current = current * 10 + digit;
    }
  }
  return total + current;
}

/** Value of Arabic digits, half- or full-width (`１２` → 12). */
export function arabicValue(digits: string): number {
  let value = 0;
  for (const ch of digits) {
    const code = ch.charCodeAt(0);
    value = value * 10 + (code >= 0xff10 ? code - 0xff10 : code - 0x30);
  }
  return value;
}
