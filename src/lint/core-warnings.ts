/**
 * The core's own warnings (src/diagnostics.ts) as lint messages: the parser
 * and the extractors already detect numbering gaps, slogan variants and
 * unbalanced quotes, so those rules only carry the analysis's warnings over.
 */
import type { Warning, WarningRule } from '../diagnostics.js';
import type { GongwenFileData } from './types.js';

/** The analysis's warnings of the given core rules, in document order. */
export function coreWarnings(data: GongwenFileData, rules: readonly WarningRule[]): Warning[] {
  return data.analysis.report.warnings.filter((warning) => rules.includes(warning.rule));
}
