/**
 * ## lone-surrogate
 *
 * Flags a lone UTF-16 surrogate (the parser's `lone-surrogate`): half of a character, left
 * by a tool that cut text in the middle of one.
 *
 * Why: it shows as � in print and breaks other tools.
 *
 * ok: `𠀀` (a whole astral character). not-ok: `\uD840` alone.
 *
 * Options: none. Fix: none (the missing half is unknown).
 */
import { inputRule } from './input-shared.js';

export const loneSurrogate = inputRule('lone-surrogate');
