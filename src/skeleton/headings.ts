/**
 * Heading markers (SPEC §2) and the depth they take in the outline the
 * document actually builds.
 */
import type { HeadingStyle } from '../tree/types.js';
import { arabicDigitsValue, chineseNumeralValue } from '../text/numerals.js';

export interface HeadingMarkerMatch {
  style: HeadingStyle;
  ordinal: number;
  start: number;
  /** Just past the marker. */
  end: number;
}

/**
 * The heading's own rule on top of the numeral's value (text/numerals.ts): a marker is an
 * ordinal 1–99 written the usual way, 一 … 十, 十一 … 十九, 二十 … 九十九. So `十三五、` (the
 * 13th five-year plan) is no marker, and neither is `两、` though `两` is worth 2.
 */
const CJK = '(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])';
const DIGITS = '[0-9０-９]{1,2}';
const MARKERS: Array<{ style: HeadingStyle; pattern: RegExp; ordinal: (match: RegExpExecArray) => number | null }> = [
  { style: 'cjk', pattern: new RegExp(`(${CJK})[、．]`, 'y'), ordinal: (m) => chineseNumeralValue(m[1]!) },
  { style: 'paren-cjk', pattern: new RegExp(`[（(](${CJK})[）)]`, 'y'), ordinal: (m) => chineseNumeralValue(m[1]!) },
  // `1.5万人` at a line start is a quantity, not a heading: no digit may follow the dot.
  { style: 'arabic', pattern: new RegExp(`(${DIGITS})[.．、](?![0-9０-９])`, 'y'), ordinal: (m) => arabicDigitsValue(m[1]!) },
  { style: 'paren-arabic', pattern: new RegExp(`[（(](${DIGITS})[）)]`, 'y'), ordinal: (m) => arabicDigitsValue(m[1]!) },
  { style: 'circled', pattern: /[①-⑳]/y, ordinal: (m) => m[0].charCodeAt(0) - 0x2460 + 1 },
  { style: 'part', pattern: new RegExp(`第(${CJK})(?:部分|章|篇)`, 'y'), ordinal: (m) => chineseNumeralValue(m[1]!) },
  // `第一，进一步稳定和加强农业` as a line of its own: a heading only by context (see isStandaloneDiyi).
  { style: 'diyi', pattern: new RegExp(`第(${CJK})[，、,]`, 'y'), ordinal: (m) => chineseNumeralValue(m[1]!) },
];
/** `一` alone on its line: the section numbers of some 1950s–60s reports (1960: `\n一\n`). */
const BARE = new RegExp(`^${CJK}$`);

/** The heading marker at `at` (the first visible character of a line), if any. */
export function matchHeadingMarker(text: string, at: number, contentEnd: number): HeadingMarkerMatch | null {
  const first = text[at];
  if (first === undefined) return null;
  for (const { style, pattern, ordinal } of MARKERS) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match || pattern.lastIndex > contentEnd) continue;
    const value = ordinal(match);
    if (value === null || value === 0) continue;
    return { style, ordinal: value, start: at, end: pattern.lastIndex };
  }
  if (contentEnd - at <= 3 && BARE.test(text.slice(at, contentEnd))) {
    const value = chineseNumeralValue(text.slice(at, contentEnd));
    if (value) return { style: 'cjk-bare', ordinal: value, start: at, end: contentEnd };
  }
  return null;
}

/** Usual rank of each style (SPEC §2 table): used only for a style the document has not nested yet. */
const RANK: Record<HeadingStyle, number> = {
  part: 0,
  unnumbered: 0.5,
  cjk: 1,
  'cjk-bare': 1,
  'paren-cjk': 2,
  diyi: 2.5,
  arabic: 3,
  'paren-arabic': 4,
  circled: 5,
};

export type NumberingAnomaly = 'numbering-gap' | 'numbering-repeat' | 'numbering-restart' | 'numbering-mixed-style';

export interface PlacedHeading {
  depth: number;
  anomalies: Array<{ rule: NumberingAnomaly; message: string }>;
}

/**
 * No report nests deeper than 5 levels (fixtures and archive). A numbering restart opens a
 * level only above this depth, so `一、 （一） 一、 （一）…` cannot nest each heading in the
 * one before it: 10,000 levels overflowed the stack of every tree walker.
 */
const DEEPEST_NESTED_RESTART = 12;

interface Level {
  style: HeadingStyle;
  /** Ordinal of the last heading at this level under the current parent. */
  last: number;
  /** The last ordinal before a restart at 1: a later number may continue it (see place). */
  beforeRestart?: number;
}

/**
 * Nesting from what the document does: a style already open on the stack
 * closes everything below it; an unseen style nests under the current heading
 * unless its usual rank is higher, in which case deeper levels are closed first.
 * So `1.` directly under `一、` is depth 2, and under `（一）` depth 3.
 */
