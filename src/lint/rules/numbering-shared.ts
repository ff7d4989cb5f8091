/**
 * The four numbering rules share one shape: the tree builder already reports
 * headings numbered `一、二、四、` (gap), `2. 2.` (repeat), `1. 2. 1.` (restart)
 * and `1.` beside `（一）` at one depth (mixed style); each rule turns the
 * warnings of its id into messages on the heading's marker.
 */
import type { WarningRule } from '../../diagnostics.js';
import { coreWarnings } from '../core-warnings.js';
import { defineRule, type GongwenLintRule } from '../define-rule.js';
import { report } from '../report.js';
import { endOf, headingEntries, startOf } from '../walk.js';

export function numberingRule(id: WarningRule): GongwenLintRule {
  return defineRule(id, ({ tree, file, data, text }) => {
    const markers = new Map(headingEntries(tree).map((entry) => [startOf(entry.marker), entry.marker]));
    for (const warning of coreWarnings(data, [id])) {
      const marker = markers.get(warning.offset);
      const end = marker ? endOf(marker) : warning.offset;
      report(file, text, { reason: warning.message, start: warning.offset, end });
    }
  });
}
