/**
 * `lintText`: one analysis, then the configured rules over it, in a unified
 * processor. Messages are VFileMessages in text order.
 */
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import type { SegmenterChoice } from '../segment/segmenter.js';
import { resolveRules } from './config.js';
import { attachAnalysis, gongwenParse } from './parse-plugin.js';
import { RULES, isRuleId } from './rules/index.js';
import type { GongwenFileData, LintConfig, ResolvedRules, RuleSetting } from './types.js';

export interface LintOptions {
  /** Shown in messages and reports; also where `lintFile` looks for a config. */
  filePath?: string;
  /** Default: the recommended preset. */
  config?: LintConfig;
  /** Settings applied over the config (the CLI's `--rule id:off`). */
  overrides?: Record<string, RuleSetting>;
  segmenter?: SegmenterChoice;
}

/** The rules of a resolved configuration as unified plugins with their settings. */
export function rulePlugins(rules: ResolvedRules): PluggableList {
  const plugins: PluggableList = [];
  for (const [id, { severity, options }] of Object.entries(rules)) {
    if (severity === 'off' || !isRuleId(id)) continue;
    plugins.push([RULES[id], options === undefined ? [severity] : [severity, options]]);
  }
  return plugins;
}

export async function lintText(text: string, options: LintOptions = {}): Promise<VFile> {
  const file = new VFile({ value: text, ...(options.filePath ? { path: options.filePath } : {}) });
  const processor = unified()
    .use(gongwenParse, options.segmenter ? { segmenter: options.segmenter } : {})
    .use(rulePlugins(resolveRules(options.config, options.overrides)));
  const tree = processor.parse(file);
  await processor.run(tree, file);
  sortMessages(file);
  return file;
}

/** The same, over an analysis made before (the textlint preset analyses a text once for all its rules). */
export async function lintAnalysis(data: GongwenFileData, rules: ResolvedRules, filePath?: string): Promise<VFile> {
  const file = new VFile({ value: data.text, ...(filePath ? { path: filePath } : {}) });
  const tree = attachAnalysis(file, data);
  await unified().use(rulePlugins(rules)).run(tree as never, file);
  sortMessages(file);
  return file;
}

function sortMessages(file: VFile): void {
  file.messages.sort((a, b) => (a.place && 'start' in a.place ? a.place.start.offset ?? 0 : 0) - (b.place && 'start' in b.place ? b.place.start.offset ?? 0 : 0) || String(a.ruleId).localeCompare(String(b.ruleId)));
}
