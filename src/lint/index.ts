/**
 * gongwen-lint: rules for drafts of work reports, as unified-lint-rule plugins
 * over the finished tree. See README "Linting drafts".
 */
export { lintText, lintAnalysis, rulePlugins, type LintOptions } from './lint.js';
export { findConfig, loadConfig, readConfigFile, validateConfig, resolveRules, type FoundConfig } from './config.js';
export { applyFixes, applyFixesDetailed, fixesOf, type FixResult } from './fix.js';
export { recommended } from './presets.js';
export { RULES, RULE_IDS, isRuleId, type RuleId } from './rules/index.js';
export { gongwenParse, type GongwenParseOptions } from './parse-plugin.js';
export { LINT_SOURCE, type GongwenLintRule } from './define-rule.js';
export type { LintConfig, RuleSetting, Severity, ResolvedRules, GongwenFileData } from './types.js';
