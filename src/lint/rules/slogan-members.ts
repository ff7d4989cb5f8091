/**
 * ## slogan-members
 *
 * Flags a known slogan spelt out with a member that is not one of its
 * members, or with a member missing: `四个自信：道路自信、理论自信、制度自信、
 * 文明自信` (文明自信 for 文化自信), `四个意识：政治意识、大局意识、核心意识`
 * (看齐意识 missing).
 *
 * Why: members are fixed wording with sources (dicts/slogans.yaml); a wrong
 * member changes the formula.
 *
 * The list is read right after the slogan (`：` `即` `包括` `（`), as
 * slogan-count-mismatch reads it. A list of which no item is a member is not
 * taken for this slogan's members (it is something else the slogan introduces).
 *
 * ok:
 *     增强“四个意识”：政治意识、大局意识、核心意识、看齐意识。
 *
 * not-ok:
 *     坚定“四个自信”：道路自信、理论自信、制度自信、文明自信。   ← 文明自信, 文化自信 missing
 *
 * Options: none. Fix: none (a wrong member may be a typo or a different list).
 */
import { loadSloganDictionary } from '../../extract/slogan-dictionary.js';
import { defineRule } from '../define-rule.js';
import { report } from '../report.js';
import { spelledOutList } from '../spelled-out-lists.js';

export const sloganMembers = defineRule('slogan-members', ({ file, data, text }) => {
  const dictionary = loadSloganDictionary();
  for (const slogan of data.analysis.slogans) {
    const entry = dictionary.byCanonical.get(slogan.canonical);
    if (!slogan.known || !entry || entry.members.length === 0) continue;
    const list = spelledOutList(text, slogan);
    if (!list) continue;
    const memberOf = (item: string) => entry.members.find((member) => member.text === item || member.variants.includes(item));
    const matched = new Set(list.items.map((item) => memberOf(item.text)).filter((member) => member !== undefined));
    if (matched.size === 0) continue;
    const missing = entry.members.filter((member) => !matched.has(member)).map((member) => member.text);
    const strays = list.items.filter((item) => !memberOf(item.text));
    for (const item of strays) {
      report(file, text, {
        reason: `“${item.text}” is not one of the members of “${entry.canonical}”${missing.length > 0 ? ` (missing: ${missing.join('、')})` : ''}`,
        start: item.start,
        end: item.end,
      });
    }
    if (strays.length === 0 && missing.length > 0 && list.items.length < entry.members.length) {
      report(file, text, { reason: `“${entry.canonical}” is spelt out without ${missing.join('、')}`, start: list.start, end: list.end });
    }
  }
});
