/**
 * ## year-consistency
 *
 * Flags a year that disagrees with the year the report is about. The
 * evidence, in the order it is trusted:
 *
 * - the title: `2022年…工作总结` is about 2022 (a 政府工作报告 titled
 *   `2024年政府工作报告` is delivered in 2024 and looks back on 2023);
 * - a review heading: `一、2023年工作回顾`, `2022年工作开展情况` → that year;
 * - a plans heading: `三、2023年工作重点`, `2024年工作打算` → the year before;
 * - the opening: `2021年，在省委正确领导下…` → that year;
 * - the date line (`——2024年3月5日`, a line `2022年12月20日`): written in the
 *   year reported on or the year after;
 * - explicit 今年 / 去年 / 明年 with a year: `今年（2023年）`, `去年2022年`;
 * - `今年` in what the report did, when the date line is of the year after:
 *   a summary of 2022 dated `2023年1月5日` that says `今年以来` means 2023
 *   (not checked in a 政府工作报告, which is delivered the year after as a rule
 *   and says 今年 of the year it plans).
 *
 * The first piece of evidence fixes the year; every other piece that does not
 * fit is flagged, with the evidence it disagrees with.
 *
 * Why: a report drafted from last year's keeps last year's years: the title
 * says 2023 and a heading still says `2022年工作重点`.
 *
 * ok:
 *     2022年落实全面从严治党主体责任工作总结
 *     …
 *     三、2023年工作重点
 *
 * not-ok:
 *     2022年落实全面从严治党主体责任工作总结
 *     …
 *     三、2022年工作重点        ← plans for 2022 in a report on 2022
 *
 * Options: none. Fix: none (which of the years is right is the editor's call).
 */
import { toHalfWidthDigits } from '../../text/numerals.js';
import type { RootNode, Title } from '../../tree/types.js';
import { defineRule } from '../define-rule.js';
import { report } from '../report.js';
import { endOf, headingEntries, nodesOfType, startOf } from '../walk.js';

interface Evidence {
  /** The year the report is about, as this piece of evidence says. */
  reported: number;
  /** Years it also accepts (a date line written in January is about the year before). */
  accepts: number[];
  what: string;
  start: number;
  end: number;
}

