/**
 * The word segmenter behind a small interface, so another engine can be
 * dropped in. nodejieba where it is installed (an optional peer dependency),
 * else @node-rs/jieba (prebuilt, faster to load), is the default; a
 * dictionary-free `runs` segmenter (for outline-only work) ships too.
 */

export interface Segmenter {
  readonly name: string;
  /** Cut `text` into tokens whose concatenation is exactly `text`. */
  cut(text: string): string[];
}

export type SegmenterName = 'nodejieba' | 'node-rs-jieba' | 'runs';
export type SegmenterChoice = SegmenterName | Segmenter;
