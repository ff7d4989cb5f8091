/**
 * Character k-shingles: every run of k consecutive characters of a paragraph,
 * hashed to 32 bits. Chinese has no spaces to shingle words on, and a word is
 * about two characters, so 5 characters span two or three words: long enough
 * that common phrases (`经济社会发展`) do not make unrelated paragraphs similar,
 * short enough that one changed word leaves most shingles intact.
 */
import { combine32 } from './hashing.js';

export const DEFAULT_SHINGLE_SIZE = 5;

/**
 * Hashes of the k-shingles of `text` (UTF-16 code units; a paragraph shorter
 * than k is one shingle), written into `into` (grown when needed); returns the count.
 */
export function shingleHashes(text: string, size: number, into: { buffer: Uint32Array }): number {
  const count = Math.max(1, text.length - size + 1);
  if (into.buffer.length < count) into.buffer = new Uint32Array(Math.max(count, into.buffer.length * 2));
  const buffer = into.buffer;
  for (let start = 0; start < count; start++) {
    let hash = 0x811c9dc5;
    const end = Math.min(text.length, start + size);
    for (let i = start; i < end; i++) hash = combine32(hash, text.charCodeAt(i));
    buffer[start] = hash;
  }
  return count;
}
