/**
 * The word segmenter behind a small interface, so another engine can be
 * dropped in. nodejieba is the default; @node-rs/jieba (prebuilt, faster to
 * load) and a dictionary-free `runs` segmenter (for outline-only work) ship too.
 */

export interface Segmenter {
  readonly name: string;
  /** Cut `text` into tokens whose concatenation is exactly `text`. */
  cut(text: string): string[];
}

export type SegmenterName = 'nodejieba' | 'node-rs-jieba' | 'runs';
export type SegmenterChoice = SegmenterName | Segmenter;
