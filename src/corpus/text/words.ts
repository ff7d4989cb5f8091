/**
 * The words the text analyses count: the project's segmenter (jieba with the
 * user words of dicts/, so `两个维护` and `区委常委会` are one word) over each
 * line of a report, keeping word tokens only (punctuation, symbols and spaces
 * are other token kinds), without stop words (dicts/stopwords-zh.txt), numbers
 * and placeholders (`2013`, `6.5`, `xx`: metrics, not vocabulary). Latin words
 * are lower-cased (`GDP` and `gdp` are one word).
 */
import { getSegmenter } from '../../segment/engines.js';
import type { SegmenterChoice } from '../../segment/segmenter.js';
import { tokenize } from '../../segment/tokens.js';
import { splitLines } from '../../text/lines.js';
import { chineseStopWords } from './stopwords.js';

export interface WordOptions {
  /** Word segmenter (default: nodejieba, or GONGWEN_SEGMENTER). */
  segmenter?: SegmenterChoice;
  /** Words to drop (default: dicts/stopwords-zh.txt). */
  stopWords?: ReadonlySet<string>;
}

/** A word worth counting holds a Han character or a Latin letter. */
const CONTENT = /[\p{Script=Han}A-Za-zＡ-Ｚａ-ｚ]/u;
/** Template blanks: `xx`, `XXX`, `ｘｘ` (kept whole by the tokenizer). */
const PLACEHOLDER = /^[xXｘＸ]+$/;

/** Calls `visit(word)` for each counted word of `text`, in order. */
export function forEachWord(text: string, visit: (word: string) => void, options: WordOptions = {}): void {
  const segmenter = getSegmenter(options.segmenter);
  const stopWords = options.stopWords ?? chineseStopWords();
  for (const line of splitLines(text)) {
    if (line.end === line.start) continue;
    for (const token of tokenize(text, line.start, line.end, segmenter)) {
      if (token.kind !== 'word') continue;
      let word = text.slice(token.start, token.end);
      if (!CONTENT.test(word) || PLACEHOLDER.test(word)) continue;
      if (word.charCodeAt(0) < 0x80 || /[A-Za-z]/.test(word)) word = word.toLowerCase();
      if (stopWords.has(word)) continue;
      visit(word);
    }
  }
}

/** The counted words of `text`, in order. */
export function analysisWords(text: string, options: WordOptions = {}): string[] {
  const words: string[] = [];
  forEachWord(text, (word) => words.push(word), options);
  return words;
}
