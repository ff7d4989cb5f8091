/**
 * Every gongwen-lint rule is made here, with `unified-lint-rule`: the rule
 * function gets the finished tree, the file and its options, and reads the
 * analysis `gongwenParse` left on the file. Messages come out with
 * `source: 'gongwen-lint'`, the rule id, and the severity of the config.
 */
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import type { RootNode } from '../tree/types.js';
import type { GongwenFileData } from './types.js';
import { lintData } from './parse-plugin.js';

export const LINT_SOURCE = 'gongwen-lint';

/** What a rule is given: the tree, the analysis, the original text, and a way to report. */
export interface RuleContext<Options> {
  tree: RootNode;
  file: VFile;
  data: GongwenFileData;
  /** The original input (offsets in the tree index into it). */
  text: string;
  options: Options;
}

export type RuleCheck<Options> = (context: RuleContext<Options>) => void;

/** A unified plugin taking a rule setting (`'warn'`, `['error', options]`…). */
export type GongwenLintRule = ReturnType<typeof lintRule>;

export function defineRule<Options = undefined>(id: string, check: RuleCheck<Options>): GongwenLintRule {
  return lintRule<never, Options>(
    { origin: `${LINT_SOURCE}:${id}` },
    (tree, file, options) => {
      const data = lintData(file);
      check({ tree: tree as unknown as RootNode, file, data, text: data.text, options: options as Options });
    },
  ) as unknown as GongwenLintRule;
}
