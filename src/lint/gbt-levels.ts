/**
 * GB/T 9704-2012 (党政机关公文格式) §7.3.3: headings go 一、 › （一） › 1. › （1）.
 * The rank of each marker style in that order; styles outside it have none.
 */
import type { AnyHeadingStyle } from '../tree/types.js';

// The English styles (I., (a)) are outside the standard: no rank.
const RANKS: Partial<Record<AnyHeadingStyle, number>> = { cjk: 1, 'paren-cjk': 2, arabic: 3, 'paren-arabic': 4, circled: 5 };

export function gbtRank(style: AnyHeadingStyle): number | undefined {
  return RANKS[style];
}

/** How the standard writes the first marker of a style, for messages. */
export const STYLE_EXAMPLES: Record<AnyHeadingStyle, string> = {
  cjk: '一、',
  'paren-cjk': '（一）',
  arabic: '1.',
  'paren-arabic': '（1）',
  circled: '①',
  part: '第一部分',
  diyi: '第一，',
  'cjk-bare': '一',
  unnumbered: '(a line without a marker)',
  roman: 'I.',
  'paren-latin': '(a)',
};
