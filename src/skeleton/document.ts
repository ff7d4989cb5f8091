/**
 * What kind of report this is and which year it is about, from its title and
 * opening lines.
 */
import type { Report } from '../parse.js';
import { toHalfWidthDigits } from '../text/numerals.js';

export type DocType = '政府工作报告' | '工作报告' | '情况报告' | '工作总结' | '述职报告' | '报告' | '总结';

const DOC_TYPES: readonly DocType[] = ['政府工作报告', '述职报告', '情况报告', '工作总结', '工作报告', '总结', '报告'];
const YEAR = /((?:19|20)[0-9]{2})\s*年/;

export function describeDocument(text: string, report: Pick<Report, 'title'>): { docType: DocType | null; year: number | null } {
  const opening = text.slice(0, 600);
  let docType: DocType | null = null;
  if (report.title) docType = DOC_TYPES.find((type) => report.title!.includes(type)) ?? null;
  // 政府工作报告 are often scraped without a title: `各位代表：…向大会报告政府工作`.
  if (docType === null && /政府工作报告|报告政府工作|作政府工作报告/.test(opening)) docType = '政府工作报告';

  let year: number | null = null;
  // Full-width digits (`１９９７年`) read like half-width ones.
  const title = report.title ? toHalfWidthDigits(report.title) : null;
  const head = toHalfWidthDigits(opening);
  const fromTitle = title ? YEAR.exec(title) : null;
  // A 政府工作报告's byline: `——2024年3月5日在第十四届全国人民代表大会第二次会议上`.
  const byline = /——\s*((?:19|20)[0-9]{2})年[0-9]{1,2}月[0-9]{1,2}日/.exec(head);
  // Or its first section looks back on the year before: `一、2018年工作回顾`.
  const review = /一、\s*((?:19|20)[0-9]{2})年(?:国内)?工作(?:的)?回顾/.exec(toHalfWidthDigits(text.slice(0, 3000)));
  // Or the body opens with the year reported on: `2021年，在省委正确领导下…`.
  // `\s` (U+3000 is in it), not SPACE_RUN: a zero-width character before the year was never skipped.
  const lead = /^\s*((?:19|20)[0-9]{2})年[，,]/m.exec(head);
  if (fromTitle) year = Number(fromTitle[1]);
  else if (byline) year = Number(byline[1]);
  else if (review) year = Number(review[1]) + 1;
  else if (lead) year = Number(lead[1]);
  return { docType, year };
}
