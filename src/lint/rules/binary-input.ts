/**
 * ## binary-input
 *
 * Flags text full of control characters (the parser's `binary-input`): a file decoded with
 * the wrong encoding, or not text at all.
 *
 * Why: every other rule would be reading noise.
 *
 * ok: any report text. not-ok: text with many U+0000–U+001F characters.
 *
 * Options: none. Fix: none (decode the file right: `--encoding`).
 */
import { inputRule } from './input-shared.js';

export const binaryInput = inputRule('binary-input');
