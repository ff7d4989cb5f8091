/**
 * Unquoted summaries of a list just written (SPEC §4): `公平、公开、公正、公认四项要求`,
 * `“学习教育、查纠整改、总结提升”三个环节`. The count the summary states is checked against the
 * items it sums up.
 */
import { ARABIC_DIGITS, charCodeTable, HAN_SCRIPT } from '../text/characters.js';
import { arabicDigitsValue } from '../text/numerals.js';
import { lastAtOrBefore } from '../text/search.js';
import { CLOSING_QUOTES, OPENING_QUOTES, type QuoteSpan } from './quotes.js';
import { chineseCardinalValue, LEADING_ARABIC, NUMERAL_CHAR, ORDINAL_RUN, SLOGAN_CLASSIFIERS } from './slogan-numerals.js';

export interface ListSummary {
  /** Offset of the numeral in the paragraph. */
  start: number;
  text: string;
  count: number;
  items: string[];
  /** What the count should equal: the number of items, or of characters for `N个字`. */
  size: number;
}

/** The Chinese numerals a summary counts with (one to three of them: `十二`, `二十五`). */
const SUMMARY_DIGITS = '一二三四五六七八九十两';
const SUMMARY_NUMERAL = `([${SUMMARY_DIGITS}]{1,3}|[${ARABIC_DIGITS}]{1,2})([${SLOGAN_CLASSIFIERS}])`;
const SUMMARY_NUMERAL_TEST = new RegExp(SUMMARY_NUMERAL);
const SUMMARY_NUMERAL_AT = new RegExp(SUMMARY_NUMERAL, 'y');
/** Char codes a SUMMARY_NUMERAL match starts with. */
const SUMMARY_NUMERAL_FIRST = charCodeTable(SUMMARY_DIGITS + ARABIC_DIGITS);
/** Just before a numeral: it is the end of a larger number or a decimal (`2133个县`, `1.5个百分点`). */
const PART_OF_NUMBER = new RegExp(`[${ARABIC_DIGITS}.．%％]`);
/**
 * Items and formula nouns are Han characters in Unicode's wide sense (HAN_SCRIPT: `〇`,
 * Extension A and the rest included), not only the U+4E00–U+9FFF block the metric rules use.
 */
const HAN_CHARACTER = new RegExp(HAN_SCRIPT, 'u');
const HAN_WORD = new RegExp(`^${HAN_SCRIPT}+$`, 'u');
/** Where a list starts when no opening quote marks it: the previous clause ends here. */
const CLAUSE_BOUNDARY = new Set(['，', '。', '；', '：', '！', '？', ',', ';', ':', '!', '?', '\n', '（', '(', '【', '《', '》']);
const LIST_JOINERS = ['以及', '和', '及', '与'];
const MAX_LIST_LENGTH = 80;
/** A list of two is too often a pair of things (`香港、澳门两个特别行政区`, `省、市两级`). */
const MIN_LIST_ITEMS = 3;

/**
 * Nouns a formula sums its items up as (`四项要求`, `三个导向`, `五大创建评选工作`). A count of
 * things has a concrete noun instead (`鞍山、武汉、包头三大钢铁工业基地`, `深圳、珠海、汕头、厦门
 * 四个经济特区`) and is a measure, not a slogan. `字` counts characters: `“巩固、增强、提升、
 * 畅通”八个字`.
 */
const FORMULA_NOUNS = [
  '要求', '原则', '导向', '环节', '任务', '方针', '主张', '理念', '意识', '精神', '作风', '制度', '机制',
  '工程', '行动', '战略', '布局', '目标', '方面', '层次', '课题', '准则', '办法', '标准', '纪律', '规定',
  '工作', '举措', '措施', '路线', '道路', '问题', '危险', '考验', '自信', '能力', '保障', '体系', '格局',
  '底线', '红线', '控制线', '攻坚战', '运动', '力量', '领域', '重点', '关系', '作用',
  '转变', '变革', '使命', '责任', '方式', '模式', '思路', '优势', '短板', '矛盾', '经验', '清单', '指标',
  '活动', '计划', '政策', '建议', '决定', '步', '关', '字',
];

/**
 * `公平、公开、公正、公认四项要求`: a numeral + 个/项/大/种/条/类/张/支/级 + a formula noun
 * right after a `、`-separated list sums it up. Not after `等` (`…健康名市等五个工作领导小组`:
 * an open list of real things) and not after `的` (`促进经济增长的十项措施`: the list
 * qualifies something else). `quotes` and `dictionaryMatches` are in text order and do not
 * overlap, as pairQuotes and the dictionary scan give them.
 */
