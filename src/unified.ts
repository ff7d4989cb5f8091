/**
 * `gongwen/unified`: gongwen as a unified parser, and its lint rules as a preset.
 *
 *     const file = await unified().use(gongwenParse).use(gongwenLintRecommended).process(text)
 *
 * (`gongwenParse` also sets a compiler that writes the text back unchanged, so `process` works;
 * `lintText` from `gongwen/lint` does the same in one call.)
 */
import type { Preset } from 'unified';
import { recommended } from './lint/presets.js';
import { RULES, RULE_IDS } from './lint/rules/index.js';

export { gongwenParse, type GongwenParseOptions } from './lint/parse-plugin.js';
export { RULES as gongwenLintRules } from './lint/rules/index.js';

/** Every rule at its recommended severity. */
export const gongwenLintRecommended: Preset = {
  plugins: RULE_IDS.map((id) => [RULES[id], [recommended[id]]] as const) as unknown as Preset['plugins'],
};
