/**
 * ## numbering-restart
 *
 * Flags numbering that starts again at 1 under the same parent: `1.` `2.` `1.`.
 *
 * Why: two lists pasted together under one heading, or a sub-heading level lost.
 *
 * Detection is the parser's (`numbering-restart`); reported on the marker.
 *
 * ok:
 *     一、工作回顾
 *     1.强化统筹谋划
 *     2.坚持问题导向
 *     二、下步打算
 *     1.持续深化
 *
 * not-ok:
 *     一、工作回顾
 *     1.强化统筹谋划
 *     2.坚持问题导向
 *     1.压实工作责任        ← numbering-restart
 *
 * Options: none. Fix: none.
 */
import { numberingRule } from './numbering-shared.js';

export const numberingRestart = numberingRule('numbering-restart');
