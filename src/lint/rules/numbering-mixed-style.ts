/**
 * ## numbering-mixed-style
 *
 * Flags a level of headings that mixes marker styles: `1.` beside `（一）`
 * among the children of one heading, or `一、` beside `（一）` at the top.
 *
 * Why: GB/T 9704 gives each level one style (一、 › （一） › 1. › （1））;
 * mixed styles at a level mean a level was promoted or pasted in.
 *
 * Detection is the parser's (`numbering-mixed-style`); reported on the marker.
 *
 * ok:
 *     一、工作回顾
 *     （一）政治建设
 *     （二）思想建设
 *
 * not-ok:
 *     一、工作回顾
 *     1.强化统筹谋划
 *     （一）政治建设        ← numbering-mixed-style (and heading-level-order)
 *
 * Options: none. Fix: none.
 */
import { numberingRule } from './numbering-shared.js';

export const numberingMixedStyle = numberingRule('numbering-mixed-style');
