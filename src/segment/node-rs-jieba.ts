/** @node-rs/jieba (jieba-rs): prebuilt from the registry, ~10× faster to load than nodejieba. */
import { createRequire } from 'node:module';
import { GongwenError } from '../diagnostics.js';
import type { Segmenter } from './segmenter.js';

const require = createRequire(import.meta.url);

/** Frequency given to user words: high enough to win over the default dictionary's splits. */
const USER_WORD_FREQUENCY = 100_000;

export function createNodeRsJiebaSegmenter(userWords: readonly string[]): Segmenter {
  let jieba: { cut(text: string, hmm: boolean): string[]; loadDict(dict: Uint8Array): void };
  try {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  } catch (cause) {
    throw new GongwenError('SEGMENTER', `@node-rs/jieba could not be loaded (${(cause as Error).message}).`, { cause });
  }
  // Dictionary lines are `word freq tag`; words with spaces cannot be expressed and are skipped.
  const lines = userWords.filter((word) => !/\s/.test(word)).map((word) => `${word} ${USER_WORD_FREQUENCY} n`);
  if (lines.length > 0) jieba.loadDict(Buffer.from(lines.join('\n') + '\n'));
  return {
    name: 'node-rs-jieba',
    cut: (text) => jieba.cut(text, true),
  };
}
