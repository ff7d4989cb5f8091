/**
 * A slogan followed by its members written out: `三个自信：道路自信、理论自信、
 * 制度自信、文化自信`, `“四个意识”即政治意识、大局意识、核心意识、看齐意识`,
 * `四个自信（道路自信、理论自信、制度自信、文化自信）`. Shared by the
 * slogan-count-mismatch and slogan-members rules; it reads the text right
 * after each slogan the analysis found, it does not look for slogans again.
 */
import type { SloganRecord } from '../extract/types.js';
import { CLOSERS, PAIRS } from '../text/characters.js';

export interface SpelledOutList {
  slogan: SloganRecord;
  items: Array<{ text: string; start: number; end: number }>;
  /** [start, end) of the whole list. */
  start: number;
  end: number;
}

/** What may stand between a slogan and its list: a colon, 即, 就是, 包括, an opening bracket. */
const INTRODUCER = /^[”’"」]?\s*(?:[：:]|[（(]|，?(?:即|就是|是指|指的是|包括|分别是))\s*/;
/** The list ends at sentence or clause punctuation, a closing bracket or quote, or the line end. */
const LIST_END = /[。；;，,！？!?）)”\n\r]/;
/** Items are short noun phrases; a longer piece means this is prose, not a member list. */
const MAX_ITEM = 12;

/** `三会一课`, `三河三湖`, `三项政策、一项改革`: a count summed over several numerals; their lists are grouped. */
const COMPOUND = /[一二三四五六七八九十两双0-9][^一二三四五六七八九十两双0-9]+[一二三四五六七八九十两双0-9]/;

/**
 * The list text up to its end (LIST_END) and its pieces split at `、`, in one pass that skips
 * what brackets and quotes enclose (the shared PAIRS table): `市域（郊）铁路`, `县（市、区）` and
 * `“农业+旅游”` are one item each; the `）`, `、` and `”` inside them neither end nor split the list.
 */
function readList(rest: string): { listText: string; pieces: string[] } {
  const pieces: string[] = [];
  let depth = 0;
  let from = 0;
  let i = 0;
  for (; i < rest.length; i++) {
    const ch = rest[i]!;
    if (depth > 0 && CLOSERS.has(ch)) depth--;
    else if (PAIRS.has(ch)) depth++;
    else if (depth === 0 && LIST_END.test(ch)) break;
    else if (depth === 0 && ch === '、') {
      pieces.push(rest.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(rest.slice(from, i));
  return { listText: rest.slice(0, i), pieces };
}

export function spelledOutList(text: string, slogan: SloganRecord): SpelledOutList | null {
  if (COMPOUND.test(slogan.text)) return null;
  const after = slogan.offset + slogan.length;
  const introducer = INTRODUCER.exec(text.slice(after, after + 12));
  if (!introducer) return null;
  const start = after + introducer[0].length;
  const { listText, pieces } = readList(text.slice(start, start + 200));
  // `“四旁”、“五边”：“四旁”为村旁、…`: the text after the colon defines another formula first.
  if (/^[“"‘「][^”"’」]{1,12}[”"’」](?:为|即|是|指)/.test(listText)) return null;
  // Items are separated by 、 outside brackets (`省、州（市）、县（市、区）` is three items);
  // the last may be joined with 和 or 以及 (not 及 alone: 普及).
  if (pieces.length < 2) return null;
  const joined = /^(.{2,}?)(?:和|以及)(.{2,})$/.exec(pieces.at(-1)!);
  if (joined) pieces.splice(-1, 1, joined[1]!, joined[2]!);
  const items: SpelledOutList['items'] = [];
  let cursor = start;
  for (const piece of pieces) {
    const at = text.indexOf(piece, cursor);
    const trimmed = piece.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_ITEM) return null;
    const lead = piece.indexOf(trimmed);
    items.push({ text: trimmed, start: at + lead, end: at + lead + trimmed.length });
    cursor = at + piece.length;
  }
  return { slogan, items, start, end: start + listText.length };
}
