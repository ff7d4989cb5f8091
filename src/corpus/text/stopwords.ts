/** The Chinese stop words of the corpus text analyses (dicts/stopwords-zh.txt), loaded once. */
import { readFileSync } from 'node:fs';
import { parseUserWords } from '../../extract/slogan-dictionary.js';

// `../../../dicts/` resolves from both src/corpus/text (tests) and dist/corpus/text (the build).
const STOPWORDS_URL = new URL('../../../dicts/stopwords-zh.txt', import.meta.url);

let cached: ReadonlySet<string> | undefined;

export function chineseStopWords(): ReadonlySet<string> {
  cached ??= new Set(parseUserWords(readFileSync(STOPWORDS_URL, 'utf8'), 'dicts/stopwords-zh.txt'));
  return cached;
}