export function findListSummaries(
  text: string,
  quotes: readonly QuoteSpan[],
  dictionaryMatches: ReadonlyArray<{ start: number; end: number }>,
): ListSummary[] {
  const summaries: ListSummary[] = [];
  // A summary sums up a `、` list (listBefore): without a `、` there is none.
  if (!text.includes('、')) return summaries;
  // SUMMARY_NUMERAL left to right, as matchAll would find it, trying the sticky regex only
  // where a numeral starts: a scan for the character class costs more than this loop.
  let index = 0;
  while (index < text.length) {
    if (SUMMARY_NUMERAL_FIRST[text.charCodeAt(index)] === 1) {
      SUMMARY_NUMERAL_AT.lastIndex = index;
      const match = SUMMARY_NUMERAL_AT.exec(text);
      if (match !== null) {
        const summary = summaryAt(text, index, match[1] ?? '', index + match[0].length, quotes, dictionaryMatches);
        if (summary !== null) summaries.push(summary);
        index += match[0].length;
        continue;
      }
    }
    index += 1;
  }
  return summaries;
}

/** The summary whose numeral `numeral` starts at `start`, its classifier ending at `classifierEnd`; else null. */
function summaryAt(
  text: string,
  start: number,
  numeral: string,
  classifierEnd: number,
  quotes: readonly QuoteSpan[],
  dictionaryMatches: ReadonlyArray<{ start: number; end: number }>,
): ListSummary | null {
  if ((lastAtOrBefore(dictionaryMatches, start, (found) => found.start)?.end ?? -1) > start) return null;
  if ((lastAtOrBefore(quotes, start, (quote) => quote.contentStart)?.contentEnd ?? -1) > start) return null;
  if (PART_OF_NUMBER.test(text[start - 1] ?? '') || NUMERAL_CHAR.test(text[start - 1] ?? '')) return null;
  if (ORDINAL_RUN.test(text.slice(Math.max(0, start - 12), start))) return null;
  if (!hasEnumerationCommaBefore(text, start)) return null;

  const noun = formulaNounAt(text, classifierEnd);
  if (noun === '') return null;
  if (runsOn(noun, text[classifierEnd + noun.length] ?? '')) return null;
  const count = LEADING_ARABIC.test(numeral) ? arabicDigitsValue(numeral) : chineseCardinalValue(numeral);
  if (count === null || count < 2) return null;
  const readings = listBefore(text, start);
  if (readings.length === 0) return null;
  // `字` counts characters; anything else counts items.
  const size = (items: string[]) => (noun === '字' ? items.join('').length : items.length);
  // Give the list the benefit of the doubt: `…维护世界和平与促进共同发展这三大历史任务` is one
  // item with 与 inside, `阶级斗争、生产斗争和科学实验三大革命运动` three items joined by 和.
  const items = readings.find((reading) => size(reading) === count) ?? readings[0] ?? [];
  if (items.length < MIN_LIST_ITEMS) return null;
  // `前端、中端、后端共提出十二项举措`: a total over the list, not the count of its items.
  if (/共|合计|总计|累计/.test(items.at(-1)!)) return null;
  return { start, text: text.slice(start, classifierEnd + noun.length), count, items, size: size(items) };
}

/** listBefore looks back at most MAX_LIST_LENGTH characters for a `、`: is there one? */
function hasEnumerationCommaBefore(text: string, end: number): boolean {
  for (let i = end - 1; i >= 0 && i >= end - MAX_LIST_LENGTH; i--) if (text.charCodeAt(i) === 0x3001) return true;
  return false;
}

/**
 * Formula nouns that also begin longer words: `重点行业` (重点 qualifies 行业), `关键` (not 关). Before
 * another Han character (not 的/和/与/及) they are that longer word, and the summary counts things.
 */
const NOUNS_THAT_RUN_ON = ['重点', '关'];

/** Whether the formula noun `noun`, followed by `next`, is part of a longer word (`四个关键`, `3个国家级战略性…`). */
function runsOn(noun: string, next: string): boolean {
  if (next === '性') return true; // `战略性`: an adjective
  // A one-character noun only alone (`关`, not `难关`); a longer one at the end of a qualified noun too.
  const isOne = NOUNS_THAT_RUN_ON.some((word) => (word.length === 1 ? noun === word : noun.endsWith(word)));
  return isOne && HAN_CHARACTER.test(next) && !'的和与及'.includes(next);
}

/** The formula noun right after the classifier, longest first (`创建评选工作`), or ''. */
function formulaNounAt(text: string, start: number): string {
  let han = 0;
  while (han < 6 && HAN_CHARACTER.test(text[start + han] ?? '') && text[start + han] !== '的') han += 1;
  for (let length = han; length >= 1; length -= 1) {
    // Does text[start, end) end with a formula noun? Only the nouns ending in its last character can.
    const end = start + length;
    const nouns = FORMULA_NOUNS_BY_LAST_CHAR.get(text[end - 1] ?? '');
    if (nouns?.some((noun) => noun.length <= length && text.startsWith(noun, end - noun.length))) return text.slice(start, end);
  }
  return '';
}

