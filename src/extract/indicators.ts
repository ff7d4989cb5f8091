/**
 * Indicators: the handful of headline figures a 政府工作报告 sets a target
 * for every year and reports on the next (国内生产总值增长5%左右, 城镇新增就业
 * 1200万人左右, 城镇调查失业率5.5%左右, 居民消费价格涨幅2%左右, 赤字率3%左右,
 * 粮食产量1.3万亿斤以上, 单位国内生产总值能耗降低3%左右).
 *
 * Two steps:
 * - `indicatorOf` names the indicator of one metric, read off the words
 *   between the indicator's name and the number (`国内生产总值` … `比上年增长`
 *   … `9.1%`); a metric that only mentions an indicator in passing
 *   (`对全球经济增长的贡献率30%`, `占国内生产总值比重10%`) has none.
 * - `selectIndicatorValues` picks per indicator the main target set for the
 *   coming year and the outcome stated for the past year: five-year figures
 *   (`年均增长7%以上`, `“十三五”时期…`) and comparisons with a distant year
 *   (`比2002年增长65.5%`) are neither.
 */
import type { HeadingRecord, IndicatorId, IndicatorRecord, MetricRecord } from './types.js';
import { toHalfWidthDigits } from '../text/numerals.js';

/**
 * The indicators, in the order `targets` and `outcomes` are listed in, each with the label the
 * corpus tables and charts use in Chinese and in English (one table: a new indicator is a row
 * here and a rule below).
 */
export const INDICATORS: ReadonlyArray<{ id: IndicatorId; label: string; english: string }> = [
  { id: 'gdp-growth', label: '国内生产总值增长', english: 'GDP growth' },
  { id: 'cpi', label: '居民消费价格涨幅', english: 'CPI increase' },
  { id: 'urban-jobs', label: '城镇新增就业', english: 'new urban jobs' },
  { id: 'surveyed-unemployment', label: '城镇调查失业率', english: 'surveyed urban unemployment rate' },
  { id: 'registered-unemployment', label: '城镇登记失业率', english: 'registered urban unemployment rate' },
  { id: 'deficit-ratio', label: '赤字率', english: 'deficit-to-GDP ratio' },
  { id: 'grain-output', label: '粮食产量', english: 'grain output' },
  { id: 'energy-intensity', label: '单位国内生产总值能耗降低', english: 'cut in energy consumption per unit of GDP' },
  { id: 'fiscal-revenue', label: '一般公共预算收入增长', english: 'general public budget revenue growth' },
  { id: 'industry-growth', label: '规模以上工业增加值增长', english: 'growth in value added of industrial enterprises above designated size' },
  { id: 'investment-growth', label: '固定资产投资增长', english: 'fixed-asset investment growth' },
  { id: 'retail-growth', label: '社会消费品零售总额增长', english: 'growth in total retail sales of consumer goods' },
  { id: 'trade-growth', label: '进出口增长', english: 'growth in imports and exports' },
  { id: 'income-growth', label: '居民人均可支配收入增长', english: 'growth in per capita disposable income' },
  { id: 'rd-intensity', label: '研发经费投入强度', english: 'R&D spending as a share of GDP' },
];

export const INDICATOR_IDS: readonly IndicatorId[] = INDICATORS.map((indicator) => indicator.id);

/**
 * One indicator: the names it is written under (the last one before the
 * number wins), the words allowed between that name and the number, and the
 * units it is measured in.
 */
interface IndicatorRule {
  id: IndicatorId;
  names: RegExp;
  /** The whole text between the name and the number must be made of these (see fitsGap). */
  gap: Gap;
  unit: (metric: IndicatorReading) => boolean;
}

/**
 * What may stand between an indicator's name and its figure: an optional lead (a level stated
 * first, a baseline), then any sequence of the words. Matched by fitsGap in linear time: as one
 * regex, `(?:word|word|…)*` over words that share prefixes backtracks exponentially.
 */
