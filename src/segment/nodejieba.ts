/**
 * nodejieba (cppjieba), loaded once and lazily, synchronously (it is CommonJS).
 *
 * Traps this wrapper exists for (each seen on this project's machines):
 * - a dictionary path that does not exist aborts the process (SIGABRT): every
 *   path is checked before `load`;
 * - the package's `load()` assigns undeclared globals (`dict`, `userDict`…),
 *   which breaks callers with such a `const`: we call the native binding directly;
 * - a second `load()` drops words added with `insertWord`: we load exactly once;
 * - `cut(s)` without HMM splits every ASCII run into characters: we cut with
 *   HMM on, and numbers/placeholders are protected anyway (see tokens.ts).
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GongwenError } from '../diagnostics.js';
import type { Segmenter } from './segmenter.js';

interface NativeJieba {
  load(dict: string, hmm: string, user: string, idf: string, stop: string): boolean;
  cut(text: string, hmm: boolean): string[];
  insertWord(word: string): boolean;
}

const require = createRequire(import.meta.url);

/**
 * The native binding is process-wide: a second copy of this package (say, a
 * build and its sources in one test run) must reuse it, not load() it again,
 * which would drop every word the first copy inserted.
 */
const SHARED = Symbol.for('gongwen.nodejieba');
type SharedState = { native: NativeJieba; inserted: Set<string> };

/**
 * Whether nodejieba is installed and built here. It is an optional peer dependency: it
 * compiles with node-gyp and its install script needs npm's `yes=true`, so a plain
 * `npm install gongwen` does not bring it (measured: that install fails without it).
 */
export function isNodejiebaAvailable(): boolean {
  try {
    const packageDir = dirname(require.resolve('nodejieba/package.json'));
    return existsSync(join(packageDir, 'build', 'Release', 'nodejieba.node'));
  } catch {
    return false;
  }
}

export function createNodejiebaSegmenter(userWords: readonly string[]): Segmenter {
  const global = globalThis as { [SHARED]?: SharedState };
  let state = global[SHARED];
  if (!state) {
    state = { native: loadNative(), inserted: new Set() };
    global[SHARED] = state;
  }
  const { native, inserted } = state;
  for (const word of userWords) {
    if (inserted.has(word)) continue;
    native.insertWord(word);
    inserted.add(word);
  }
  return {
    name: 'nodejieba',
    cut: (text) => native.cut(text, true),
  };
}

function loadNative(): NativeJieba {
  if (!isNodejiebaAvailable()) {
    throw new GongwenError(
      'SEGMENTER',
      "nodejieba is not installed: it is an optional peer dependency that compiles from source (npm install nodejieba, with python3, make and g++, and npm's yes=true), or choose segmenter: 'node-rs-jieba' (the default without it).",
    );
  }
  try {
    const packageDir = dirname(require.resolve('nodejieba/package.json'));
    const wrapper = require('nodejieba') as Record<string, string>;
    const native = require(join(packageDir, 'build', 'Release', 'nodejieba.node')) as NativeJieba;
    const paths = ['DEFAULT_DICT', 'DEFAULT_HMM_DICT', 'DEFAULT_USER_DICT', 'DEFAULT_IDF_DICT', 'DEFAULT_STOP_WORD_DICT'].map(
      (key) => wrapper[key]!,
    );
    for (const path of paths) {
      if (!existsSync(path)) throw new Error(`dictionary file missing: ${path}`);
    }
    native.load(paths[0]!, paths[1]!, paths[2]!, paths[3]!, paths[4]!);
    return native;
  } catch (cause) {
    throw new GongwenError(
      'SEGMENTER',
      `nodejieba could not be loaded (${(cause as Error).message}). Reinstall with install scripts enabled (npm rebuild nodejieba), or choose segmenter: 'node-rs-jieba'.`,
      { cause },
    );
  }
}
