/**
 * ## numbering-repeat
 *
 * Flags a heading numbered like the one before it at its level: `2.` `2.`.
 *
 * Why: a section copied from a template and not renumbered.
 *
 * Detection is the parser's (`numbering-repeat`); reported on the marker.
 *
 * ok:
 *     1.强化统筹谋划
 *     2.坚持问题导向
 *
 * not-ok:
 *     1.强化统筹谋划
 *     1.坚持问题导向        ← numbering-repeat at the second 1.
 *
 * Options: none. Fix: none.
 */
import { numberingRule } from './numbering-shared.js';

export const numberingRepeat = numberingRule('numbering-repeat');