interface Gap {
  lead?: RegExp;
  words: readonly string[];
}

const isPercent = (metric: IndicatorReading) => metric.unitKind === 'percent';
const words = (...lists: string[]) => lists.flatMap((list) => list.split('|'));
/** Filler a report may put between an indicator and its figure. */
const FILLER = '按可比价格计算|实际|全年|今年|去年|当年|的|，|,';
/** A target's announcement: `预期目标为`, `的宏观调控目标，定为`, `计划`, `控制在`, `拟按`. */
const ANNOUNCE =
  '宏观调控目标|调控目标|预期目标|主要目标|目标|预期|计划|要求|拟按|拟|要|力争|确保|继续保持|保持在|保持|控制在|稳定在|提高到|下降到|降到|降至|低于|平均为|首次跃上|跃上|定为|定在|为|是|达到|达|在|安排';
/** `国内生产总值达到134.9万亿元、增长5%`, a template's `完成地区生产总值X亿元，同比增长X%`: a level stated first, then the growth. */
const AMOUNT = '(?:[0-9.]+|[xXｘＸ*×□＊]+(?:\\.[xXｘＸ×□＊]+)?)[余多]?(?:万亿|亿|万)?元';
const LEVEL_FIRST = new RegExp(`^(?:从${AMOUNT})?(?:完成|达到|增加到|超过|突破|为|接近)?${AMOUNT}(?:大关)?[，、,]`);
/** A figure of several years still states the indicator: `五年年均增长5.2%`, `城镇新增就业年均1270多万人`. */
const PERIOD = '五年|十年|年均|平均每年|每年';
const BASELINE = '比上年|比去年|同比|较上年';
/** A growth rate's own words. */
const GROWTH = '增长速度|增长率|增长|增速|可比增长|同口径增长|名义增长';

/** An indicator stated as a growth rate in percent, its name followed by filler, a baseline, an announcement and growth words. */
function growthRule(id: IndicatorId, names: RegExp, ...extraWords: string[]): IndicatorRule {
  return { id, names, gap: { words: words(FILLER, BASELINE, ANNOUNCE, GROWTH, ...extraWords) }, unit: isPercent };
}

