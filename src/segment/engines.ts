/** Segmenter instances, created once per process (per worker thread) and reused. */
import { createNodejiebaSegmenter } from './nodejieba.js';
import { createNodeRsJiebaSegmenter } from './node-rs-jieba.js';
import { runsSegmenter } from './runs.js';
import type { Segmenter, SegmenterChoice, SegmenterName } from './segmenter.js';
import { GongwenError } from '../diagnostics.js';

const cache = new Map<SegmenterName, Segmenter>();

/** Default engine: nodejieba, or the one named by the GONGWEN_SEGMENTER environment variable. */
export function defaultSegmenterName(): SegmenterName {
  const fromEnvironment = process.env.GONGWEN_SEGMENTER;
  if (fromEnvironment === 'nodejieba' || fromEnvironment === 'node-rs-jieba' || fromEnvironment === 'runs') return fromEnvironment;
  return 'nodejieba';
}

/** The segmenter for a choice; jieba engines load lazily with the project's user words. */
export function getSegmenter(choice: SegmenterChoice | undefined, userWords: () => readonly string[]): Segmenter {
  if (typeof choice === 'object') return choice;
  const name = choice ?? defaultSegmenterName();
  let segmenter = cache.get(name);
  if (!segmenter) {
    if (name === 'nodejieba') segmenter = createNodejiebaSegmenter(userWords());
    else if (name === 'node-rs-jieba') segmenter = createNodeRsJiebaSegmenter(userWords());
    else if (name === 'runs') segmenter = runsSegmenter;
    else throw new GongwenError('USAGE', `Unknown segmenter "${String(name)}": use nodejieba, node-rs-jieba or runs.`);
    cache.set(name, segmenter);
  }
  return segmenter;
}
