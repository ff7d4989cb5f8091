/**
 * Unnumbered top-level headings: some reports head their parts with a short line of its own and
 * no marker, and number only the level below (2025 Sichuan: `2024年工作回顾`, `2025年工作安排建议`,
 * `加强政府自身建设`, each followed by its own （一）（二）…). Without them the （一） runs restart
 * under nothing. The class, not one report: a document with no top-level markers (一、, 第一部分)
 * whose top marked style restarts at 1, where each restart is preceded by a short line without
 * punctuation; at least two such lines, or the rule does not apply.
 */
import type { HeadingStyle } from '../tree/types.js';

export interface OutlineLine {
  /** The line's visible text (indentation and trailing space trimmed), read only for the few candidates. */
  text(): string;
  /** Its length, so that long lines are passed over without reading them. */
  length: number;
  marker: { style: HeadingStyle; ordinal: number } | null;
  /** Front matter, salutation, title or back matter: never a heading. */
  excluded: boolean;
}

const LONGEST_UNNUMBERED_HEADING = 24;
const TOP_LEVEL_STYLES = new Set<HeadingStyle>(['cjk', 'cjk-bare', 'part']);

/** Indices of the lines that are unnumbered headings (empty for almost every report). */
export function unnumberedHeadingLines(count: number, lineAt: (index: number) => OutlineLine): Set<number> {
  const found = new Set<number>();
  // Lines are asked for one at a time, twice over, and never gathered into an array: a
  // document of 2 million numbered lines held ~130 MB of such records here.
  let topStyle: HeadingStyle | null = null;
  for (let index = 0; index < count; index++) {
    const marker = lineAt(index).marker;
    if (!marker) continue;
    if (TOP_LEVEL_STYLES.has(marker.style)) return found;
    topStyle ??= marker.style;
  }
  if (topStyle === null) return found;
  let previousMarked = -1;
  for (let index = 0; index < count; index++) {
    const marker = lineAt(index).marker;
    if (!marker) continue;
    if (marker.style === topStyle && marker.ordinal === 1) {
      // The nearest short unpunctuated line between the previous heading and this restart.
      for (let i = index - 1; i > previousMarked; i--) {
        const line = lineAt(i);
        if (line.length === 0 || line.excluded) continue;
        if (line.length <= LONGEST_UNNUMBERED_HEADING && !/\p{P}/u.test(line.text())) {
          found.add(i);
          break;
        }
      }
    }
    previousMarked = index;
  }
  return found.size >= 2 ? found : new Set();
}