const FORMULA_NOUNS_BY_LAST_CHAR = new Map<string, string[]>();
for (const noun of FORMULA_NOUNS) {
  const last = noun[noun.length - 1]!;
  FORMULA_NOUNS_BY_LAST_CHAR.set(last, [...(FORMULA_NOUNS_BY_LAST_CHAR.get(last) ?? []), noun]);
}

/**
 * The items of the `、` list that ends at `end`, as one or two readings: the last item as
 * written, and split at a joiner when that gives items of the usual length
 * (`生产斗争和科学实验`). Empty when there is no list.
 */
function listBefore(text: string, end: number): string[][] {
  let listEnd = end;
  // `…思想和组织这四个方面`: 这 points back at the list.
  if (text[listEnd - 1] === '这') listEnd -= 1;
  if (CLOSING_QUOTES.has(text[listEnd - 1] ?? '')) listEnd -= 1;
  if (text[listEnd - 1] === '等' || text[listEnd - 1] === '的') return [];

  let listStart = listEnd;
  let openedByQuote = false;
  while (listStart > 0 && end - listStart < MAX_LIST_LENGTH) {
    const ch = text[listStart - 1] ?? '';
    if (CLAUSE_BOUNDARY.has(ch)) break;
    // `“学习教育、查纠整改、总结提升”三个环节`: the opening quote starts the list, unless it
    // only opens one item (`“服务企业”、“服务群众”、“服务基层”三项…`).
    if (OPENING_QUOTES.has(ch) && text[listStart - 2] !== '、') {
      openedByQuote = true;
      break;
    }
    listStart -= 1;
  }
  const segment = text.slice(listStart, listEnd);
  if (!segment.includes('、')) return [];

  const parts = segment.split('、').map(stripQuotes);
  const readings = [parts];
  const split = splitLastItem(parts.at(-1) ?? '');
  if (split !== null) readings.push([...parts.slice(0, -1), ...split]);
  const trimmed = readings.map((reading) => trimFirstItem(reading, openedByQuote)).filter(isFormulaList);
  // Prefer the split reading when its last item has the usual length (`科学实验`, not `和科学实验`).
  const splitReading = trimmed.length === 2 ? trimmed[1] : undefined;
  if (splitReading !== undefined && Math.abs((splitReading.at(-1) ?? '').length - typicalLength(splitReading)) <= 1) {
    trimmed.reverse();
  }
  return trimmed;
}

/** `生产斗争和科学实验` → `生产斗争`, `科学实验`: at the joiner that splits it most evenly. */
function splitLastItem(last: string): [string, string] | null {
  let best: [string, string] | null = null;
  for (const joiner of LIST_JOINERS) {
    for (let at = last.indexOf(joiner); at !== -1; at = last.indexOf(joiner, at + 1)) {
      const head = last.slice(0, at);
      const tail = last.slice(at + joiner.length);
      if (head.length < 2 || tail.length < 2) continue;
      if (best === null || Math.abs(head.length - tail.length) < Math.abs(best[0].length - best[1].length)) best = [head, tail];
    }
  }
  return best;
}

/**
 * The first part may carry the start of the clause: `认真落实公平` → `公平`,
 * `周总理从农业` → `农业`. It is cut after a preposition, or else to the length of the
 * longest other item (items of a formula are written alike).
 */
function trimFirstItem(items: string[], openedByQuote: boolean): string[] {
  let first = items[0] ?? '';
  if (openedByQuote) return items;
  const longest = Math.max(...items.slice(1).map((item) => item.length));
  if (first.length <= longest) return items;
  const preposition = /^.*[从在把对于将由向](?=.{2})/.exec(first);
  if (preposition !== null) first = first.slice(preposition[0].length);
  if (first.length > longest) first = first.slice(first.length - longest);
  return [first, ...items.slice(1)];
}

/** The usual length of the items after the first (the lower median). */
function typicalLength(items: string[]): number {
  const lengths = items.slice(1).map((item) => item.length).sort((a, b) => a - b);
  return lengths[Math.floor((lengths.length - 1) / 2)] ?? 0;
}

function isFormulaList(items: string[]): boolean {
  return items.every(
    (item) =>
      item.length >= 2 &&
      item.length <= 16 &&
      HAN_WORD.test(item) &&
      // Items that are summaries themselves (`社会主义和资本主义两条道路`) make no formula.
      !SUMMARY_NUMERAL_TEST.test(item),
  );
}

function stripQuotes(part: string): string {
  return [...part].filter((ch) => !OPENING_QUOTES.has(ch) && !CLOSING_QUOTES.has(ch)).join('').trim();
}
