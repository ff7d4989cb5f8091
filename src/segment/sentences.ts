/**
 * Sentences and clauses of a paragraph, with quotes and brackets respected.
 *
 * A sentence ends after 。！？； (and any closing quotes/brackets right after
 * it), but not inside a quote or bracket. Quotes in the wild are messy, so:
 * - `“三项建设"` closes a Chinese quote with an ASCII one: accepted, and reported;
 * - an opening quote never closed in the paragraph is treated as plain text on
 *   a second pass, so it cannot swallow the rest of the paragraph.
 */
import { CLOSERS, PAIRS, QUOTE_PAIRS, SENTENCE_END } from '../text/characters.js';

/**
 * The one mark that both opens and closes a quote here: ASCII `"` (a rule of its own, below).
 * Full-width `＂`, which pairQuotes (extract/quotes.ts) also reads as a quote, is plain text
 * to sentence splitting, as it always was.
 */
const ASCII_QUOTE = '"';
/** Closing quotes (of PAIRS: `”’」』`) after which a sentence may end: `…要求。”`. */
const QUOTE_CLOSERS = new Set(QUOTE_PAIRS.filter((pair) => PAIRS.has(pair.open)).map((pair) => pair.close));
const INTERESTING = new RegExp(`[${[...PAIRS.keys(), ...CLOSERS, ...SENTENCE_END, ASCII_QUOTE].map((ch) => `\\${ch}`).join('')}]`, 'g');

export interface Range {
  start: number;
  end: number;
}

export interface SentenceSplit {
  sentences: Range[];
  /** Offsets of opening quotes/brackets never closed. */
  unclosed: number[];
  /** Offsets of ASCII quotes that closed a Chinese quote. */
  mismatched: number[];
}

export function splitSentences(text: string, start: number, end: number): SentenceSplit {
  const first = scan(text, start, end, new Set());
  if (first.unclosed.length === 0) return first;
  const second = scan(text, start, end, new Set(first.unclosed));
  return { sentences: second.sentences, unclosed: first.unclosed, mismatched: second.mismatched };
}

function scan(text: string, start: number, end: number, ignored: ReadonlySet<number>): SentenceSplit {
  const sentences: Range[] = [];
  const unclosed: number[] = [];
  const mismatched: number[] = [];
  const stack: Array<{ closer: string; at: number }> = [];
  let sentenceStart = start;

  // Jump from one character that matters (quote, bracket, sentence end) to the next.
  INTERESTING.lastIndex = start;
  for (let match = INTERESTING.exec(text); match !== null && match.index < end; match = INTERESTING.exec(text)) {
    const i = match.index;
    const ch = match[0];
    if (ch === ASCII_QUOTE) {
      // ASCII quote: closes an open Chinese or ASCII quote, else opens one.
      const top = stack[stack.length - 1];
      if (top && (top.closer === '”' || top.closer === ASCII_QUOTE)) {
        if (top.closer === '”') mismatched.push(i);
        stack.pop();
      } else if (!ignored.has(i)) {
        stack.push({ closer: ASCII_QUOTE, at: i });
      }
      continue;
    }
    const closer = PAIRS.get(ch);
    if (closer !== undefined) {
      if (!ignored.has(i)) stack.push({ closer, at: i });
      continue;
    }
    if (CLOSERS.has(ch)) {
      // Pop up to the matching opener; openers above it were never closed.
      for (let depth = stack.length - 1; depth >= 0; depth--) {
        if (stack[depth]!.closer === ch) {
          for (let k = stack.length - 1; k > depth; k--) unclosed.push(stack[k]!.at);
          stack.length = depth;
          break;
        }
      }
      // `…要求。”` ends the sentence after the closing quote.
      if (stack.length === 0 && QUOTE_CLOSERS.has(ch) && i > start && SENTENCE_END.has(text[i - 1]!)) {
        sentences.push({ start: sentenceStart, end: i + 1 });
        sentenceStart = i + 1;
      }
      continue;
    }
    if (stack.length === 0 && SENTENCE_END.has(ch)) {
      let stop = i + 1;
      // Keep closing quotes/brackets and repeated enders with the sentence: `…。”` `！！`
      while (stop < end && (CLOSERS.has(text[stop]!) || text[stop] === ASCII_QUOTE || SENTENCE_END.has(text[stop]!))) {
        if (text[stop] === ASCII_QUOTE && !ignored.has(stop)) break;
        stop++;
      }
      sentences.push({ start: sentenceStart, end: stop });
      sentenceStart = stop;
      INTERESTING.lastIndex = stop;
    }
  }
  for (const open of stack) unclosed.push(open.at);
  if (sentenceStart < end) sentences.push({ start: sentenceStart, end });
  return { sentences, unclosed: unclosed.sort((a, b) => a - b), mismatched };
}

const CLAUSE_END = new Set(['，', '、', '：', ',', ':']);

/** Clauses of a sentence: split after ，、： outside quotes and brackets. */
export function splitClauses(text: string, start: number, end: number): Range[] {
  const clauses: Range[] = [];
  let depth = 0;
  let clauseStart = start;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (PAIRS.has(ch)) depth++;
    else if (CLOSERS.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_END.has(ch)) {
      clauses.push({ start: clauseStart, end: i + 1 });
      clauseStart = i + 1;
    }
  }
  if (clauseStart < end) clauses.push({ start: clauseStart, end });
  return clauses;
}