const YEAR = /((?:19|20)[0-9]{2})\s*年/;
const REVIEW = /^((?:19|20)[0-9]{2})年度?(?:国内)?(?:全年)?(?:的)?(?:.{0,12}?)(?:工作回顾|工作总结|工作情况|工作开展情况|主要工作|工作成效|以来|主要做法|工作完成情况)/;
const PLANS = /^((?:19|20)[0-9]{2})年度?(?:.{0,16}?)(?:工作重点|重点工作|工作打算|工作安排|工作思路|工作计划|主要任务|目标任务|总体要求|工作建议|工作部署|主要预期目标)/;
/** The date of a date line, at the first character after its white space (and dash). */
const DATE = /((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日/y;
const DASH = /——|—|-/y;
const INLINE_SPACE = new Set([' ', '\t', '\u3000']);
/** Where `^` of a /m pattern matches after. */
const LINE_TERMINATOR = new Set(['\n', '\r', '\u2028', '\u2029']);
const SPACE = /\s/;
const EXPLICIT = /(今年|去年|明年)[（(]?((?:19|20)[0-9]{2})年/g;

export const yearConsistency = defineRule('year-consistency', ({ tree, file, data, text }) => {
  const plain = toHalfWidthDigits(text); // same length: offsets hold
  const evidence: Evidence[] = [];
  const government = data.analysis.docType === '政府工作报告';

  const title = nodesOfType<Title>(tree, new Set(['Title']))[0];
  if (title) {
    const match = YEAR.exec(plain.slice(startOf(title), endOf(title)));
    if (match) {
      const year = Number(match[1]);
      const start = startOf(title) + match.index;
      evidence.push({ reported: government ? year - 1 : year, accepts: [], what: `the title’s “${match[0]}”`, start, end: start + match[0].length });
    }
  }
  for (const entry of headingEntries(tree)) {
    if (entry.section.depth !== 1) continue;
    const headingText = entry.section.text;
    const review = REVIEW.exec(toHalfWidthDigits(headingText));
    const plans = review ? null : PLANS.exec(toHalfWidthDigits(headingText));
    const match = review ?? plans;
    if (!match) continue;
    const at = plain.indexOf(match[1]!, startOf(entry.heading));
    const year = Number(match[1]);
    evidence.push({
      reported: review ? year : year - 1,
      accepts: [],
      what: `the heading “${entry.section.marker.raw.trim()}${headingText}”`,
      start: at,
      end: at + match[1]!.length + 1,
    });
  }
  const lead = /^\s*((?:19|20)[0-9]{2})年[，,]/.exec(plain.slice(0, 400));
  if (lead) {
    const start = lead.index + lead[0].indexOf(lead[1]!);
    evidence.push({ reported: Number(lead[1]), accepts: [], what: `the opening “${lead[1]}年，”`, start, end: start + lead[1]!.length + 1 });
  }
  // Date lines near the top (a 政府工作报告's byline) or at the end (the signature).
  for (const match of dateLines(plain)) {
    if (match.index > 600 && match.index < plain.length - 300) continue;
    const lineEnd = plain.indexOf('\n', match.index);
    const rest = plain.slice(match.index + match.text.length, lineEnd === -1 ? plain.length : lineEnd);
    if (rest.length > 40) continue; // a sentence that starts with a date, not a date line
    const year = Number(match.year);
    const start = match.index + match.text.indexOf(match.year);
    evidence.push({ reported: year, accepts: [year - 1], what: `the date line “${match.text.trim()}”`, start, end: match.index + match.text.length });
  }
  EXPLICIT.lastIndex = 0;
  for (let match = EXPLICIT.exec(plain); match; match = EXPLICIT.exec(plain)) {
    const year = Number(match[2]);
    // The year it was written in: 今年 2023 → written 2023; 去年 2022 → 2023; 明年 2024 → 2023.
    const written = match[1] === '今年' ? year : match[1] === '去年' ? year + 1 : year - 1;
    evidence.push({ reported: written, accepts: [written - 1], what: `“${match[0]}”`, start: match.index, end: match.index + match[0].length });
  }

  evidence.sort((a, b) => rank(a) - rank(b) || a.start - b.start);
  const reference = evidence[0];
  if (!reference) return;
  const dateLine = evidence.find((piece) => piece.what.startsWith('the date line'));
  if (!government && dateLine && dateLine.reported === reference.reported + 1 && reference !== dateLine) {
    for (const at of thisYearInAchievements(tree, plain)) {
      report(file, text, {
        reason: `“今年” here is ${dateLine.reported} (${dateLine.what}), but the report is on ${reference.reported} (from ${reference.what}): write ${reference.reported}年`,
        start: at,
        end: at + 2,
      });
    }
  }
  for (const piece of evidence.slice(1)) {
    if (piece.reported === reference.reported || piece.accepts.includes(reference.reported)) continue;
    report(file, text, {
      reason: `Year of ${piece.what} does not fit a report on ${reference.reported} (from ${reference.what})`,
      start: piece.start,
      end: piece.end,
    });
  }
});

/**
 * The matches of /^[ \t\u3000]*(?:——|—|-)?\s*((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日/gm,
 * found in linear time. The pattern is quadratic: on a run of tabs its two starred spaces
 * split the run every way, and its \s* crosses lines, so from every line start of a run of
 * blank lines it reads to the run's end. Here the end of each run of white space is found
 * once (calls come in increasing order), and each line start is tried once.
 */
function* dateLines(plain: string): Generator<{ index: number; text: string; year: string }> {
  let spaceFrom = -1;
  let spaceTo = -1;
  /** The first character at or after `at` that is not \s (plain.length if none). */
  const spaceEnd = (at: number): number => {
    if (at < spaceFrom || at > spaceTo) {
      spaceFrom = at;
      spaceTo = at;
      while (spaceTo < plain.length && SPACE.test(plain[spaceTo]!)) spaceTo++;
    }
    return spaceTo;
  };
  const dateAt = (at: number) => {
    DATE.lastIndex = at;
    return DATE.exec(plain);
  };
  for (let lineStart = 0; lineStart < plain.length; ) {
    let end = -1;
    // Without a dash, the spaces are all \s*; a dash can only follow the inline spaces of the line.
    let inline = lineStart;
    while (inline < plain.length && INLINE_SPACE.has(plain[inline]!)) inline++;
    const bare = spaceEnd(lineStart);
    let date = dateAt(bare);
    if (!date && bare === inline) {
      DASH.lastIndex = inline;
      if (DASH.test(plain)) date = dateAt(spaceEnd(DASH.lastIndex));
    }
    if (date) {
      end = date.index + date[0].length;
      yield { index: lineStart, text: plain.slice(lineStart, end), year: date[1]! };
    }
    // The next line start, after the match if there was one.
    let next = end === -1 ? lineStart : end;
    while (next < plain.length && !LINE_TERMINATOR.has(plain[next]!)) next++;
    lineStart = next + 1;
  }
}

/** Offsets of `今年` in the preamble and in sections about what was done (role achievements). */
function thisYearInAchievements(tree: RootNode, plain: string): number[] {
  const found: number[] = [];
  const scan = (start: number, end: number) => {
    for (let at = plain.indexOf('今年', start); at !== -1 && at < end; at = plain.indexOf('今年', at + 2)) found.push(at);
  };
  for (const child of tree.children) {
    if (child.type === 'Preamble') scan(startOf(child), endOf(child));
    if (child.type === 'Section' && child.role === 'achievements') scan(startOf(child), endOf(child));
  }
  return found;
}

/** Title first, then headings, the opening, date lines, explicit 今年/去年. */
function rank(piece: Evidence): number {
  const order = ['the title', 'the heading', 'the opening', 'the date line', '“'];
  return order.findIndex((prefix) => piece.what.startsWith(prefix));
}
