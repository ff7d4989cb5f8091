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
import { textRegions, type TextRegion } from '../regions.js';
import { report } from '../report.js';

const KIND_NAMES = { number: 'a number', year: 'a year', name: 'a name' } as const;

/**
 * Blank forms the extractor does not read (yet): runs of ×, ＊ or □ (one × between digits is
 * a multiplication: `3×4`), `某某`, and bracketed instructions to the writer: an opening
 * bracket, a verb (`（此处填写`), and the rest up to its closing bracket (instructionEnd).
 */
const LINT_ONLY_BLANKS = /(?<![0-9０-９])×+(?![0-9０-９])|×{2,}|＊{2,}|□+|某某+|[（(【\[〔]\s*(?:此处|这里|请)?(?:填写|填入|补充|待定|待补充|待填|待完善)/g;
const CLOSING = new Set([...'）)】]〕']);
/** Instructions are short: at most this many characters between the verb and the closing bracket. */
const MAX_INSTRUCTION_REST = 40;

/**
 * Where an instruction whose verb ends at `from` ends: after its closing bracket, the first
 * one, with at most 40 characters before it on the line; -1 without one. A loop, not `[^）)】\]〕\n]{0,40}[）)】\]〕]`
 * in the pattern: that costs at most 40 steps from each bracket, but recheck cannot tell
 * it from quadratic.
 */
function instructionEnd(slice: string, from: number): number {
  for (let at = from; at < slice.length && at <= from + MAX_INSTRUCTION_REST; at++) {
    if (CLOSING.has(slice[at]!)) return at + 1;
    if (slice[at] === '\n') return -1;
  }
  return -1;
}
const INSTRUCTION = /^[（(【\[〔]/;

/** The blanks in the regions, as LINT_ONLY_BLANKS ending in `[^）)】\]〕\n]{0,40}[）)】\]〕]` would match them. */
function* lintOnlyBlanks(text: string, regions: readonly TextRegion[]): Generator<{ raw: string; start: number; end: number }> {
  for (const region of regions) {
    const slice = text.slice(region.start, region.end);
    LINT_ONLY_BLANKS.lastIndex = 0;
    for (let match = LINT_ONLY_BLANKS.exec(slice); match; match = LINT_ONLY_BLANKS.exec(slice)) {
      let end = match.index + match[0].length;
      if (INSTRUCTION.test(match[0])) {
        end = instructionEnd(slice, end);
        if (end === -1) {
          // No blank starts at this bracket: look on from the next character.
          LINT_ONLY_BLANKS.lastIndex = match.index + 1;
          continue;
        }
        LINT_ONLY_BLANKS.lastIndex = end;
      }
      yield { raw: slice.slice(match.index, end), start: region.start + match.index, end: region.start + end };
    }
  }
}

export const placeholderLeft = defineRule('placeholder-left', ({ tree, file, data, text }) => {
  const covered: Array<[number, number]> = [];
  for (const placeholder of data.analysis.placeholders) {
    const end = placeholder.offset + placeholder.raw.length;
    covered.push([placeholder.offset, end]);
    report(file, text, { reason: `Blank left in: “${placeholder.raw}” (${KIND_NAMES[placeholder.kind]} goes here)`, start: placeholder.offset, end });
  }
  for (const { raw, start, end } of lintOnlyBlanks(text, textRegions(tree))) {
    // The extractor may learn these forms (issue 10): one message per blank.
    if (covered.some(([from, to]) => start < to && from < end)) continue;
    report(file, text, { reason: INSTRUCTION.test(raw) ? `Writing instruction left in: “${raw}”` : `Blank left in: “${raw}”`, start, end });
  }
});
