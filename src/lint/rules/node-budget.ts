/**
 * ## node-budget
 *
 * Flags a report cut so densely (hundreds of thousands of headings or sentences) that the parser
 * stopped reading it at its node budget: from the line named, the rest is kept as text, and no
 * other rule sees it (the parser's `node-budget`, see docs/reliability.md).
 *
 * Why: no report is that dense; it is generated or broken text, and every message after that line
 * would be missing without this one.
 *
 * ok: any report text. not-ok: 3 MB of `一、` lines.
 *
 * Options: none. Fix: none.
 */
import { inputRule } from './input-shared.js';

export const nodeBudget = inputRule('node-budget');