const RULES: readonly IndicatorRule[] = [
  {
    // Not `单位国内生产总值能耗` (energy intensity), not `占国内生产总值` (a share).
    id: 'gdp-growth',
    names: /(?<![单占与之])(?:国内生产总值|国民生产总值|地区生产总值|生产总值|经济增长速度|经济增长|经济增速|GDP)/g,
    gap: { lead: LEVEL_FIRST, words: words(FILLER, BASELINE, ANNOUNCE, PERIOD, '增长速度|增长率|增长|增速|速度') },
    unit: isPercent,
  },
  {
    id: 'cpi',
    names: /(?:居民消费价格总水平|居民消费价格指数|居民消费价格|消费价格总水平|消费物价|CPI)/g,
    gap: { words: words(FILLER, BASELINE, ANNOUNCE, PERIOD, '涨幅|上涨|涨|指数|回落到|回落至|降到') },
    unit: isPercent,
  },
  {
    id: 'urban-jobs',
    names: /(?:城镇新增就业|新增城镇就业|城镇新增就业人数)/g,
    gap: { words: words(FILLER, ANNOUNCE, PERIOD, '人数|岗位|不低于') },
    unit: (metric) => metric.unitKind === 'person' || /人$/.test(metric.unit),
  },
  {
    id: 'surveyed-unemployment',
    names: /城镇调查失业率/g,
    gap: { words: words(FILLER, ANNOUNCE, '年末|降到|降至|下降到') },
    unit: isPercent,
  },
  {
    id: 'registered-unemployment',
    names: /城镇登记失业率/g,
    gap: { words: words(FILLER, ANNOUNCE, '年末|降到|降至') },
    unit: isPercent,
  },
  {
    id: 'deficit-ratio',
    names: /(?:赤字率|赤字占国内生产总值(?:的)?(?:比重|比例)?)/g,
    // `赤字率从去年的2.1%提高到2.3%`: last year's figure, then this year's;
    // `财政赤字占国内生产总值的比重从2009年的2.8%降到去年的1.5%左右` (2013 report).
    gap: {
      lead: /^从(?:去年|上年|[0-9]{4}年)的(?:[0-9.]+%(?:提高到|降到|下降到)(?:去年|上年|今年)?的?)?/,
      words: words(FILLER, ANNOUNCE, '按|左右'),
    },
    unit: isPercent,
  },
  {
    id: 'grain-output',
    names: /(?:粮食总产量|粮食产量|粮食总产|粮食生产|粮食)/g,
    gap: {
      lead: /^连续[^，。]{0,4}年/,
      words: words(FILLER, ANNOUNCE, BASELINE, '产量|总产量|稳定在|连年|屡创历史新高|再创历史新高|创历史新高|再创新高|增产|增加到|增加'),
    },
    unit: (metric) => metric.unitKind === 'weight' && /[斤吨]$/.test(metric.unit),
  },
  {
    id: 'energy-intensity',
    names: /(?:单位(?:国内|地区)生产总值能耗|单位(?:国内|地区)生产总值能源消耗|单位GDP能耗|能源消耗强度|能耗强度)/g,
    gap: { words: words(FILLER, BASELINE, ANNOUNCE, '比上年|降低|下降|降幅|下降了|减少') },
    unit: isPercent,
  },
  // The main targets local reports add (2025 provincial reports): `一般公共预算收入增长3%左右`,
  // `规模以上工业增加值增长6%以上`, `固定资产投资增长5%`, `社会消费品零售总额增长6%左右`,
  // `进出口增长3%`, `居民人均可支配收入增长6.5%左右`, `研发经费投入强度达到2.85%左右`.
  growthRule('fiscal-revenue', /(?:地方一般公共预算收入|一般公共预算收入|地方财政收入|财政收入)/g),
  growthRule('industry-growth', /(?:规模以上工业增加值|规上工业增加值|全部工业增加值|工业增加值)/g),
  growthRule('investment-growth', /(?:全社会固定资产投资|固定资产投资)/g),
  growthRule('retail-growth', /(?:社会消费品零售总额|社零总额|社零)/g),
  growthRule('trade-growth', /(?:外贸进出口总额|外贸进出口|货物进出口总额|货物进出口|进出口总额|进出口|外贸)/g, '总额'),
  // `城镇和农村常住居民人均可支配收入分别增长6.5%左右、7.5%左右`: the first figure (urban) is read.
  growthRule('income-growth', /(?:全体居民人均可支配收入|(?:城镇和农村|城镇、农村|城乡)?(?:常住)?居民人均可支配收入|城乡居民收入|居民收入)/g, '分别'),
  {
    id: 'rd-intensity',
    // `全社会研发经费支出相当于全市生产总值的比例达到4.5%左右` (Shanghai 2025).
    names: /(?:研究与试验发展经费投入强度|研发经费投入强度|研发投入强度|R&D经费投入强度|R&D投入强度|(?:研究与试验发展|研发)经费(?:支出|投入)(?:相当于|占)[^，。；]{0,4}生产总值的?(?:比例|比重))/g,
    gap: { words: words(FILLER, ANNOUNCE, '提高到|提升到|提升至|达到') },
    unit: isPercent,
  },
];

/** Whether `text` is the gap's lead (if it matches) followed by words only, or words only. */
function fitsGap(gap: Gap, text: string): boolean {
  const lead = gap.lead?.exec(text);
  if (lead && madeOfWords(text.slice(lead[0].length), gap.words)) return true;
  return madeOfWords(text, gap.words);
}

