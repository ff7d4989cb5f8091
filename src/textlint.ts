/**
 * `gongwen/textlint`: the gongwen-lint rules as a textlint rule preset, so the
 * textlint extensions of VS Code and other editors show them as you type.
 *
 * Each textlint rule runs the gongwen-lint rule of the same id on the whole
 * document: the text is analysed once (cached for the rules that follow), the
 * rule's messages are reported at their exact ranges, and the certain fixes
 * are textlint fixes (`textlint --fix`). Works with textlint's plain-text
 * plugin, which hands the rules the file's text unchanged.
 *
 * The types below are the parts of textlint's rule API this module uses
 * (structurally the same as @textlint/types), so that using the preset needs
 * no textlint package at run time beyond textlint itself.
 */
import { analyze } from './analyze.js';
import { lintAnalysis } from './lint/lint.js';
import { RULES, RULE_IDS, type RuleId } from './lint/rules/index.js';
import type { GongwenFileData } from './lint/types.js';

interface TextlintNode {
  type: string;
  range: readonly [number, number];
}
type TextlintPadding = unknown;
interface TextlintFixCommand {
  text: string;
  range: readonly [number, number];
  isAbsolute: boolean;
}
/** The parts of textlint's rule context this preset uses. */
export interface TextlintContextLike {
  Syntax: { Document: string };
  getSource(node?: TextlintNode): string;
  getFilePath(): string | undefined;
  report(node: TextlintNode, error: unknown): void;
  RuleError: new (message: string, details?: { padding?: TextlintPadding; fix?: TextlintFixCommand }) => unknown;
  locator: { range(range: readonly [number, number]): TextlintPadding };
  fixer?: { replaceTextRange(range: readonly [number, number], text: string): TextlintFixCommand };
}
type Reporter = (context: TextlintContextLike, options?: Record<string, unknown>) => Record<string, (node: TextlintNode) => Promise<void> | void>;
/** A fixable textlint rule: `{ linter, fixer }`. */
export interface TextlintFixableRule {
  linter: Reporter;
  fixer: Reporter;
}

/**
 * Analyses of the last few texts, so that the rules of one lint share one analysis (textlint
 * runs every rule on a file; it may lint several files at once, hence more than one).
 */
const cache = new Map<string, GongwenFileData>();
const CACHED_TEXTS = 8;

function analysisOf(text: string): GongwenFileData {
  let data = cache.get(text);
  if (!data) {
    data = { text, analysis: analyze(text, { segmenter: 'runs' }) };
    cache.set(text, data);
    if (cache.size > CACHED_TEXTS) cache.delete(cache.keys().next().value!);
  }
  return data;
}

/** textlint passes `true` for a rule turned on without options. */
function ruleOptions(options: unknown): unknown {
  if (options === null || typeof options !== 'object') return undefined;
  const { severity: _severity, ...rest } = options as Record<string, unknown>;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

function textlintRule(id: RuleId): TextlintFixableRule {
  const reporter =
    (withFixes: boolean): Reporter =>
    (context, options) => ({
      async [context.Syntax.Document](node: TextlintNode) {
        const text = context.getSource(node);
        const settings = ruleOptions(options);
        const file = await lintAnalysis(analysisOf(text), { [id]: settings === undefined ? { severity: 'warn' } : { severity: 'warn', options: settings } }, context.getFilePath());
        for (const message of file.messages) {
          const place = message.place as { start: { offset: number }; end: { offset: number } } | undefined;
          if (!place) continue;
          const range = [place.start.offset, place.end.offset] as const;
          const replacement = message.expected?.[0];
          const fix = withFixes && replacement !== undefined && context.fixer ? context.fixer.replaceTextRange(range, replacement) : undefined;
          context.report(node, new context.RuleError(message.reason, { padding: context.locator.range(range), ...(fix ? { fix } : {}) }));
        }
      },
    });
  return { linter: reporter(false), fixer: reporter(true) };
}

/** The preset: every rule, by the same ids as gongwen-lint. */
export const rules: Record<RuleId, TextlintFixableRule> = Object.fromEntries(RULE_IDS.map((id) => [id, textlintRule(id)])) as Record<RuleId, TextlintFixableRule>;

/** Every rule on; a `.textlintrc` can turn any off (`"gongwen/debris": false`) or give options. */
export const rulesConfig: Record<RuleId, boolean> = Object.fromEntries(RULE_IDS.map((id) => [id, true])) as Record<RuleId, boolean>;

const preset = { rules, rulesConfig };
export default preset;

export { RULES as gongwenLintRules };
