/**
 * ## placeholder-left
 *
 * Flags a blank left from a template: every placeholder the extractor finds
 * (`xx`, `X`, `***`, `x.x`, `20xx`, `××`, `某某`, `□□`, `〇〇`, `＊＊`: SPEC §5 and
 * src/extract/placeholders.ts), and instructions to the writer left in:
 * `（此处填写…）`, `（待补充）`.
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
 * Bracketed instructions to the writer, which are not placeholders of the extractor: an
 * opening bracket, a verb (`（此处填写`), and the rest up to its closing bracket (instructionEnd).
 */
const INSTRUCTION_START = /[（(【\[〔]\s*(?:此处|这里|请)?(?:填写|填入|补充|待定|待补充|待填|待完善)/g;
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

/** The instructions in the regions, as INSTRUCTION_START ending in `[^）)】\]〕\n]{0,40}[）)】\]〕]` would match them. */
function* instructions(text: string, regions: readonly TextRegion[]): Generator<{ raw: string; start: number; end: number }> {
  for (const region of regions) {
    const slice = text.slice(region.start, region.end);
    INSTRUCTION_START.lastIndex = 0;
    for (let match = INSTRUCTION_START.exec(slice); match; match = INSTRUCTION_START.exec(slice)) {
      const end = instructionEnd(slice, match.index + match[0].length);
      if (end === -1) {
        // No instruction starts at this bracket: look on from the next character.
        INSTRUCTION_START.lastIndex = match.index + 1;
        continue;
      }
      INSTRUCTION_START.lastIndex = end;
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
  for (const { raw, start, end } of instructions(text, textRegions(tree))) {
    // An instruction holding a placeholder (`（此处填写xx）`) is one message, the placeholder's.
    if (covered.some(([from, to]) => start < to && from < end)) continue;
    report(file, text, { reason: `Writing instruction left in: “${raw}”`, start, end });
  }
});