/** Whether `text` is a sequence of `words`: positions reachable from the start, left to right. */
function madeOfWords(text: string, list: readonly string[]): boolean {
  const reachable = new Uint8Array(text.length + 1);
  reachable[0] = 1;
  for (let i = 0; i < text.length; i++) {
    if (reachable[i] !== 1) continue;
    for (const word of list) if (text.startsWith(word, i)) reachable[i + word.length] = 1;
  }
  return reachable[text.length] === 1;
}

/** Any rule's name (the rules' own patterns joined): a metric without one before it has no indicator. */
const ANY_NAME = new RegExp(RULES.map((rule) => rule.names.source).join('|'));
const SENTENCE_ENDS = '。！？；!?;';

/** How far back from the number the indicator's name may be. */
const REACH = 40;

/**
 * The indicator a metric states, or null. `text` is the input from `textStart`
 * on (a paragraph, or the whole input with 0); only the sentence before the
 * number is read, at most REACH characters.
 */
/** What indicatorOf reads of a metric. */
export type IndicatorReading = Pick<MetricRecord, 'placeholder' | 'value' | 'unit' | 'unitKind' | 'offset'>;

export function indicatorOf(text: string, textStart: number, metric: IndicatorReading): IndicatorId | null {
  if (metric.placeholder && metric.value === null && metric.unit === '') return null;
  const end = metric.offset - textStart;
  const window = text.slice(Math.max(0, end - REACH), end);
  // Most metrics name no indicator: one test before the rules.
  if (!ANY_NAME.test(window)) return null;
  // Back to the end of the sentence before (not the parsed sentence: a scan may have broken it in lines).
  let cut = -1;
  for (let i = window.length - 1; i >= 0; i--) {
    if (SENTENCE_ENDS.includes(window[i]!)) {
      cut = i;
      break;
    }
  }
  // Full-width digits (`１９９７年`, `６．５`) read as half-width: the gaps are written with ASCII ones.
  const before = toHalfWidthDigits(window.slice(cut + 1));
  let best: { id: IndicatorId; end: number } | null = null;
  for (const rule of RULES) {
    if (!rule.unit(metric)) continue;
    // The last name of this indicator before the number.
    let end = -1;
    rule.names.lastIndex = 0;
    for (let match = rule.names.exec(before); match !== null; match = rule.names.exec(before)) end = match.index + match[0].length;
    if (end < 0) continue;
    // Scans break lines and leave zero-width spaces inside figures: `74.4⏎\u200b⏎万亿元`.
    const gap = before.slice(end).replace(/[\s\u200b-\u200d\ufeff]+/g, '');
    if (!fitsGap(rule.gap, gap)) continue;
    // Two rules whose names end at the same place (`赤字占国内生产总值`): the later rule is the more specific.
    if (best === null || end >= best.end) best = { id: rule.id, end };
  }
  return best?.id ?? null;
}

/**
 * Words in the sentence before a figure that make it a figure of several years,
 * not of one: `年均增长`, `平均每年`, `今后五年`, `“十三五”时期`, `到2020年`,
 * `五年累计`, `比2010年翻一番`.
 */
const SEVERAL_YEARS =
  /年均|平均每年|每年平均|平均增长|今后[五十三]年|(?<!第)[五十三两]年(?!前|级)|十年|[“"]?[六七八九十][一二三四五]?五[”"]?(?:时期|期间|计划|规划)|五年计划|到(?:19|20)[0-9]{2}年|(?:19|20)[0-9]{2}年(?:到|至|—|－|-)(?:19|20)?[0-9]{2}年|累计/;
/** A comparison with a year, `比2002年增长65.5%`: several years unless it is the year before. */
const BASELINE_YEAR = /比((?:19|20)[0-9]{2})年/;

/** The sentence before a metric, as far back as the sentence starts (full-width digits made half-width). */
function sentenceBefore(text: string, metric: MetricRecord): string {
  return toHalfWidthDigits(text.slice(metric.sentence.start, metric.offset));
}

