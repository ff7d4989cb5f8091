/**
 * Locality-sensitive hashing by banding (Leskovec, Rajaraman, Ullman, *Mining of
 * Massive Datasets*, §3.4): a signature of b·r slots is cut into b bands of r
 * rows; two paragraphs become candidates when all r rows of at least one band
 * agree. With Jaccard similarity s that happens with probability
 * 1 − (1 − s^r)^b, an S-curve whose steep part sits near (1/b)^(1/r).
 *
 * The index holds no signatures and no text: per band one Float64Array of
 * sorted keys `bandHash · 2^S + position`, where `position` numbers paragraphs
 * in chronological order (document rank, then line). A query is a binary search
 * per band and a walk back over the bucket, so the paragraphs found are the
 * chronologically nearest earlier ones first, and no pair of paragraphs is ever
 * compared unless a band put them in one bucket. 8 bytes per paragraph and band.
 */
import { combine32 } from './hashing.js';
import { GongwenError } from '../../diagnostics.js';

export interface BandingParameters {
  bands: number;
  rows: number;
}

/** 16 bands of 4 rows: the S-curve's midpoint (1/16)^(1/4) = 0.5 Jaccard of 5-shingles. */
export const DEFAULT_BANDING: BandingParameters = { bands: 16, rows: 4 };

/** Probability that two paragraphs of Jaccard similarity `similarity` become candidates. */
export function candidateProbability(similarity: number, { bands, rows }: BandingParameters): number {
  return 1 - (1 - similarity ** rows) ** bands;
}

/** The similarity where the S-curve is steepest, about (1/b)^(1/r). */
export function bandingThreshold({ bands, rows }: BandingParameters): number {
  return (1 / bands) ** (1 / rows);
}

/** Band hashes of one signature (its length must be bands · rows), written at `into[at…at+bands)`. */
export function bandHashes(signature: Int32Array, { bands, rows }: BandingParameters, into: Uint32Array, at: number): void {
  for (let band = 0; band < bands; band++) {
    let hash = band + 1;
    for (let row = 0; row < rows; row++) hash = combine32(hash, signature[band * rows + row]!);
    into[at + band] = hash;
  }
}

/** Float64 represents integers exactly up to 2^53: position bits and hash bits share those 53. */
const EXACT_BITS = 53;

export class BandIndex {
  private readonly keys: Float64Array[];
  private readonly positionScale: number;
  private readonly hashShift: number;

  /**
   * @param hashes band hashes, `bands` per paragraph, paragraphs in chronological position order
   * @param count number of paragraphs
   */
  constructor(hashes: Uint32Array, count: number, readonly bands: number) {
    const positionBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
    const hashBits = Math.min(32, EXACT_BITS - positionBits);
    if (hashBits < 16) throw new GongwenError('USAGE', `reuse: ${count} paragraphs are more than one index can hold (at most 2^37).`);
    this.positionScale = 2 ** positionBits;
    // Fewer hash bits on huge corpora mean more chance collisions in a bucket; verification drops them.
    this.hashShift = 32 - hashBits;
    this.keys = [];
    for (let band = 0; band < bands; band++) {
      const keys = new Float64Array(count);
      for (let position = 0; position < count; position++) {
        keys[position] = (hashes[position * bands + band]! >>> this.hashShift) * this.positionScale + position;
      }
      keys.sort();
      this.keys.push(keys);
    }
  }

  /**
   * Calls `visit(position)` for paragraphs earlier than `position` that share the band's bucket,
   * nearest first, until `visit` has returned true `limit` times (true: it was a usable candidate).
   */
  earlierInBucket(band: number, hash: number, position: number, limit: number, visit: (earlier: number) => boolean): void {
    const keys = this.keys[band]!;
    const bucket = hash >>> this.hashShift;
    const key = bucket * this.positionScale + position;
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (keys[middle]! < key) low = middle + 1;
      else high = middle;
    }
    let taken = 0;
    for (let i = low - 1; i >= 0 && taken < limit; i--) {
      const found = keys[i]!;
      if (Math.floor(found / this.positionScale) !== bucket) break;
      if (visit(found - bucket * this.positionScale)) taken++;
    }
  }
}
