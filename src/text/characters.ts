/** Character classes shared by every layer. */

/**
 * Indentation and invisible characters: ASCII space and tab, U+3000 (ideographic
 * space, the usual indent of Chinese reports), U+00A0, and zero-width characters
 * (U+200B–U+200D, U+2060, U+FEFF) that scraped archives leave on otherwise empty lines.
 */
export const SPACE_CLASS = '[ \\t\\u3000\\u00a0\\u200b-\\u200d\\u2060\\ufeff\\f\\v]';
const BLANK_RE = /^[\s\u3000\u00a0\u200b-\u200d\u2060\ufeff]*$/;

/** Only spaces, invisible characters and line ends. */
export function isBlank(text: string): boolean {
  return BLANK_RE.test(text);
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
