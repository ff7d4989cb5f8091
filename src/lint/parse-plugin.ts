/**
 * `gongwenParse`: a unified parser plugin. It analyses the file once (tree,
 * headings, slogans, placeholders, the core's warnings) and leaves the
 * Analysis on `file.data.gongwen`, so every lint rule reads the same findings
 * and none parses again.
 */
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { analyze } from '../analyze.js';
import type { SegmenterChoice } from '../segment/segmenter.js';
import type { RootNode } from '../tree/types.js';
import { toString } from '../tree/to-string.js';
import type { GongwenFileData } from './types.js';

export interface GongwenParseOptions {
  /**
   * Word segmenter for the tree's word level. Default `runs`: no rule reads
   * words, so no dictionary is loaded (a lint starts in ~0.3 s, not ~1.5 s).
   */
  segmenter?: SegmenterChoice;
}

export function gongwenParse(this: Processor, options: GongwenParseOptions = {}): void {
  const segmenter = options.segmenter ?? 'runs';
  // unified's Parser type wants a unist Node; our Root is one (typed more narrowly).
  this.parser = (document: string, file: VFile) => {
    const analysis = analyze(document, { segmenter });
    file.data.gongwen = { text: document, analysis };
    return analysis.tree as never;
  };
  // The tree is lossless, so its text is the input: `processor.process(text)` then works with no
  // other compiler (a later plugin may set its own).
  this.compiler ??= (tree) => toString(tree as unknown as RootNode);
}

/** The analysis `gongwenParse` left on a file; a clear error when a rule runs without it. */
export function lintData(file: VFile): GongwenFileData {
  const data = file.data.gongwen;
  if (!data) throw new Error('gongwen-lint rules need the gongwenParse plugin: use unified().use(gongwenParse)…');
  return data;
}

/** A tree plus analysis made elsewhere (the textlint preset caches one per text). */
export function attachAnalysis(file: VFile, data: GongwenFileData): RootNode {
  file.data.gongwen = data;
  return data.analysis.tree;
}
