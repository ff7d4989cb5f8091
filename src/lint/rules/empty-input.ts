/**
 * ## empty-input
 *
 * Flags a file that is empty or holds only white space (the parser's `empty-input`).
 *
 * Why: an empty draft is an export or copy that went wrong, not a report.
 *
 * ok: any report text. not-ok: `` (nothing), `\n\n　　\n`.
 *
 * Options: none. Fix: none.
 */
import { inputRule } from './input-shared.js';

export const emptyInput = inputRule('empty-input');