export class OutlineNesting {
  private readonly stack: Level[] = [];
  /**
   * Per style, the last level of it that was closed, and how deep it was: 1981 nests `一、…十、`
   * under `（二）`, the reverse of the usual order, so `一、` closes `（二）`; `（三）` then resumes
   * that closed list instead of opening a new level numbered 3.
   */
  private readonly closed = new Map<HeadingStyle, { index: number; last: number }>();
  private readonly styleAtDepth = new Map<number, HeadingStyle>();
  private readonly mixedReported = new Set<string>();

  place(style: HeadingStyle, ordinal: number): PlacedHeading {
    const anomalies: PlacedHeading['anomalies'] = [];
    // The open level of this style: the deepest one, unless an outer one is the one this number
    // continues (1981: `四、` holds its own `一、二、三、`, then `五、` continues the outer list).
    let open = -1;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i]!.style !== style) continue;
      if (open === -1) open = i;
      if (ordinal === this.stack[i]!.last + 1 && ordinal !== 1) {
        open = i;
        break;
      }
    }
    // `一、` restarting at 1 below a deeper heading (1955: lone `一、` items under
    // `第一，`) opens a new level there instead of closing the deeper ones.
    const nestedRestart =
      open >= 0 && open < this.stack.length - 1 && ordinal === 1 && this.stack[open]!.last >= 1 && this.stack.length < DEEPEST_NESTED_RESTART;
    const resumed = open < 0 ? this.closed.get(style) : undefined;
    if (resumed !== undefined && ordinal !== 1 && ordinal === resumed.last + 1 && resumed.index < this.stack.length) {
      this.truncate(resumed.index);
      this.stack.push({ style, last: ordinal });
    } else if (open >= 0 && !nestedRestart) {
      this.truncate(open + 1);
      const level = this.stack[open]!;
      const expected = level.last + 1;
      // 1981: `四、` lists its own `一、二、三、` on the same level, then `五、` continues the outer
      // list: a number that continues the count before the restart is no gap.
      const resumes = level.beforeRestart !== undefined && ordinal === level.beforeRestart + 1 && ordinal !== expected;
      if (ordinal === 1 && level.last > 1) level.beforeRestart = level.last;
      else if (resumes) level.beforeRestart = undefined;
      if (resumes) {
        // continues the outer count: nothing to report
      } else if (ordinal === level.last) anomalies.push({ rule: 'numbering-repeat', message: `Heading number ${ordinal} repeats the one before it.` });
      else if (ordinal === 1 && level.last > 1) anomalies.push({ rule: 'numbering-restart', message: `Numbering restarts at 1 after ${level.last} under the same parent.` });
      // `一、二、 一、二、三、四、 三、` (1986): a number lower than the last resumes an outer list that a
      // same-style inner list interrupted; the nesting cannot tell, so it is a restart, not a gap.
      else if (ordinal < level.last) anomalies.push({ rule: 'numbering-restart', message: `Heading number ${ordinal} follows ${level.last}: an outer list resumed, or numbering restarted.` });
      else if (ordinal !== expected) anomalies.push({ rule: 'numbering-gap', message: `Heading number ${ordinal} follows ${level.last}: expected ${expected}.` });
      level.last = ordinal;
    } else {
      if (!nestedRestart) {
        let keep = this.stack.length;
        while (keep > 0 && RANK[this.stack[keep - 1]!.style] > RANK[style]) keep--;
        this.truncate(keep);
      }
      this.stack.push({ style, last: ordinal });
      if (ordinal !== 1) anomalies.push({ rule: 'numbering-gap', message: `The first heading of this level is numbered ${ordinal}, not 1.` });
    }
    // `第二，` is a heading only when it stands on a line of its own (isStandaloneDiyi): its
    // neighbours written inline are items, so its numbering says nothing about the document's.
    if (style === 'diyi') anomalies.length = 0;
    const depth = this.stack.length;
    const seen = this.styleAtDepth.get(depth);
    if (seen === undefined) this.styleAtDepth.set(depth, style);
    else if (seen !== style && !this.mixedReported.has(`${depth}:${style}`)) {
      this.mixedReported.add(`${depth}:${style}`);
      anomalies.push({ rule: 'numbering-mixed-style', message: `Depth ${depth} uses ${style} markers here but ${seen} elsewhere.` });
    }
    return { depth, anomalies };
  }

  /** Close the levels from `length` on, remembering the last of each style (see `closed`). */
  private truncate(length: number): void {
    for (let i = this.stack.length - 1; i >= length; i--) {
      const level = this.stack[i]!;
      this.closed.set(level.style, { index: i, last: level.last });
    }
    this.stack.length = length;
  }
}
