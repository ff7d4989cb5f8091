/**
 * ## placeholder-left
 *
 * Flags a blank left from a template: `xx`, `X`, `***`, `x.x`, `20xx` (what
 * the placeholder extractor finds, SPEC §5), and the forms templates also use
 * that only this rule knows for now: `××`, `某某`, `□□`, `（此处填写…）`,
 * `（待补充）`.
 *
 * Why: the first thing an office checks before a report goes out is that
 * every blank is filled; one `xx` left in is a visible mistake.
 *
 * ok:
 *     召开区委常委会会议7次。
 *
 * not-ok:
 *     召开区委常委会会议xx次，××同志主持。   ← two blanks
 *     （此处填写本单位主要做法）              ← an instruction left in
 *
 * Options: none. Fix: none (only the writer knows what goes in).
 */
import { defineRule } from '../define-rule.js';
import { matchesIn, textRegions } from '../regions.js';
import { report } from '../report.js';

const KIND_NAMES = { number: 'a number', year: 'a year', name: 'a name' } as const;

/**
 * Blank forms the extractor does not read (yet): runs of ×, ＊ or □ (one × between digits is
 * a multiplication: `3×4`), `某某`, and bracketed instructions to the writer.
 */
const LINT_ONLY_BLANKS =
  /(?<![0-9０-９])×+(?![0-9０-９])|×{2,}|＊{2,}|□+|某某+|[（(【\[〔]\s*(?:此处|这里|请)?(?:填写|填入|补充|待定|待补充|待填|待完善)[^）)】\]〕\n]{0,40}[）)】\]〕]/g;

export const placeholderLeft = defineRule('placeholder-left', ({ tree, file, data, text }) => {
  const covered: Array<[number, number]> = [];
  for (const placeholder of data.analysis.placeholders) {
    const end = placeholder.offset + placeholder.raw.length;
    covered.push([placeholder.offset, end]);
    report(file, text, { reason: `Blank left in: “${placeholder.raw}” (${KIND_NAMES[placeholder.kind]} goes here)`, start: placeholder.offset, end });
  }
  for (const { match, start, end } of matchesIn(text, textRegions(tree), LINT_ONLY_BLANKS)) {
    // The extractor may learn these forms (issue 10): one message per blank.
    if (covered.some(([from, to]) => start < to && from < end)) continue;
    const instruction = /^[（(【\[〔]/.test(match[0]);
    report(file, text, { reason: instruction ? `Writing instruction left in: “${match[0]}”` : `Blank left in: “${match[0]}”`, start, end });
  }
});
