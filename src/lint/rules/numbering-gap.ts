/**
 * ## numbering-gap
 *
 * Flags a heading whose number skips one: `一、` `二、` `四、` (`三、` is missing).
 *
 * Why: a drafting office cuts and merges sections from last year's report; a
 * skipped number is the usual trace of a section removed without renumbering.
 *
 * Detection is the parser's (the `numbering-gap` warning of `parse`); the
 * rule reports it on the heading marker.
 *
 * ok:
 *     一、工作回顾
 *     二、存在问题
 *     三、下步打算
 *
 * not-ok:
 *     一、工作回顾
 *     二、存在问题
 *     四、下步打算          ← numbering-gap at 四、
 *
 * Options: none. Fix: none (renumbering every later heading is an editor's choice).
 */
import { numberingRule } from './numbering-shared.js';

export const numberingGap = numberingRule('numbering-gap');
