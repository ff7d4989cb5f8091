/**
 * ## long-line
 *
 * Flags a sentence of over 20,000 characters without sentence punctuation, or a line of
 * over a million (the parser's `long-line`): kept as chunks, so not analysed like text.
 *
 * Why: no report has such a sentence; it is a conversion that lost the line ends or the
 * punctuation, and the rules cannot read inside it.
 *
 * ok: any report text. not-ok: 30,000 characters with no 。！？；.
 *
 * Options: none. Fix: none.
 */
import { inputRule } from './input-shared.js';

export const longLine = inputRule('long-line');
