/**
 * Metrics (SPEC §6): quantities stated as facts — a number, a unit, and what
 * it counts. `召开区委常委会会议7次`, `查处…问题xx起xx人` (two metrics),
 * `国内生产总值增长6%－6.5%`, `近x亿元`, `居全市第x位`.
 *
 * One pass per paragraph: `scanNumbers` finds every number literal, then each
 * literal is kept or dropped by the rules below, read off its neighbours.
 * Dropped: dates (`2021年`, `3月5日`), ordinals (`第xx次党代会`,
 * `十九届六中全会`), numbers in names, quotes and slogans (`“15分钟阅读圈”`,
 * `两个维护`, `十四五`), section markers (`1.`), `一是`.
 *
 * The rules live in metrics/, a file per concern: reading.ts (is it a metric: units, qualifiers),
 * wording.ts (what it counts), stance.ts (actual or target), spans.ts (names and sentences).
 */
import type { MetricRecord, Stance } from './types.js';
import { scanBareMagnitudes, scanNumbers } from './numbers.js';
import { indicatorOf } from './indicators.js';
import type { SectionRole } from '../tree/types.js';
import type { MetricDraft } from './metrics/draft.js';
import { mayBeMetric, readMetric } from './metrics/reading.js';
import { describe } from './metrics/wording.js';
import { TARGET_PARAGRAPH_LEAD, firstSentence, reviewsPastYear, stanceOf, targetAnnouncements } from './metrics/stance.js';
import { isInside, sentenceAt, shieldedSpans } from './metrics/spans.js';

/** A [start, end) range of absolute offsets into the caller's input. */
export interface OffsetRange {
  start: number;
  end: number;
}

export interface MetricContext {
  /** Role of the section holding the paragraph; `plans` makes every metric a target. */
  sectionRole?: SectionRole;
  /** Absolute spans (slogans, quoted names) whose numbers are not metrics. */
  exclude?: readonly OffsetRange[];
  /** The paragraph before announced targets (see announcesTargets): every metric here is a target. */
  targetsAnnounced?: boolean;
  /**
   * The whole input the paragraph is part of: an indicator's name may sit in the line before
   * when a scan broke a figure across lines (`国内生产总值达到74.4⏎​⏎万亿元，增长6.7%`).
   */
  input?: string;
}

/**
 * A paragraph ending in `主要预期目标是：` announces targets in the paragraphs
 * after it (the 2010–2012 政府工作报告 list them one per paragraph).
 */
export function announcesTargets(paragraph: string): boolean {
  // `\s` (U+3000 is in it), not SPACE_RUN: zero-width characters after the colon were never skipped.
  return /(?:预期目标|主要目标|目标任务|目标)(?:是|为)?[：:]\s*$/.test(paragraph);
}

/**
 * The metrics of one paragraph.
 *
 * @param paragraph the paragraph as it is in the original input
 * @param paragraphStart absolute offset of `paragraph` in the input
 * @param sentences the paragraph's sentences, absolute [start, end) ranges
 * @param context section role and spans to leave alone
 */
export function findMetrics(
  paragraph: string,
  paragraphStart: number,
  sentences: readonly OffsetRange[],
  context: MetricContext = {},
): MetricRecord[] {
  const literals = scanNumbers(paragraph);
  // Most paragraphs hold no number at all, or only an article 一 (`进一步`): the shielded
  // spans are only looked for once a literal may be a metric.
  let shielded: Array<[number, number]> | null = null;
  const drafts: MetricDraft[] = [];
  for (let i = 0; i < literals.length; i++) {
    const literal = literals[i]!;
    if (!mayBeMetric(literal)) continue;
    shielded ??= shieldedSpans(paragraph, paragraphStart, context.exclude ?? []);
    if (isInside(shielded, literal.start)) continue;
    const draft = readMetric(paragraph, literal, literals[i + 1]);
    if (draft !== null) drafts.push(draft);
  }
  for (const literal of scanBareMagnitudes(paragraph)) {
    if (literals.some((other) => other.start < literal.end && literal.start < other.end)) continue;
    shielded ??= shieldedSpans(paragraph, paragraphStart, context.exclude ?? []);
    if (isInside(shielded, literal.start)) continue;
    const draft = readMetric(paragraph, literal, undefined);
    // Only with a qualifier (`超千列`, `近亿元`, `万名以上`, `百余个`) or a verb of reaching (`突破百亿元`):
    // `千家万户`, `百家争鸣` have a measure word after a magnitude too.
    if (draft === null || draft.unitKind === 'time') continue;
    if (draft.qualifier !== null || /(?:突破|达到|达|超过|增至|提高到|过)$/.test(paragraph.slice(Math.max(0, literal.start - 4), literal.start))) drafts.push(draft);
  }
  if (drafts.length === 0) return [];
  drafts.sort((a, b) => a.rawStart - b.rawStart);
  describe(paragraph, drafts);
  // Stances: in a `plans` section every metric is a target, and nothing is read off the text.
  const allTargets = context.sectionRole === 'plans' || context.targetsAnnounced === true || TARGET_PARAGRAPH_LEAD.test(firstSentence(paragraph));
  const targetAnnounced = allTargets ? null : targetAnnouncements(paragraph);
  return drafts.map((draft): MetricRecord => {
    const offset = paragraphStart + draft.rawStart;
    const stance: Stance =
      targetAnnounced !== null ? stanceOf(paragraph, draft, targetAnnounced)
      : reviewsPastYear(paragraph, draft.rawStart) ? 'actual'
      : 'target';
    const reading = { placeholder: draft.literal.placeholder, value: draft.literal.value, unit: draft.unit, unitKind: draft.unitKind, offset };
    const indicator = context.input === undefined ? indicatorOf(paragraph, paragraphStart, reading) : indicatorOf(context.input, 0, reading);
    // One object per metric, fields in the JSON's order (long paragraphs hold hundreds of thousands).
    return {
      raw: paragraph.slice(draft.rawStart, draft.rawEnd),
      number: draft.literal.raw,
      value: draft.literal.value,
      valueHigh: draft.literal.valueHigh,
      unit: draft.unit,
      unitKind: draft.unitKind,
      qualifier: draft.qualifier,
      comparison: draft.comparison,
      predicate: draft.predicate,
      subject: draft.subject,
      stance,
      indicator,
      placeholder: draft.literal.placeholder,
      offset,
      sentence: sentenceAt(sentences, offset, paragraphStart, paragraph.length),
    };
  });
}

/** The fields of a record that are read off the text around the number (the rest come from the literal). */
