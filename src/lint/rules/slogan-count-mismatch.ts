/**
 * ## slogan-count-mismatch
 *
 * Flags a numbered slogan whose number is not the number of items written
 * with it: `公平、公开、公正三项要求` (3 stated, the list has 3: ok) against
 * `公平、公开、公正、公认三项要求` (4 listed), and a slogan followed by its
 * members: `三个自信：道路自信、理论自信、制度自信、文化自信` (3 stated, 4 listed).
 *
 * Why: a list extended (文化自信 added in 2016) without updating the numeral,
 * or a member dropped in editing.
 *
 * The list-before form is the extractor's (`slogan-count-mismatch`); the
 * list-after form (`：` `即` `包括` `（`) is read here, right after each slogan
 * of the analysis.
 *
 * ok:
 *     坚定“四个自信”：道路自信、理论自信、制度自信、文化自信。
 *
 * not-ok:
 *     坚定三个自信：道路自信、理论自信、制度自信、文化自信。   ← 3 stated, 4 listed
 *
 * Options: none. Fix: none (which of the number or the list is wrong is the editor's call).
 */
import { coreWarnings } from '../core-warnings.js';
import { defineRule } from '../define-rule.js';
import { report } from '../report.js';
import { spelledOutList } from '../spelled-out-lists.js';

export const sloganCountMismatch = defineRule('slogan-count-mismatch', ({ file, data, text }) => {
  for (const warning of coreWarnings(data, ['slogan-count-mismatch'])) {
    const slogan = data.analysis.slogans.find((candidate) => candidate.offset === warning.offset);
    report(file, text, { reason: warning.message, start: warning.offset, end: slogan ? slogan.offset + slogan.length : warning.offset });
  }
  for (const slogan of data.analysis.slogans) {
    if (slogan.count === null) continue;
    const list = spelledOutList(text, slogan);
    if (!list || list.items.length === slogan.count) continue;
    report(file, text, {
      reason: `“${slogan.text}” stands for ${slogan.count} but ${list.items.length} are listed: ${list.items.map((item) => item.text).join('、')}`,
      start: slogan.offset,
      end: list.end,
    });
  }
});
