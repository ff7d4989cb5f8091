/**
 * 32-bit hashing for shingles and MinHash: MurmurHash3's finalizer (a bijection
 * on 32-bit integers with good avalanche), written out with Math.imul so it
 * stays in small integers and allocation-free.
 */

/** MurmurHash3 fmix32: every input bit affects every output bit. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines a running hash with one more 32-bit value (order matters). */
export function combine32(hash: number, value: number): number {
  return mix32((Math.imul(hash ^ value, 0x9e3779b1) + 0x7f4a7c15) | 0);
}
