/**
 * Front matter (SPEC §1, the preamble's roles): the lines a published report carries around its
 * title before the salutation, which are neither title nor body. Real files (provincial 2025
 * reports, national archive) write them as:
 *   source     `来源：四川日报`, `来源 : 南方日报`
 *   dateline   `——2025年1月16日在辽宁省第十四届人民代表大会第三次会议上`, `----2025年1月15日…`,
 *              `2025年1月20日在安徽省…会议上安徽省人民政府省长 王清宪作政府工作报告`
 *   speaker    `省长 王予波`, `四川省人民政府省长 施小琳`, `自治区主席 艾尔肯·吐尼亚孜`
 *   subtitle   the document type alone under a web page's title: `政府工作报告`
 * A line is judged on its own text; where it may stand is the tree builder's concern.
 */
import type { FrontMatterRole } from '../tree/types.js';

/** Longest line taken as front matter: a dateline with the speaker's office and name runs to ~90 characters. */
const LONGEST_FRONT_MATTER_LINE = 120;

const SOURCE = /^来源\s*[：:]/;
/** A date, with or without the dash that sets a dateline off: `——2025年1月16日`, `----2025年…`, `2025年1月20日`. */
const DATE_START = /^(?:[—－–-]{1,4}\s*)?(?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日/;
/** What a dateline says happened on that date: a speech at a meeting. */
const DATELINE_EVENT = /在.{2,60}(?:会议|會議|大会|大會|会|會)上|讲话|講話|作.{0,8}(?:报告|報告)|的政府工作报告$/;
/** An office and a name, on a short line of their own: `省长 王予波`, `广东省省长 王伟中`. */
const SPEAKER = /^[\p{Script=Han}]{0,24}(?:省长|市长|主席|区长|县长|州长|盟长|旗长|书记|主任|部长|总理)[ \t\u00a0\u2000-\u200a\u3000]*[\p{Script=Han}·]{2,12}$/u;
const SUBTITLE = /^(?:政府)?工作报告$/;

/** The front-matter role of a line's visible text, or null for a line of the title or the body. */
export function frontMatterRole(text: string): FrontMatterRole | null {
  if (text.length === 0 || text.length > LONGEST_FRONT_MATTER_LINE) return null;
  if (SOURCE.test(text)) return 'source';
  if (DATE_START.test(text) && DATELINE_EVENT.test(text) && !/。.+/.test(text)) return 'dateline';
  if (text.length <= 40 && SPEAKER.test(text)) return 'speaker';
  if (SUBTITLE.test(text)) return 'subtitle';
  return null;
}
