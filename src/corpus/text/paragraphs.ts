/**
 * Paragraphs for reuse detection: the report's lines, trimmed of the
 * indentation scrapers leave (U+3000, zero-width spaces), with exact offsets
 * into the document text. Lines shorter than a minimum (headings, `各位代表：`)
 * are too short to call reuse and are skipped.
 */
import { splitLines } from '../../text/lines.js';
import { SPACE_RUN } from '../../text/characters.js';

export interface Paragraph {
  /** UTF-16 offset of the first non-space character in the document text. */
  offset: number;
  /** Length in UTF-16 code units, as written (inner spaces included). */
  length: number;
  /** The text with every space (also U+3000, U+200B) removed: what is shingled and compared. */
  normalized: string;
}

const LEADING = new RegExp(`^(?:${SPACE_RUN})`);
const TRAILING = new RegExp(`(?:${SPACE_RUN})$`);
const ANY_SPACE = new RegExp(SPACE_RUN, 'g');

/** Every non-blank line of `text`, trimmed; `minLength` counts normalized characters. */
export function splitParagraphs(text: string, minLength = 0): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const line of splitLines(text)) {
    let start = line.start;
    let end = line.end;
    if (end === start) continue;
    const raw = text.slice(start, end);
    const leading = LEADING.exec(raw)?.[0].length ?? 0;
    if (leading === raw.length) continue;
    const trailing = TRAILING.exec(raw)?.[0].length ?? 0;
    start += leading;
    end -= trailing;
    const content = raw.slice(leading, raw.length - trailing);
    const normalized = content.replace(ANY_SPACE, '');
    if (normalized.length < minLength) continue;
    paragraphs.push({ offset: start, length: end - start, normalized });
  }
  return paragraphs;
}

/** Characters a document counts for its share of reused text: all non-space characters of its lines. */
export function countTextCharacters(text: string): number {
  return text.replace(ANY_SPACE, '').length;
}