/** The clause before a metric: back to the last `，` `；` `：` (where `年均`, `到2020年` apply). */
function clauseBefore(text: string, metric: MetricRecord): string {
  const sentence = sentenceBefore(text, metric);
  const cut = Math.max(sentence.lastIndexOf('；'), sentence.lastIndexOf('：'), sentence.lastIndexOf(':'));
  return sentence.slice(cut + 1);
}

/** `赤字率从去年的2.1%提高到2.3%`: the figure after 从…的 is the baseline, not the year's. */
const BASELINE_BEFORE = /从(?:去年|上年|(?:19|20)[0-9]{2}年(?:底|末)?)的?$/;

/** Whether a metric is a figure for one year: the coming one (targets) or the past one (outcomes). */
function isOneYear(text: string, metric: MetricRecord, reportYear: number | null): boolean {
  const clause = clauseBefore(text, metric);
  if (BASELINE_BEFORE.test(clause)) return false;
  if (SEVERAL_YEARS.test(clause)) return false;
  const baseline = BASELINE_YEAR.exec(clause);
  if (baseline !== null && (reportYear === null || Number(baseline[1]) < reportYear - 2)) return false;
  return true;
}

/**
 * A target that is the year's, not the plan's: announced in its sentence with `今年`, `本年` or
 * the year's `主要预期目标是：` (2021: `城镇新增就业1100万人以上` there, not the `城镇新增就业超过
 * 6000万人` of the five-year review before it, nor the plan's `城镇调查失业率控制在5.5%以内`).
 */
const THIS_YEAR = /今年|本年|主要预期目标(?:建议)?是|预期目标(?:建议)?(?:为|是|定为)|调控目标|计划(?=[增要])|拟(?:按|安排)|(?<![五十])年计划/;
/** A sentence that opens a list of the year's targets or budget: the next sentence continues it. */
const CONTINUED = /主要预期目标|拟(?:按|安排)/;

/**
 * The text before a metric back to the end of the previous sentence (。！？ or a line break, not
 * the ； the parser splits at): `今年发展主要预期目标是：国内生产总值增长6%以上；城镇新增就业` for
 * `1100万人以上` (2021 report). At most 200 characters.
 */
function announcementBefore(text: string, metric: MetricRecord): string {
  // 2025 Ningxia: `主要预期目标是：地区生产总值增长5.5%左右。一产、二产…。…城镇调查失业率控制在5.5%左右，
  // 居民消费价格涨幅控制在2%左右。`: the announcement opens its paragraph and holds every sentence of it.
  const paragraph = text.slice(text.lastIndexOf('\n', metric.offset - 1) + 1, metric.offset);
  if (/主要预期目标(?:建议)?(?:是|为)[：:]/.test(paragraph) && paragraph.length <= 600) return paragraph;
  const stop = Math.max(0, metric.offset - 200);
  let start = metric.offset;
  while (start > stop && !'。！？!?\n'.includes(text[start - 1]!)) start--;
  // 2010–2012: `今年国民经济和社会发展的主要预期目标是：` ends the paragraph before the list.
  const previous = text.slice(Math.max(0, start - 80), start).trimEnd();
  if (/[：:]$/.test(previous)) return text.slice(Math.max(0, start - 80), metric.offset);
  // 2016: `…主要预期目标是：…基本同步。单位国内生产总值能耗下降3.4%以上`; 2014: `今年拟安排财政赤字
  // 13500亿元…。…但赤字率稳定在2.1%`: the sentence before opened the list.
  let before = start - 1;
  while (before > stop && !'。！？!?\n'.includes(text[before - 1]!)) before--;
  if (before >= 0 && before < start && CONTINUED.test(text.slice(before, start))) return text.slice(before, metric.offset);
  return text.slice(start, metric.offset);
}

