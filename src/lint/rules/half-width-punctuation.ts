/**
 * ## half-width-punctuation
 *
 * Flags ASCII punctuation in Chinese text: `,` `;` `:` `?` `!` between Chinese
 * characters (`》,指导` for `》，指导`), and ASCII brackets around Chinese
 * (`村(社区)` for `村（社区）`, `规划(2019—2022年)》`).
 *
 * Why: GB/T 15834 sets Chinese text with full-width marks; half-width ones
 * come from pasting or an input method left in English mode.
 *
 * Marks between digits or Latin letters are left alone (`1,200`, `8:30`,
 * `PM2.5`), a mark after a number before Chinese is not (`增长X%;规模以上`), as are heading markers (heading-marker-form's) and brackets with
 * no Chinese inside (`(1)` as an item marker).
 *
 * ok:
 *     深入推进村（社区）党组织建设，指导区工作。
 *
 * not-ok:
 *     深入推进村(社区)党组织建设,指导区工作。   ← ( ) and ,
 *
 * Options: none. Fix: the full-width mark (`，` `；` `：` `？` `！` `（` `）`).
 */
import { defineRule } from '../define-rule.js';
import { matchesIn, textRegions } from '../regions.js';
import { report } from '../report.js';

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/**
 * On the left: a Han character, a Chinese closing mark, or what ends a number or a
 * term inside Chinese text (`增长X%;规模以上`, `PM2.5,空气`); on the right a Han
 * character or a Chinese opening mark. Digits on both sides (`1,200`, `3:1`) never match.
 */
const LEFT = '[\\u4e00-\\u9fff”’》）】」』)%％0-9A-Za-z]';
/** Chinese text on the right: a Han character or a Chinese opening mark. */
const RIGHT = '[\\u4e00-\\u9fff“‘《（【「『]';
/** What ends a line of Chinese text before a mark: a Han character or a Chinese closing mark (not a Latin word: `Hello world!`). */
const CHINESE_END = '[\\u4e00-\\u9fff”’》）】」』]';
const MARK = new RegExp(`(?<=${LEFT})[,;:?!](?=${RIGHT})|(?<=${CHINESE_END})[,;:?!]$`, 'g');
/** An ASCII bracket pair on one line with Chinese inside: `(社区)`, `(2019—2022年)`. */
const BRACKETS = /\(([^()\n]{0,60})\)/g;
const HAS_HAN = /[\u4e00-\u9fff]/;

export const halfWidthPunctuation = defineRule('half-width-punctuation', ({ tree, file, text }) => {
  const regions = textRegions(tree).map((region) => {
    // Heading markers are heading-marker-form's: scan the heading after its marker.
    if (region.node.type !== 'Heading') return region;
    const marker = (region.node as { children: Array<{ type: string; position: { end: { offset?: number } } }> }).children.find((child) => child.type === 'HeadingMarker');
    const after = marker?.position.end.offset ?? region.start;
    return { ...region, start: Math.max(region.start, after) };
  });
  for (const { match, start, end } of matchesIn(text, regions, MARK)) {
    const mark = match[0];
    report(file, text, { reason: `Half-width “${mark}” in Chinese text: write “${FULL_WIDTH[mark]}”`, start, end, fix: FULL_WIDTH[mark]! });
  }
  for (const { match, start, end } of matchesIn(text, regions, BRACKETS)) {
    const inside = match[1]!;
    if (!HAS_HAN.test(inside)) continue;
    report(file, text, { reason: `Half-width brackets around Chinese: write “（${inside}）”`, start, end, fix: `（${inside}）` });
  }
});
