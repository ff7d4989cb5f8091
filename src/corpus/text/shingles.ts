/**
 * Character k-shingles: every run of k consecutive characters of a paragraph,
 * hashed to 32 bits. Chinese has no spaces to shingle words on, and a word is
 * about two characters, so 5 characters span two or three words: long enough
 * that common phrases (`经济社会发展`) do not make unrelated paragraphs similar,
 * short enough that one changed word leaves most shingles intact.
 */
import { mix32 } from './hashing.js';

export const DEFAULT_SHINGLE_SIZE = 5;

/** Base of the rolling polynomial hash (odd, so multiplication by it is invertible mod 2^32). */
const BASE = 0x01000193;

/**
 * Hashes of the k-shingles of `text` (UTF-16 code units; a paragraph shorter
 * than k is one shingle), written into `into` (grown when needed); returns the count.
 * A rolling polynomial hash (Rabin–Karp) over the window, mixed once per shingle:
 * each character is added and removed once, whatever k.
 */
export function shingleHashes(text: string, size: number, into: { buffer: Int32Array }): number {
  const length = text.length;
  const window = Math.min(size, length);
  const count = Math.max(1, length - size + 1);
  if (into.buffer.length < count) into.buffer = new Int32Array(Math.max(count, into.buffer.length * 2));
  const buffer = into.buffer;
  // BASE^(window − 1): the weight of the character leaving the window.
  let leaving = 1;
  for (let i = 1; i < window; i++) leaving = Math.imul(leaving, BASE);
  let hash = 0;
  for (let i = 0; i < window; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  buffer[0] = mix32(hash) | 0;
  for (let start = 1; start < count; start++) {
    hash = (hash - Math.imul(text.charCodeAt(start - 1), leaving)) | 0;
    hash = (Math.imul(hash, BASE) + text.charCodeAt(start + window - 1)) | 0;
    buffer[start] = mix32(hash) | 0;
  }
  return count;
}
