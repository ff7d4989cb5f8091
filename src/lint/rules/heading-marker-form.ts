/**
 * ## heading-marker-form
 *
 * Flags heading markers not written the way GB/T 9704 writes them:
 * `一.` `一．` `一，` (for `一、`), `(一)` `（一)` with ASCII brackets (for
 * `（一）`), `1、` (for `1.`), `(1)` (for `（1）`), and a level that mixes
 * `1.` and `1．`.
 *
 * Why: the standard fixes each level's form; a template or a paste from a
 * web page brings ASCII brackets and stops.
 *
 * `一.` and `一，` are not headings to the parser (a lone `一，` is how a
 * sentence can start); a line that starts with one and is short, like a
 * heading, is flagged here.
 *
 * ok:
 *     一、工作回顾
 *     （一）政治建设
 *     1.强化统筹谋划
 *     （1）学习
 *
 * not-ok:
 *     一.工作回顾          ← 一、
 *     (一)政治建设         ← （一）
 *     1、强化统筹谋划      ← 1.
 *
 * Options: none. Fix: the marker is rewritten in its standard form, keeping
 * its numeral; mixed `1.`/`1．` become the form the level uses most.
 */
import type { ParagraphNode } from '../../tree/types.js';
import { chineseNumeralValue } from '../../text/numerals.js';
import { defineRule } from '../define-rule.js';
import { report } from '../report.js';
import { endOf, headingEntries, nodesOfType, startOf, type HeadingEntry } from '../walk.js';

const CJK_NUMERAL = '[一二三四五六七八九十]{1,3}';
const STANDARD: Array<{ pattern: RegExp; standard: (numeral: string) => string; name: string }> = [
  { pattern: new RegExp(`^(${CJK_NUMERAL})[．.]$`), standard: (n) => `${n}、`, name: 'a 一、 heading' },
  { pattern: /^[（(]([^）)]+)[）)]$/, standard: (n) => `（${n}）`, name: 'a bracketed heading' },
  { pattern: /^([0-9０-９]+)、$/, standard: (n) => `${n}.`, name: 'a 1. heading' },
];

/** A paragraph starting like a heading with the wrong mark: `一.工作回顾`, `二，存在问题`. */
const LOOKS_LIKE_HEADING = new RegExp(`^[ \\t\\u3000]*(${CJK_NUMERAL})([.．，,:：])(?=[\\u4e00-\\u9fff])([^。！？\\n]*)`);
const MAX_HEADING = 40;

export const headingMarkerForm = defineRule('heading-marker-form', ({ tree, file, text }) => {
  const entries = headingEntries(tree);
  for (const entry of entries) {
    const written = entry.marker.value;
    for (const form of STANDARD) {
      const match = form.pattern.exec(written);
      if (!match) continue;
      const standard = form.standard(match[1]!);
      if (standard !== written) {
        report(file, text, { reason: `Heading marker “${written}” is written “${standard}” (GB/T 9704)`, start: startOf(entry.marker), end: endOf(entry.marker), fix: standard });
      }
      break;
    }
  }
  mixedArabicDots(entries, (entry, standard) =>
    report(file, text, { reason: `Heading marker “${entry.marker.value}” differs from the “${standard}” its level uses`, start: startOf(entry.marker), end: endOf(entry.marker), fix: entry.marker.value.replace(/[.．]$/, standard.slice(-1)) }),
  );
  for (const paragraph of nodesOfType<ParagraphNode>(tree, new Set(['ParagraphNode']))) {
    const start = startOf(paragraph);
    const match = LOOKS_LIKE_HEADING.exec(text.slice(start, endOf(paragraph)));
    if (!match || match[3]!.length > MAX_HEADING) continue;
    const ordinal = chineseNumeralValue(match[1]!);
    if (ordinal === null || ordinal < 1 || ordinal > 20) continue;
    const markerStart = start + match.index + match[0].indexOf(match[1]!);
    const markerEnd = markerStart + match[1]!.length + 1;
    report(file, text, { reason: `“${text.slice(markerStart, markerEnd)}” opens a heading: write “${match[1]}、” (GB/T 9704)`, start: markerStart, end: markerEnd, fix: `${match[1]}、` });
  }
});

/** At each depth, `1.` against `1．`: the minority is reported with the majority's form. */
function mixedArabicDots(entries: HeadingEntry[], flag: (entry: HeadingEntry, standard: string) => void): void {
  const byDepth = new Map<number, HeadingEntry[]>();
  for (const entry of entries) {
    if (entry.section.marker.style !== 'arabic' || !/[.．]$/.test(entry.marker.value)) continue;
    // Pushed in place: copying the array per heading was quadratic.
    let level = byDepth.get(entry.section.depth);
    if (!level) byDepth.set(entry.section.depth, (level = []));
    level.push(entry);
  }
  for (const level of byDepth.values()) {
    const ascii = level.filter((entry) => entry.marker.value.endsWith('.'));
    const wide = level.filter((entry) => entry.marker.value.endsWith('．'));
    if (ascii.length === 0 || wide.length === 0) continue;
    const [minority, standard] = ascii.length >= wide.length ? [wide, '1.'] : [ascii, '1．'];
    for (const entry of minority) flag(entry, standard);
  }
}
