/**
 * ## heading-level-order
 *
 * Flags headings whose levels break GB/T 9704's order 一、 › （一） › 1. › （1）:
 * a heading nested under a heading of a lower level (`（一）` inside a `1.`
 * section), a heading after a sibling of a lower level (`1.` then `（一）` under
 * one `一、`), and headings of a lower level that come before the first heading
 * of the level above them (`（一）` above the report's first `一、`).
 *
 * Why: the order of levels is fixed by the standard; an inverted order
 * usually means a section was pasted in from another document.
 *
 * Skipping a level (`1.` directly under `一、`) is common and allowed.
 *
 * ok:
 *     一、工作回顾
 *     （一）政治建设
 *     1.强化统筹谋划
 *
 * not-ok:
 *     （一）政治建设          ← comes before the first 一、
 *     一、工作回顾
 *
 * Options: none. Fix: none (which level is wrong is the editor's call).
 */
import { defineRule } from '../define-rule.js';
import { gbtRank, STYLE_EXAMPLES } from '../gbt-levels.js';
import { report } from '../report.js';
import { endOf, headingEntries, startOf, type HeadingEntry } from '../walk.js';

export const headingLevelOrder = defineRule('heading-level-order', ({ tree, file, text }) => {
  const entries = headingEntries(tree);
  const flagged = new Set<number>();
  // Each parent's children, in order, pushed in place (copying the array per heading was quadratic).
  const siblingsOf = new Map<unknown, HeadingEntry[]>();
  for (const entry of entries) {
    let siblings = siblingsOf.get(entry.parent);
    if (!siblings) siblingsOf.set(entry.parent, (siblings = []));
    siblings.push(entry);
  }
  // 1. nested under a lower level: one message per parent, on its first such child
  const parentsSeen = new Set<unknown>();
  for (const entry of entries) {
    if (!entry.parent || parentsSeen.has(entry.parent)) continue;
    const rank = gbtRank(entry.section.marker.style);
    const parentRank = gbtRank(entry.parent.marker.style);
    if (rank === undefined || parentRank === undefined || rank >= parentRank) continue;
    parentsSeen.add(entry.parent);
    for (const sibling of siblingsOf.get(entry.parent)!) flagged.add(startOf(sibling.marker));
    report(file, text, {
      reason: `“${entry.marker.value.trim()}” (a ${STYLE_EXAMPLES[entry.section.marker.style]} heading) is under “${entry.parent.marker.raw.trim()}”, a lower level: GB/T 9704 orders 一、 › （一） › 1. › （1）`,
      start: startOf(entry.marker),
      end: endOf(entry.marker),
    });
  }
  // 2. after a sibling of a lower level: `1.` then `（一）` under one 一、
  for (const [parent, siblings] of siblingsOf) {
    // At the top, a lower level before the first higher one is check 3's (one message, on it).
    if (parent === null) continue;
    let lowest: HeadingEntry | undefined;
    for (const entry of siblings) {
      const rank = gbtRank(entry.section.marker.style);
      if (rank === undefined) continue;
      const lowestRank = lowest ? gbtRank(lowest.section.marker.style)! : undefined;
      if (lowest && lowestRank !== undefined && rank < lowestRank && !flagged.has(startOf(entry.marker))) {
        flagged.add(startOf(entry.marker));
        report(file, text, {
          reason: `“${entry.marker.value.trim()}” follows “${lowest.marker.value.trim()}” at the same level, but ranks above it: GB/T 9704 orders 一、 › （一） › 1. › （1）`,
          start: startOf(entry.marker),
          end: endOf(entry.marker),
        });
      }
      if (lowestRank === undefined || rank > lowestRank) lowest = entry;
    }
  }
  // 3. before the first heading of a higher level that the report uses later
  const firstOfRank = new Map<number, number>();
  /** The highest level (lowest rank) among the headings before each position: one pass, not a scan per heading. */
  const highestBefore: number[] = [];
  let highest = 99;
  entries.forEach((entry, position) => {
    const rank = gbtRank(entry.section.marker.style);
    highestBefore.push(highest);
    highest = Math.min(highest, rank ?? 99);
    if (rank !== undefined && !firstOfRank.has(rank)) firstOfRank.set(rank, position);
  });
  entries.forEach((entry, position) => {
    const rank = gbtRank(entry.section.marker.style);
    if (rank === undefined || flagged.has(startOf(entry.marker))) return;
    const higher = [...firstOfRank].find(([otherRank, first]) => otherRank < rank && first > position);
    if (!higher) return;
    const [higherRank, first] = higher;
    // Only headings with no higher-level heading before them at all: under an open 一、 a later 二、 is normal.
    if (highestBefore[position]! < rank) return;
    report(file, text, {
      reason: `“${entry.marker.value.trim()}” comes before the first ${STYLE_EXAMPLES[entries[first]!.section.marker.style]} heading (line ${entries[first]!.marker.position.start.line}), a higher level (rank ${higherRank} of GB/T 9704's 一、 › （一） › 1. › （1）)`,
      start: startOf(entry.marker),
      end: endOf(entry.marker),
    });
  });
});
