/**
 * MinHash signatures (Broder 1997): for each of n hash functions, the smallest
 * hash over a paragraph's shingles. Two paragraphs agree on one signature slot
 * with probability equal to the Jaccard similarity of their shingle sets.
 *
 * The n functions are h_i(x) = h1(x) + i·h2(x) mod 2^32 with h1, h2 two
 * independent mixes of the shingle hash (the double-hashing construction of
 * Kirsch and Mitzenmacher): each slot costs an add and a compare per shingle,
 * instead of a full hash, which is what makes 10,000 reports take seconds.
 */
import { mix32 } from './hashing.js';

export const DEFAULT_PERMUTATIONS = 64;

/**
 * Writes the signature of the first `count` shingle hashes into `signature` (its length is n).
 * Values are compared as signed 32-bit integers: another total order on the same 2^32 values,
 * so just as good a permutation, and it keeps V8 on small integers (an unsigned value
 * above 2^31 would be a heap number in the inner loop).
 */
export function minhashSignature(shingles: Int32Array, count: number, signature: Int32Array): void {
  signature.fill(0x7fffffff);
  const n = signature.length;
  for (let s = 0; s < count; s++) {
    const x = shingles[s]!;
    let value = mix32(x ^ 0x5bd1e995) | 0;
    // odd, so that the n values h1 + i·h2 are distinct mod 2^32
    const step = mix32(x ^ 0x27d4eb2f) | 1;
    for (let i = 0; i < n; i++) {
      if (value < signature[i]!) signature[i] = value;
      value = (value + step) | 0;
    }
  }
}

/** The Jaccard estimate of two signatures: the share of slots that agree. */
export function estimateJaccard(a: Int32Array, b: Int32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
