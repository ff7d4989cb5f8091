/**
 * `parse(text)`: the report tree with its skeleton, headings and inline
 * enumerations. Synchronous; the segmenter loads on first use.
 */
import { withPositions, type Warning } from './diagnostics.js';
import { checkInput } from './text/input-checks.js';
import { buildTree, type RegionAnnotator } from './tree/build.js';
import type { RootNode } from './tree/types.js';
import { getSegmenter } from './segment/engines.js';
import type { SegmenterChoice } from './segment/segmenter.js';
import { runsSegmenter } from './segment/runs.js';
import { resolveLanguage, type LanguageChoice } from './english/detect.js';
import { parseEnglish } from './english/analyze.js';

export interface ParseOptions {
  /**
   * Word segmenter: 'nodejieba' (the default where it is installed: an optional
   * peer dependency), 'node-rs-jieba' (the default otherwise), 'runs' (no
   * dictionary, loads instantly: enough for outlines), or any object implementing
   * `Segmenter`. The GONGWEN_SEGMENTER environment variable sets the default.
   */
  segmenter?: SegmenterChoice;
  /**
   * 'zh', 'en' (an official English translation, read with compromise: src/english/), or
   * 'auto' (the default): English when Latin letters outnumber Chinese characters 4 to 1.
   */
  language?: LanguageChoice;
}

export interface Report {
  tree: RootNode;
  /** The title line(s) as a reader would say it (`政府工作报告`), or null. */
  title: string | null;
  /** `同志们：`, `各位代表：`, or null. */
  salutation: string | null;
  /** Numbering anomalies, unclosed quotes, odd input: data with positions, never thrown. */
  warnings: Warning[];
}

export function parse(text: string, options: ParseOptions = {}): Report {
  return parseWith(text, options);
}

/** How analyze drives the parse: an annotator for inline spans, and whether word nodes are needed. */
export interface ParseInternals {
  annotate?: RegionAnnotator | undefined;
  /** false: no word-level nodes, and no segmenter is loaded (see BuildOptions.words). */
  words?: boolean;
}

export function parseWith(text: string, options: ParseOptions, internals: ParseInternals = {}): Report {
  if (typeof text !== 'string') throw new TypeError(`parse expects a string, got ${text === null ? 'null' : typeof text}`);
  if (resolveLanguage(text, options.language) === 'en') return parseEnglish(text);
  const inputWarnings = checkInput(text);
  const words = internals.words ?? true;
  const segmenter = words ? getSegmenter(options.segmenter) : runsSegmenter;
  const built = buildTree(text, { segmenter, annotate: internals.annotate, words });
  return { tree: built.tree, title: built.title, salutation: built.salutation, warnings: withPositions(text, [...inputWarnings, ...built.warnings]) };
}
