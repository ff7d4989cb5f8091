/**
 * A segmenter without a dictionary: one token per run of the same character
 * class (CJK, Latin/digits, space, punctuation). Loads in no time; used where
 * words do not matter (printing an outline), and as the fallback in tests.
 */
import type { Segmenter } from './segmenter.js';

const RUN = /[\p{Script=Han}\u3007]+|[\p{L}\p{N}_.]+|\s+|[\s\S]/gu;

export const runsSegmenter: Segmenter = {
  name: 'runs',
  cut(text: string): string[] {
    return text.match(RUN) ?? [];
  },
};
