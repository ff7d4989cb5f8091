/**
 * ## enumeration-gap
 *
 * Flags an inline enumeration that skips or repeats an item: `一是…二是…四是…`
 * (三是 missing), `第一，…第二，…第二，…`.
 *
 * Why: items are cut and merged while drafting; the count is the trace.
 *
 * The tree's ListItems are the run (the parser keeps only markers that start
 * or continue a run, so `四是` after `二是` is plain text to it); this rule
 * looks in the paragraphs of the run, up to the next heading, for a marker of
 * the same style that breaks it. Markers count only where an item begins:
 * after punctuation, a space or at the paragraph start (`统一是` is a word).
 *
 * ok:
 *     一是压实主体责任。二是强化监督检查。三是严格执纪问责。
 *
 * not-ok:
 *     一是压实主体责任。二是强化监督检查。四是严格执纪问责。   ← 四是: 三是 missing
 *
 * Options: none. Fix: none (renumbering is certain only when nothing was cut).
 */
import type { EnumerationStyle, ListItem } from '../../tree/types.js';
import { chineseNumeralValue } from '../../text/numerals.js';
import { defineRule } from '../define-rule.js';
import { report } from '../report.js';
import { endOf, listItems, paragraphGroups, startOf } from '../walk.js';

/** Markers of the two styles whose ordinals are written in words: `三是`, `第三，`. */
const MARKER = /(?<=^|[。！？；：，、;:,\s\u3000”’）)])(?:([一二三四五六七八九十]{1,3})是|第([一二三四五六七八九十]{1,3})(?=[，,、：:]))/g;

/** A later ordinal this far past the run's last is some other number, not a skipped item. */
const MAX_SKIP = 3;

export const enumerationGap = defineRule('enumeration-gap', ({ tree, file, text }) => {
  for (const paragraphs of paragraphGroups(tree)) {
    const last: Partial<Record<EnumerationStyle, number>> = {};
    for (const paragraph of paragraphs) {
      // Keyed by where the item's marker is written (an item's node may start before it).
      const items = new Map<number, ListItem>(listItems(paragraph).map((item) => [text.indexOf(item.marker, startOf(item)), item]));
      const slice = text.slice(startOf(paragraph), endOf(paragraph));
      MARKER.lastIndex = 0;
      for (let match = MARKER.exec(slice); match; match = MARKER.exec(slice)) {
        const at = startOf(paragraph) + match.index;
        const style: EnumerationStyle = match[1] ? 'yishi' : 'diyi';
        const ordinal = chineseNumeralValue(match[1] ?? match[2]!);
        if (ordinal === null) continue;
        const item = items.get(at);
        if (item) {
          last[style] = item.ordinal;
          continue;
        }
        const previous = last[style];
        if (ordinal === 1 || (previous !== undefined && ordinal === previous + 1)) {
          last[style] = ordinal; // a run the parser did not take up: follow it all the same
          continue;
        }
        if (previous === undefined) continue;
        const end = at + match[0].length;
        if (ordinal > previous + 1 && ordinal <= previous + 1 + MAX_SKIP) {
          const missing = Array.from({ length: ordinal - previous - 1 }, (_, index) => markerText(style, previous + 1 + index));
          report(file, text, { reason: `“${match[0]}” follows “${markerText(style, previous)}”: ${missing.join('、')} missing`, start: at, end });
          last[style] = ordinal;
        } else if (ordinal === previous) {
          report(file, text, { reason: `“${match[0]}” repeats the item before it`, start: at, end });
        }
      }
    }
  }
});

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function markerText(style: EnumerationStyle, ordinal: number): string {
  const numeral = ordinal <= 10 ? NUMERALS[ordinal]! : ordinal < 20 ? `十${NUMERALS[ordinal - 10]}` : String(ordinal);
  return style === 'yishi' ? `${numeral}是` : `第${numeral}`;
}