/**
 * Top-level sections that look back on five years (`一、过去五年工作回顾`, `一、“十一五”时期国民经济
 * 和社会发展的回顾`): their figures are five-year totals (2018: `城镇新增就业6600万人以上`) unless
 * their paragraph speaks of the past year (PAST_YEAR).
 */
const FIVE_YEAR_HEADING = /五年|[“"]?[六七八九十][一二三四五]?五[”"]?时期/;
const PAST_YEAR = /过去一年|去年|全年|上年/;

function fiveYearReviews(text: string, headings: readonly Pick<HeadingRecord, 'depth' | 'text' | 'offset'>[]): Array<[number, number]> {
  const top = headings.filter((heading) => heading.depth === 1);
  const ranges: Array<[number, number]> = [];
  top.forEach((heading, index) => {
    if (FIVE_YEAR_HEADING.test(heading.text) && /回顾|成就/.test(heading.text)) ranges.push([heading.offset, top[index + 1]?.offset ?? text.length]);
  });
  return ranges;
}

/** `过去一年`, `去年`, `全年`, or the year before the report's (`刚刚过去的2017年`). */
function speaksOfPastYear(paragraph: string, reportYear: number | null): boolean {
  if (PAST_YEAR.test(paragraph)) return true;
  const written = toHalfWidthDigits(paragraph);
  // A report whose year is not known (no year in its title or byline): a paragraph that opens
  // with a year (`刚刚过去的2017年，`), not one that only names one (`2012年底，…比2007年增加`).
  if (reportYear === null) return /^[\s\u200b]*(?:刚刚过去的)?(?:19|20)[0-9]{2}年[，,]/.test(written);
  return written.includes(`${reportYear - 1}年`);
}

const inRanges = (ranges: ReadonlyArray<[number, number]>, offset: number) => ranges.some(([start, end]) => offset >= start && offset < end);

/** The paragraph before a metric, from its line start. */
function paragraphBefore(text: string, metric: MetricRecord): string {
  return text.slice(text.lastIndexOf('\n', metric.offset - 1) + 1, metric.offset);
}

/** The indicator record of a metric that states one (`metric.indicator` set). */
export function toValue(metric: MetricRecord): IndicatorRecord {
  return {
    indicator: metric.indicator!,
    value: metric.value,
    valueHigh: metric.valueHigh,
    unit: metric.unit,
    qualifier: metric.qualifier,
    raw: metric.raw,
    offset: metric.offset,
  };
}

/**
 * Per indicator, the main target for the coming year and the outcome of the
 * past year, each the first one-year figure of its stance in document order;
 * a target must be announced for this year in its sentence (`今年…主要预期目标是：`,
 * `今年赤字率拟按3%`), or by the paragraph before ending in `：`. Indicators the
 * report states neither way are left out.
 */
export function selectIndicatorValues(
  text: string,
  metrics: readonly MetricRecord[],
  reportYear: number | null,
  headings: readonly Pick<HeadingRecord, 'depth' | 'text' | 'offset'>[] = [],
): { targets: IndicatorRecord[]; outcomes: IndicatorRecord[] } {
  const targets: IndicatorRecord[] = [];
  const outcomes: IndicatorRecord[] = [];
  const reviews = fiveYearReviews(text, headings);
  for (const id of INDICATOR_IDS) {
    const candidates = metrics.filter((metric) => metric.indicator === id && !metric.placeholder && isOneYear(text, metric, reportYear));
    const stated = candidates.filter((metric) => metric.stance === 'target');
    const target = stated.find((metric) => THIS_YEAR.test(announcementBefore(text, metric)));
    if (target !== undefined) targets.push(toValue(target));
    const outcome = candidates.find(
      (metric) => metric.stance === 'actual' && (!inRanges(reviews, metric.offset) || speaksOfPastYear(paragraphBefore(text, metric), reportYear)),
    );
    if (outcome !== undefined) outcomes.push(toValue(outcome));
  }
  return { targets, outcomes };
}
