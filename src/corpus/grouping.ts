/** Grouped counts over a corpus pass: one entry per group value, never per document. */
import { compareGroups, fieldValue } from './filters.js';
import type { Cell, CorpusDocument } from './types.js';
import { removeSpaceRuns } from '../text/characters.js';

/** The value a document is grouped under (`year` → 2025; null when it has none). */
export function groupOf(document: CorpusDocument, field: string): Cell {
  return fieldValue(document.metadata, field);
}

/** The groups, in table order (see compareGroups). */
export function sortedGroups<V>(groups: Map<Cell, V>): Array<[Cell, V]> {
  return [...groups.entries()].sort(([a], [b]) => compareGroups(a, b));
}

/** Characters of a text that count towards "per 10,000 characters": every code point but white space and zero-width spaces (scraped texts pad with blank lines, U+3000 and U+200B). */
export function countCharacters(text: string): number {
  const stripped = removeSpaceRuns(text);
  const pairs = stripped.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  return stripped.length - pairs;
}
