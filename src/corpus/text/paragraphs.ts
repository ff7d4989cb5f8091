/**
 * Paragraphs for reuse detection: the report's lines, trimmed of the
 * indentation scrapers leave (U+3000, zero-width spaces), with exact offsets
 * into the document text. Lines shorter than a minimum (headings, `各位代表：`)
 * are too short to call reuse and are skipped.
 */
import { splitLines } from '../../text/lines.js';
import { isSpaceRunCharacter, removeSpaceRuns } from '../../text/characters.js';

export interface Paragraph {
  /** UTF-16 offset of the first non-space character in the document text. */
  offset: number;
  /** Length in UTF-16 code units, as written (inner spaces included). */
  length: number;
  /** The text with every space (also U+3000, U+200B) removed: what is shingled and compared. */
  normalized: string;
}


/** Every non-blank line of `text`, trimmed; `minLength` counts normalized characters. */
export function splitParagraphs(text: string, minLength = 0): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const line of splitLines(text)) {
    // Trimmed by hand: a regex anchored at the end backtracks over long runs of spaces.
    let start = line.start;
    let end = line.end;
    while (start < end && isSpaceRunCharacter(text[start]!)) start++;
    while (end > start && isSpaceRunCharacter(text[end - 1]!)) end--;
    if (end === start) continue;
    const normalized = removeSpaceRuns(text.slice(start, end));
    if (normalized.length < minLength) continue;
    paragraphs.push({ offset: start, length: end - start, normalized });
  }
  return paragraphs;
}

/** Characters a document counts for its share of reused text: all non-space characters of its lines. */
export function countTextCharacters(text: string): number {
  // UTF-16 code units, as the paragraphs' lengths are (slogans' per-10k counts code points).
  return removeSpaceRuns(text).length;
}
