/** Actual or target? A metric's stance, read off the announcements and the review sentences around it. */
import type { Stance } from '../types.js';
import { HAN } from '../../text/characters.js';
import { lastIndexAtOrBefore } from '../../text/search.js';
import type { MetricDraft } from './draft.js';
import { allMatches } from './spans.js';

/**
 * In the sentence before the metric: a target is announced
 * (`主要预期目标是：国内生产总值增长6%－6.5%`, `力争年内30％的村…`,
 * `今年计划国内生产总值增长百分之九`, `赤字率拟按3%左右安排`).
 * Not `好于预期`, `完成全年主要目标任务`, `是年度计划的X倍`, `计划经济` (a review
 * of what was done, or 计划 as a noun).
 */
const TARGET_BEFORE =
  `预期目标(?:是|为|定为|定在|：|:)|目标[，,]?(?:是|为|定为|定在)|力争|确保|计划(?=[${HAN}])(?![的经生单体管内外期中规任指数补])|拟` +
  // `今年能源消耗强度要降低3.9%以上`, `粮食产量要稳定在5.5亿吨以上`: 要 before a verb of a level to reach.
  '|要(?=稳定在|保持在|控制在|降低|下降|减少|提高|增长|达到|超过)';
/** Right before the number: `经济增长预期目标6.5%－7%`, `经济增长预期7%左右`, `M2预期增长13%左右`. */
const TARGET_JUST_BEFORE = /预期(?:目标)?(?:增长|增速)?(?:为|是|定为|定在)?$/;
/** Right after: `高于6.5%的预期目标`. */
const TARGET_AFTER = /^(?:左右|以上|以内)?的?(?:预期|增长|发展|奋斗)?目标/;
/** A paragraph that opens by announcing plans: `下一步，X区委将…`. */
export const TARGET_PARAGRAPH_LEAD = /下一步|下步工作|工作打算|工作思路是/;
/** `控制在4.5%以内` announces a ceiling; `涨幅控制在2.6%` in a review states a result. */
const CEILING = /控制在$/;

/**
 * For each position of the paragraph, whether a target was announced earlier
 * in the same sentence (up to 。！？): one pass, so long paragraphs stay linear.
 * Returns a function of the position.
 */
export function targetAnnouncements(text: string): (position: number) => boolean {
  const announced = allMatches(new RegExp(TARGET_BEFORE, 'g'), text).map((found) => found.end);
  if (announced.length === 0) return () => false;
  const sentenceEnds = allMatches(/[。！？!?]/g, text).map((found) => found.start);
  // The last announcement before `position`, with no sentence end after it.
  return (position) => {
    const announcement = lastIndexAtOrBefore(announced, position, itself);
    if (announcement < 0) return false;
    const sentenceEnd = lastIndexAtOrBefore(sentenceEnds, position - 1, itself);
    return sentenceEnd < 0 || sentenceEnds[sentenceEnd]! < announced[announcement]!;
  };
}

export const itself = (value: number) => value;

export function stanceOf(text: string, draft: MetricDraft, targetAnnounced: (position: number) => boolean): Stance {
  if (targetAnnounced(draft.rawStart)) return 'target';
  const before = text.slice(Math.max(0, draft.rawStart - 12), draft.rawStart);
  if (TARGET_JUST_BEFORE.test(before)) return 'target';
  if (CEILING.test(before) && (draft.qualifier === '以内' || draft.qualifier === '以下' || draft.qualifier === '左右')) {
    return 'target';
  }
  if (TARGET_AFTER.test(text.slice(draft.rawEnd, draft.rawEnd + 8))) return 'target';
  return 'actual';
}

/**
 * A sentence opening with `过去一年，` inside plans looks back before it looks ahead
 * (`三、2011年的工作` opens with `过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%…`):
 * its figures, up to a sentence that turns to this year, are results.
 */
const REVIEW_SENTENCE = /(?:^|[。！？])\s*(?:过去一年|过去的一年|去年)[，,]/g;
const TURNS_AHEAD = /今年|明年|力争|目标|计划|要/;

export function reviewsPastYear(text: string, position: number): boolean {
  const leads = allMatches(REVIEW_SENTENCE, text.slice(0, position));
  if (leads.length === 0) return false;
  return !TURNS_AHEAD.test(text.slice(leads[leads.length - 1]!.end, position));
}

export function firstSentence(text: string): string {
  const end = text.search(/[。！？!?]/);
  return end < 0 ? text : text.slice(0, end);
}
