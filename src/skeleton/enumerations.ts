/**
 * Inline enumerations (SPEC §3): `一是…。二是…。`, `第一，…第二，…`, `其一，…`,
 * inline `（1）…（2）…` inside a paragraph. They are list items, not headings.
 */
import type { EnumerationStyle } from '../tree/types.js';
import { arabicDigitsValue, chineseNumeralValue } from '../text/numerals.js';

export interface EnumerationMarkerMatch {
  style: EnumerationStyle;
  ordinal: number;
  marker: string;
  start: number;
  end: number;
}

const MARKER = /([一二三四五六七八九十]{1,3})是|第([一二三四五六七八九十]{1,3})(?=[，,、：:])|其([一二三四五六七八九十]{1,3})(?=[，,、：:])|[（(]([0-9０-９]{1,2})[）)]/g;
/**
 * A marker counts only where an item can begin: at the start of the paragraph
 * or after punctuation or space. This keeps `统一是` or `第二是` out.
 */
const BOUNDARY_BEFORE = /[。！？；：，、;:,.\s\u3000”’）)】]/;

export type EnumerationCarry = Partial<Record<EnumerationStyle, number>>;

/**
 * Item markers of one paragraph [start, end), in order. A marker is kept when
 * its ordinal starts a run (1) or continues the run of its style, also across
 * paragraphs of the same section (`carry`, updated in place).
 */
export function findEnumerationMarkers(text: string, start: number, end: number, carry: EnumerationCarry): EnumerationMarkerMatch[] {
  const found: EnumerationMarkerMatch[] = [];
  const slice = text.slice(start, end);
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(slice); match; match = MARKER.exec(slice)) {
    const at = start + match.index;
    if (at > start && !BOUNDARY_BEFORE.test(text[at - 1]!)) continue;
    const [style, ordinal] = ordinalOf(match);
    if (ordinal === null) continue;
    const last = carry[style] ?? 0;
    if (ordinal !== 1 && ordinal !== last + 1) continue;
    carry[style] = ordinal;
    found.push({ style, ordinal, marker: match[0], start: at, end: at + match[0].length });
  }
  return found;
}

/** The ordinal is the numeral's value; a run with none (`十三五是`: a plan, not a 45th item) is no marker. */
function ordinalOf(match: RegExpExecArray): [EnumerationStyle, number | null] {
  if (match[1]) return ['yishi', chineseNumeralValue(match[1])];
  if (match[2]) return ['diyi', chineseNumeralValue(match[2])];
  if (match[3]) return ['qiyi', chineseNumeralValue(match[3])];
  return ['paren-arabic', arabicDigitsValue(match[4]!)];
}
