/**
 * The words the text analyses count: the project's segmenter (jieba with the
 * user words of dicts/, so `两个维护` and `区委常委会` are one word) over each
 * line of a report, keeping word tokens only (punctuation, symbols and spaces
 * are other token kinds), without stop words (dicts/stopwords-zh.txt), numbers
 * and placeholders (`2013`, `6.5`, `xx`: metrics, not vocabulary). Latin words
 * are lower-cased (`GDP` and `gdp` are one word).
 */
import { getSegmenter } from '../../segment/engines.js';
import type { Segmenter, SegmenterChoice } from '../../segment/segmenter.js';
import { tokenize } from '../../segment/tokens.js';
import { splitLines } from '../../text/lines.js';
import { chineseStopWords } from './stopwords.js';

export interface WordOptions {
  /** Word segmenter (default: GONGWEN_SEGMENTER, else node-rs-jieba: see wordSegmenter in token-store.ts). */
  segmenter?: SegmenterChoice;
  /** Words to drop (default: dicts/stopwords-zh.txt). */
  stopWords?: ReadonlySet<string>;
}

/**
 * The segmenter the corpus analyses count words with: the one asked for, else
 * GONGWEN_SEGMENTER, else @node-rs/jieba, the faster of the two jieba engines
 * (the raw cut ~2× nodejieba's on the national archive), which every install has.
 */
export function wordSegmenter(choice: SegmenterChoice | undefined): SegmenterChoice {
  if (choice !== undefined) return choice;
  const fromEnvironment = process.env.GONGWEN_SEGMENTER;
  return fromEnvironment === 'nodejieba' || fromEnvironment === 'node-rs-jieba' || fromEnvironment === 'runs' ? fromEnvironment : 'node-rs-jieba';
}

/** A word worth counting holds a Han character or a Latin letter. */
const CONTENT = /[\p{Script=Han}A-Za-zＡ-Ｚａ-ｚ]/u;
/** Template blanks: `xx`, `XXX`, `ｘｘ` (kept whole by the tokenizer). */
const PLACEHOLDER = /^[xXｘＸ]+$/;

/** Longest piece handed to the segmenter at once: a scraped dump can hold a megabyte on one line. */
const MAX_PIECE = 10_000;
const PIECE_END = /[。！？；!?;]/g;

/**
 * Pieces of a line of at most MAX_PIECE characters, each ending after the last sentence
 * punctuation in its window (so no word is cut), else at the window's end, never inside a
 * surrogate pair.
 */
function* pieces(text: string, start: number, end: number): Generator<[number, number]> {
  let from = start;
  while (end - from > MAX_PIECE) {
    let to = from + MAX_PIECE;
    const window = text.slice(from, to);
    let last = -1;
    PIECE_END.lastIndex = 0;
    for (let match = PIECE_END.exec(window); match; match = PIECE_END.exec(window)) last = match.index;
    if (last >= 0) to = from + last + 1;
    else {
      const code = text.charCodeAt(to - 1);
      if (code >= 0xd800 && code <= 0xdbff) to--;
    }
    yield [from, to];
    from = to;
  }
  if (end > from) yield [from, end];
}

/** Calls `visit(word)` for each counted word of `text`, in order. */
export function forEachWord(text: string, visit: (word: string) => void, options: WordOptions = {}): void {
  const stopWords = options.stopWords ?? chineseStopWords();
  forEachContentWord(text, getSegmenter(wordSegmenter(options.segmenter)), (word) => {
    if (!stopWords.has(word)) visit(word);
  });
}

/** The words of `text` worth counting, stop words still in (they are a choice of the reader: see countWords). */
function forEachContentWord(text: string, segmenter: Segmenter, visit: (word: string) => void): void {
  for (const line of splitLines(text)) {
    for (const [from, to] of pieces(text, line.start, line.end)) contentWordsOfPiece(text, from, to, segmenter, visit);
  }
}

function contentWordsOfPiece(text: string, from: number, to: number, segmenter: Segmenter, visit: (word: string) => void): void {
  for (const token of tokenize(text, from, to, segmenter)) {
    if (token.kind !== 'word') continue;
    let word = text.slice(token.start, token.end);
    if (!CONTENT.test(word) || PLACEHOLDER.test(word)) continue;
    if (/[A-Za-zＡ-Ｚ]/.test(word)) word = word.toLowerCase();
    visit(word);
  }
}

/** The counted words of `text`, in order. */
export function analysisWords(text: string, options: WordOptions = {}): string[] {
  const words: string[] = [];
  forEachWord(text, (word) => words.push(word), options);
  return words;
}

/**
 * A report's words, compactly: each distinct word once (in order of first
 * occurrence) and the text's words as indexes into that list. Stop words are
 * in: the token store keeps this whatever list a reader filters with.
 */
export interface ReportWords {
  vocabulary: string[];
  /** The words in text order; Uint16Array when the vocabulary has at most 65,536 words. */
  ids: Uint16Array | Uint32Array;
}

/** The words of `text` (before stop words), as ReportWords. */
export function reportWords(text: string, segmenter: SegmenterChoice | undefined): ReportWords {
  const idOf = new Map<string, number>();
  const vocabulary: string[] = [];
  let ids = new Uint32Array(1024);
  let count = 0;
  forEachContentWord(text, getSegmenter(wordSegmenter(segmenter)), (word) => {
    let id = idOf.get(word);
    if (id === undefined) {
      id = vocabulary.length;
      idOf.set(word, id);
      vocabulary.push(word);
    }
    if (count === ids.length) {
      const grown = new Uint32Array(ids.length * 2);
      grown.set(ids);
      ids = grown;
    }
    ids[count++] = id;
  });
  return { vocabulary, ids: vocabulary.length <= 0x10000 ? Uint16Array.from(ids.subarray(0, count)) : ids.slice(0, count) };
}

/** Calls `visit(word, occurrences)` once per distinct word of `words` that is not a stop word, in order of first occurrence. */
export function countWords(words: ReportWords, visit: (word: string, count: number) => void, stopWords: ReadonlySet<string> = chineseStopWords()): void {
  const counts = new Uint32Array(words.vocabulary.length);
  for (const id of words.ids) counts[id]!++;
  words.vocabulary.forEach((word, id) => {
    if (!stopWords.has(word)) visit(word, counts[id]!);
  });
}
