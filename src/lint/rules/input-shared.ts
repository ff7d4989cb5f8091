/**
 * The input checks of the core (src/text/input-checks.ts, the tree builder's long-line) as
 * lint rules with the same ids: the parse already warns; the rule reports the warning at
 * its position.
 */
import type { WarningRule } from '../../diagnostics.js';
import { coreWarnings } from '../core-warnings.js';
import { defineRule, type GongwenLintRule } from '../define-rule.js';
import { report } from '../report.js';

export function inputRule(id: WarningRule): GongwenLintRule {
  return defineRule(id, ({ file, data, text }) => {
    for (const warning of coreWarnings(data, [id])) {
      const end = warning.position?.end.offset ?? warning.offset;
      report(file, text, { reason: warning.message, start: warning.offset, end: Math.max(warning.offset, end) });
    }
  });
}
