/**
 * ## heading-end-punctuation
 *
 * Flags headings of one level that disagree on their end: some end in `。`
 * (a run-in heading, `1.强化统筹谋划。深入学习…`, or a heading line closed with a
 * full stop), others end without one. The minority at the level is flagged.
 *
 * Why: one level, one form; a mix shows sections written at different times
 * or pasted from another report.
 *
 * A level is the headings of one marker style at one depth.
 *
 * ok:
 *     1.强化统筹谋划。深入学习党章党纪党规。
 *     2.坚持问题导向。把落实巡视反馈问题整改作为重要政治任务。
 *
 * not-ok:
 *     1.强化统筹谋划。深入学习党章党纪党规。
 *     2.坚持问题导向
 *     3.压实工作责任。对照考核办法…
 *                            ← 2. ends without 。 where the others have it
 *
 * Options: none. Fix: none (adding 。 or running the heading into its
 * paragraph is the editor's call).
 */
import { toString } from '../../tree/to-string.js';
import { defineRule } from '../define-rule.js';
import { report } from '../report.js';
import { endOf, headingEntries, startOf, type HeadingEntry } from '../walk.js';

const FULL_STOP = /[。.．]$/;

export const headingEndPunctuation = defineRule('heading-end-punctuation', ({ tree, file, text }) => {
  const levels = new Map<string, Array<{ entry: HeadingEntry; stop: boolean }>>();
  for (const entry of headingEntries(tree)) {
    const key = `${entry.section.depth}:${entry.section.marker.style}`;
    const written = toString(entry.heading).trimEnd();
    // Pushed in place: copying the array per heading was quadratic (40,000 headings never finished).
    let level = levels.get(key);
    if (!level) levels.set(key, (level = []));
    level.push({ entry, stop: FULL_STOP.test(written) });
  }
  for (const level of levels.values()) {
    const withStop = level.filter((heading) => heading.stop);
    const without = level.filter((heading) => !heading.stop);
    if (withStop.length === 0 || without.length === 0) continue;
    const flagStops = withStop.length < without.length;
    for (const { entry } of flagStops ? withStop : without) {
      const others = flagStops ? without.length : withStop.length;
      report(file, text, {
        reason: flagStops
          ? `Heading “${entry.section.marker.raw.trim()}${entry.section.text}” ends in 。 where ${others} others of its level do not`
          : `Heading “${entry.section.marker.raw.trim()}${entry.section.text}” ends without 。 where ${others} others of its level end in it`,
        start: startOf(entry.heading),
        end: endOf(entry.heading),
      });
    }
  }
});
