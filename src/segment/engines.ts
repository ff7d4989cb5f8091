/** Segmenter instances, created once per process (per worker thread) and reused. */
import { createNodejiebaSegmenter, isNodejiebaAvailable } from './nodejieba.js';
import { createNodeRsJiebaSegmenter } from './node-rs-jieba.js';
import { runsSegmenter } from './runs.js';
import type { Segmenter, SegmenterChoice, SegmenterName } from './segmenter.js';
import { GongwenError } from '../diagnostics.js';
import { segmenterUserWords } from '../extract/slogan-dictionary.js';

const cache = new Map<SegmenterName, Segmenter>();

/**
 * Default engine: the one named by the GONGWEN_SEGMENTER environment variable, else
 * nodejieba where it is installed (the reference cppjieba), else @node-rs/jieba, which
 * every install has (a prebuilt binary from the registry, no toolchain).
 */
export function defaultSegmenterName(): SegmenterName {
  const fromEnvironment = process.env.GONGWEN_SEGMENTER;
  if (fromEnvironment === 'nodejieba' || fromEnvironment === 'node-rs-jieba' || fromEnvironment === 'runs') return fromEnvironment;
  return isNodejiebaAvailable() ? 'nodejieba' : 'node-rs-jieba';
}

/**
 * The segmenter for a choice. jieba engines load lazily, once per thread, with
 * the project's user words (slogans and report vocabulary from dicts/), so
 * `两个维护` and `区委常委会` come out as single words whoever asks first.
 */
export function getSegmenter(choice: SegmenterChoice | undefined): Segmenter {
  if (typeof choice === 'object') return choice;
  const name = choice ?? defaultSegmenterName();
  let segmenter = cache.get(name);
  if (!segmenter) {
    if (name === 'nodejieba') segmenter = createNodejiebaSegmenter(segmenterUserWords());
    else if (name === 'node-rs-jieba') segmenter = createNodeRsJiebaSegmenter(segmenterUserWords());
    else if (name === 'runs') segmenter = runsSegmenter;
    else throw new GongwenError('USAGE', `Unknown segmenter "${String(name)}": use nodejieba, node-rs-jieba or runs.`);
    cache.set(name, segmenter);
  }
  return segmenter;
}
