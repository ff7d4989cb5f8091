/**
 * Numbered slogans (数字化提法, SPEC §4) in one paragraph of a report.
 *
 * Three kinds are found, in one pass each over the paragraph:
 *
 * 1. dictionary forms (dicts/slogans.yaml), quoted or not, anywhere in the text, leftmost
 *    and longest first, through a character trie built once from the dictionary;
 * 2. quoted phrases that start with a numeral and are at most 12 characters long, unless
 *    they are a measure, a date or ordinal, an idiom or a plain term (the rules are in
 *    `judgeQuotedPhrase`, each with the report quirk it exists for), and templates whose
 *    numeral is a placeholder (`“X+X”方案`, `“X个一”工作方案`);
 * 3. unquoted summaries of a list just written: `公平、公开、公正、公认四项要求`.
 *
 * Offsets are absolute: the caller passes the paragraph and where it starts in the input.
 */
import type { Warning } from '../diagnostics.js';
import type { SloganRecord } from './types.js';
import { loadSloganDictionary, type SloganDictionary, type SloganEntry, type SloganFormKind } from './slogan-dictionary.js';

/** How a slogan was recognised. */
export type SloganOrigin = 'dictionary' | 'quoted' | 'template' | 'list-summary';

/** A slogan with what the detector knows beyond the public record. */
export interface SloganFinding extends SloganRecord {
  origin: SloganOrigin;
  /** The dictionary entry, for dictionary forms. */
  entry: SloganEntry | null;
  /** How the written form relates to the entry (a variant or wrong form gets a warning). */
  formKind: SloganFormKind | null;
  /** For a list summary, the items of the list it sums up (`公平`, `公开`, …). */
  members: string[] | null;
}

export interface SloganFindings {
  slogans: SloganFinding[];
  warnings: Warning[];
}

/** SPEC §4: a quoted phrase is a slogan candidate only up to this many characters. */
export const MAX_QUOTED_SLOGAN_LENGTH = 12;
/**
 * A quote that has not closed within this many characters is taken as unclosed, so a stray
 * `“` never swallows the rest of the paragraph (`落实“三级递进整改机制，查摆…`). Long enough
 * for a quoted list (`“筑牢政治忠诚、清除害群之马、整治顽瘴痼疾、弘扬英模精神”`).
 */
export const MAX_QUOTE_LENGTH = 40;

/** The public records and warnings of a paragraph that starts at `offset` in the input. */
export function findSlogans(text: string, offset: number): { slogans: SloganRecord[]; warnings: Warning[] } {
  const { slogans, warnings } = findSloganDetails(text, offset);
  return { slogans: slogans.map(toRecord), warnings };
}

/** Like `findSlogans`, with each finding's origin, dictionary entry and list members. */
export function findSloganDetails(text: string, offset: number): SloganFindings {
  const matcher = getMatcher();
  const quotes = pairQuotes(text);
  const slogans: SloganFinding[] = [];
  const warnings: Warning[] = [];

  const dictionaryMatches = matcher.scan(text);
  for (const match of dictionaryMatches) {
    const quoted = quotes.some((quote) => match.start >= quote.contentStart && match.end <= quote.contentEnd);
    const written = text.slice(match.start, match.end);
    slogans.push({
      text: written,
      canonical: match.entry.canonical,
      count: match.entry.count,
      quoted,
      known: true,
      offset: offset + match.start,
      length: match.end - match.start,
      origin: 'dictionary',
      entry: match.entry,
      formKind: match.kind,
      members: null,
    });
    if (match.kind !== 'canonical') {
      const relation = match.kind === 'wrong' ? 'a wrong form' : 'a variant';
      warnings.push(warning('slogan-variant', `“${written}” is ${relation} of the slogan “${match.entry.canonical}”.`, offset + match.start));
    }
  }

  const overlapsDictionary = (start: number, end: number) =>
    dictionaryMatches.some((match) => match.start < end && start < match.end);

  for (const quote of quotes) {
    const raw = text.slice(quote.contentStart, quote.contentEnd);
    // Spaces just inside the quotes are not part of the slogan: `“ 双拥 ”`.
    const leading = raw.length - raw.trimStart().length;
    const content = raw.trim();
    const start = quote.contentStart + leading;
    const end = start + content.length;
    if (content === '' || [...content].length > MAX_QUOTED_SLOGAN_LENGTH) continue;
    // `“三会一课”`, `“两新组织”`: the dictionary already reported the slogan inside.
    if (overlapsDictionary(start, end)) continue;
    const verdict = judgeQuotedPhrase(content);
    if (verdict.kind === 'not-a-slogan') continue;
    slogans.push({
      text: content,
      canonical: content,
      count: verdict.count,
      quoted: true,
      known: false,
      offset: offset + start,
      length: content.length,
      origin: verdict.kind === 'template' ? 'template' : 'quoted',
      entry: null,
      formKind: null,
      members: null,
    });
  }

  for (const summary of findListSummaries(text, quotes, dictionaryMatches)) {
    slogans.push({
      text: summary.text,
      canonical: summary.text,
      count: summary.count,
      quoted: false,
      known: false,
      offset: offset + summary.start,
      length: summary.text.length,
      origin: 'list-summary',
      entry: null,
      formKind: null,
      members: summary.items,
    });
    if (summary.count !== summary.size) {
      const what = summary.size === summary.items.length ? 'items' : 'characters';
      warnings.push(
        warning(
          'slogan-count-mismatch',
          `“${summary.text}” says ${summary.count} but sums up ${summary.size} ${what} (${summary.items.join('、')}).`,
          offset + summary.start,
        ),
      );
    }
  }

  slogans.sort((a, b) => a.offset - b.offset);
  warnings.sort((a, b) => a.offset - b.offset);
  return { slogans, warnings };
}

function toRecord(finding: SloganFinding): SloganRecord {
  const { text, canonical, count, quoted, known, offset, length } = finding;
  return { text, canonical, count, quoted, known, offset, length };
}

function warning(rule: Warning['rule'], message: string, offset: number): Warning {
  return { rule, message, offset, source: 'gongwen' };
}

// ------------------------------------------------------------------------------- numerals

/** Characters that start or make up a numeral in a slogan. 双 counts 2 (`双减`, `一岗双责`). */
const CJK_NUMERAL_VALUES: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CJK_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CJK_NUMERAL_CHARS = '零〇一二三四五六七八九十百千万两';
const NUMERAL_CHAR = new RegExp(`[${CJK_NUMERAL_CHARS}双0-9０-９]`);
const LEADING_CJK_NUMERAL = new RegExp(`^[${CJK_NUMERAL_CHARS}]+`);
const LEADING_ARABIC = /^[0-9０-９]+/;
const ALL_CJK_NUMERAL_RUNS = new RegExp(`[${CJK_NUMERAL_CHARS}]+|双`, 'g');

/**
 * Value of a Chinese cardinal (`三`, `十二`, `三十二`, `一百五十六`, `两万`), or null when
 * the run is not a cardinal but a code: `十四五` (the 14th five-year plan), `九五`, `五四`,
 * `七一` (dates), `三二一` (an ordering). Two digits in a row make a code.
 */
export function chineseCardinalValue(numeral: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of numeral) {
    const value = CJK_NUMERAL_VALUES[ch];
    if (ch === '零' || ch === '〇') {
      if (digit !== null) return null;
      continue;
    }
    if (value !== undefined) {
      if (digit !== null) return null;
      digit = value;
      continue;
    }
    const unit = CJK_UNITS[ch];
    if (unit !== undefined) {
      if (unit >= lastUnit) return null;
      section += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
      continue;
    }
    if (ch === '万') {
      section += digit ?? 0;
      total += (section === 0 ? 1 : section) * 10_000;
      section = 0;
      digit = null;
      lastUnit = Infinity;
      continue;
    }
    return null;
  }
  return total + section + (digit ?? 0);
}

/** Value of Arabic digits, half- or full-width (`１５` → 15). */
function arabicValue(digits: string): number {
  const halfWidth = digits.replace(/[０-９]/g, (ch) => String.fromCharCode((ch.codePointAt(0) ?? 0) - 0xfee0));
  return Number(halfWidth);
}

// ----------------------------------------------------------------- quoted-phrase rules

/** Measure words and units: a numeral before one of these counts real things or time. */
const MEASURE_UNITS = [
  // `“15分钟就医服务圈”`, `“15分钟阅读圈”`, `“百亩葡萄园”`, `“千名专家服务基层”`
  '分钟', '小时', '天', '日', '周', '月', '年', '周年', '岁', '后',
  '平方公里', '平方米', '立方米', '公里', '千米', '米', '亩', '公顷', '吨', '斤', '克',
  '万元', '亿元', '元', '角', '人次', '人', '名', '户', '家', '所', '座', '栋', '间',
  // `“一号文件”` is an ordinal; `“十九届六中全会”` a date
  '届', '次', '号', '期', '批', '倍', '套', '部', '本', '册', '篇', '件', '起', '中全会',
  // `“九星级”` is a grade, not a slogan (but `“五星支部”` is)
  '根', '把', '星级', '里', '%', '％', '‰',
].sort((a, b) => b.length - a.length);

/** Measure words that make a numbered slogan: `三个代表`, `四项要求`, `十大工程`, `三十条`. */
const SLOGAN_CLASSIFIERS = '个项大种条类张支级';

/**
 * Idioms and fixed phrases that start with a numeral but count nothing, when quoted.
 * Unquoted, only dictionary forms are slogans, so these never match there.
 */
const IDIOMS = new Set([
  '三番五次', '三令五申', '三心二意', '三思而行', '三五成群', '三天打鱼两天晒网', '四面八方', '四通八达',
  '四两拨千斤', '五湖四海', '五花八门', '六神无主', '七上八下', '七嘴八舌', '八仙过海', '九牛一毛',
  '九死一生', '十全十美', '十拿九稳', '百花齐放', '百家争鸣', '百花齐放、百家争鸣', '百尺竿头',
  '百折不挠', '百战百胜', '千方百计', '千家万户', '千锤百炼', '千变万化', '千里之行', '万众一心',
  '万无一失', '万紫千红', '万古长青', '两袖清风', '两全其美', '两面人', '两面派', '双管齐下',
  '百废俱兴', '百废待兴', '一方水土养一方人', '一方水土难养一方人', '一心一意', '一五一十', '一举两得',
  '一石二鸟', '一箭双雕',
]);

/** Ordinary words that start with a numeral character: `“双方”`, `“双语”`, `“两难”`, `“万一”`. */
const PLAIN_WORD_PREFIXES = ['双方', '双向', '双重', '双边', '双赢', '双语', '双休', '两难', '万一', '千万', '万般'];

export type QuotedVerdict =
  | { kind: 'slogan'; count: number | null }
  | { kind: 'template'; count: null }
  | { kind: 'not-a-slogan'; reason: string };

const not = (reason: string): QuotedVerdict => ({ kind: 'not-a-slogan', reason });

/**
 * Is the content of a short quote (`“三项建设”` → `三项建设`) a numbered slogan? Called for
 * quotes of at most 12 characters that the dictionary does not know.
 */
export function judgeQuotedPhrase(phrase: string): QuotedVerdict {
  // Templates leave the numeral blank: `“X+X”方案`, `“X个一”工作方案`. Not `“X贤榜样”` (a
  // name blank: X is a place) or `“xx分钟服务圈”` (a measure).
  if (/^[XxＸｘ]{1,3}(?:[+＋]|[个项种条类])/.test(phrase)) return { kind: 'template', count: null };
  if (!NUMERAL_CHAR.test(phrase[0] ?? '')) return not('does not start with a numeral');
  // A sentence, not a name: `“一要吃饭，二要建设”`, `“万般皆下品，唯有读书高”`.
  if (/[，。；！？,;!?]/.test(phrase)) return not('a sentence');
  if (IDIOMS.has(phrase)) return not('an idiom');
  if (PLAIN_WORD_PREFIXES.some((word) => phrase.startsWith(word))) return not('a plain word');
  // A description, not a name: `“四清四不清的矛盾”`.
  if (phrase.includes('的')) return not('a descriptive phrase');

  const arabic = LEADING_ARABIC.exec(phrase)?.[0];
  if (arabic !== undefined) return judgeArabicLed(phrase, arabic);

  // `双减`, `双拥`, `双报到`: 双 alone stands for 2.
  const numeral = phrase.startsWith('双') ? '双' : (LEADING_CJK_NUMERAL.exec(phrase)?.[0] ?? '');
  const rest = phrase.slice(numeral.length);
  // A bare number is an ordinal or a date: `“十五”`计划, `“八七”`扶贫攻坚计划.
  if (rest === '') return not('a bare number');
  const value = numeral === '双' ? 2 : chineseCardinalValue(numeral);
  // Not a cardinal: a plan, a date or an ordering (`“十四五”`, `“九二共识”`, `“五四运动”`, `“三二一”`产业结构).
  if (value === null) return not('an ordinal or date code');
  // `“零距离”`, `“零容忍”`: zero counts nothing.
  if (value === 0) return not('zero');
  const laterNumerals = withoutNumeralWords(rest).match(ALL_CJK_NUMERAL_RUNS) ?? [];
  // `“一把手”`, `“一肩挑”`, `“一票否决”`, `“一根钢钎插到底”`, `“一以贯之”`: 一 means "one,
  // single", it counts nothing. With a second numeral it is a pattern: `“一村一项目”`, `“一国两制”`.
  if (value === 1 && numeral === '一' && laterNumerals.length === 0) return not('a plain term with 一');
  if (startsWithMeasure(rest)) return not('a measure');
  // A streak is a statistic: `“十二连增”` (twelve years of growth in a row), `“五连快”`.
  if (rest.startsWith('连')) return not('a streak');
  // `“十九大”`, `“二十大”`: a Party congress, an ordinal.
  if (rest === '大') return not('a congress ordinal');
  // `“一百五十六项”`: a count of real things, too big for a slogan.
  if (value >= 100 && SLOGAN_CLASSIFIERS.includes(rest[0] ?? '')) return not('a large count of things');

  // 一 … 二 is an ordinal enumeration or an idiom: `“一不怕苦、二不怕死”`, `“一穷二白”`, `“一平二调”`.
  if (numeral === '一' && laterNumerals.some((run) => run.startsWith('二'))) return not('an ordinal enumeration');

  return { kind: 'slogan', count: countOfUnknownSlogan(phrase, numeral, value) };
}

function judgeArabicLed(phrase: string, digits: string): QuotedVerdict {
  const rest = phrase.slice(digits.length);
  // `“1234”干部工作思路`: digits counting up from 1 name the parts of an approach.
  if (isAscendingFromOne(digits) && (rest === '' || !startsWithMeasure(rest))) return { kind: 'slogan', count: null };
  // `“1+N”`, `“3+X”`: a formula with a blank.
  if (/^[+＋]/.test(rest)) return { kind: 'slogan', count: null };
  // `“4个意识”` when the dictionary does not know it: digits + a slogan measure word.
  const value = arabicValue(digits);
  if (SLOGAN_CLASSIFIERS.includes(rest[0] ?? '') && value > 0 && value < 100) return { kind: 'slogan', count: value };
  // Anything else is a quantity, a year or a code: `“80后”`, `“15分钟就医服务圈”`, `“５G”`,
  // `“９７中国旅游年”`, `“863”计划`.
  return not('a quantity, year or code');
}

/**
 * Words in which a numeral character is no numeral: `统一`, `一体`, `合一` (`“三统一”` → 3,
 * `“三证合一”` → 3, `“六位一体”` → 6). Masked before later numerals are looked for.
 */
const NUMERAL_FREE_WORDS = /统一|一体|合一|为一|一致|一起|一切|一律|一流|一线|之一|唯一|同一|划一|单一|专一|一样|万一|一道|一批/g;

function withoutNumeralWords(text: string): string {
  return text.replace(NUMERAL_FREE_WORDS, (word) => '·'.repeat(word.length));
}

function startsWithMeasure(rest: string): boolean {
  return MEASURE_UNITS.some((unit) => rest.startsWith(unit));
}

function isAscendingFromOne(digits: string): boolean {
  return digits.length >= 2 && [...digits].every((ch, index) => arabicValue(ch) === index + 1);
}

/**
 * The count of a slogan the dictionary does not know:
 * - one numeral: its value (`“三项建设”` → 3, `“三十条”` → 30);
 * - a numeral + 个/项/种/条/类 followed by more numerals: the first (`“三个五工程”` → 3);
 * - 一 X 一 Y: a distribution, not a count (`“一格一长一警一专多兼”` → null);
 * - otherwise the sum, every item the name counts (`“两降一升”` → 3, `“三去一改”` → 4);
 * - null for magnitudes (百, 千, 万: `“千村示范、万村整治”`).
 */
function countOfUnknownSlogan(phrase: string, leading: string, leadingValue: number): number | null {
  const masked = leading + withoutNumeralWords(phrase.slice(leading.length));
  const runs = masked.match(ALL_CJK_NUMERAL_RUNS) ?? [leading];
  const values = runs.map((run) => (run === '双' ? 2 : chineseCardinalValue(run)));
  if (values.some((value) => value === null || value >= 100)) return null;
  if (runs.length === 1) return leadingValue;
  const sum = (values as number[]).reduce((total, value) => total + value, 0);
  // `“三项政策、一项改革”`, `“八个坚持、八个反对”`: listed parts add up.
  if (phrase.includes('、')) return sum;
  if ('个项种条类'.includes(phrase[leading.length] ?? '')) return leadingValue;
  if (leading === '一' && runs.filter((run) => run === '一').length >= 2) return null;
  return sum;
}

// -------------------------------------------------------------------------------- quotes

export interface QuoteSpan {
  open: number;
  close: number;
  contentStart: number;
  contentEnd: number;
}

/** Quotes that open a new quotation; a quote never closes after another one opens. */
const OPENING_QUOTES = new Set(['“', '‘', '「', '『', '"', '＂']);
/** Anything that can end a quotation, including the wrong kind: `“三项建设"`. */
const CLOSING_QUOTES = new Set(['”', '’', '」', '』', '"', '＂']);

/**
 * Quotation spans of a paragraph, left to right. Reports mix their quotes: `“三项建设"`
 * closes with an ASCII quote; `组织”有钱办事”` opens with a closing quote; `“两新”`, `「两委」`
 * and `‘两个维护’` are all quotes. A quote that does not close within MAX_QUOTE_LENGTH
 * characters, before a line break or before another quote opens is unclosed and ignored.
 */
export function pairQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let index = 0;
  while (index < text.length) {
    const ch = text[index] ?? '';
    // A closing `”` where no quote is open is used as an opening one: `村级党组织”有钱办事”`.
    if (OPENING_QUOTES.has(ch) || ch === '”') {
      const close = findClosingQuote(text, index);
      if (close !== null) {
        spans.push({ open: index, close, contentStart: index + 1, contentEnd: close });
        index = close + 1;
        continue;
      }
    }
    index += 1;
  }
  return spans;
}

function findClosingQuote(text: string, open: number): number | null {
  const limit = Math.min(text.length, open + 1 + MAX_QUOTE_LENGTH);
  for (let index = open + 1; index < limit; index += 1) {
    const ch = text[index] ?? '';
    if (ch === '\n' || ch === '\r') return null;
    if (CLOSING_QUOTES.has(ch)) return index === open + 1 ? null : index;
    if (OPENING_QUOTES.has(ch) && ch !== '"' && ch !== '＂') return null;
  }
  return null;
}

// ------------------------------------------------------------------ the dictionary trie

interface TrieNode {
  next: Map<string, TrieNode>;
  form?: { entry: SloganEntry; kind: SloganFormKind };
}

interface DictionaryMatch {
  start: number;
  end: number;
  entry: SloganEntry;
  kind: SloganFormKind;
}

interface Matcher {
  scan(text: string): DictionaryMatch[];
}

let matcher: Matcher | undefined;

function getMatcher(): Matcher {
  matcher ??= buildMatcher(loadSloganDictionary());
  return matcher;
}

/** Built once per dictionary: a trie of every form (with and without each `、`). */
function buildMatcher(dictionary: SloganDictionary): Matcher {
  const root: TrieNode = { next: new Map() };
  for (const form of dictionary.forms) {
    for (const spelling of spellingsOf(form.text)) {
      let node = root;
      for (const ch of spelling) {
        let child = node.next.get(ch);
        if (child === undefined) {
          child = { next: new Map() };
          node.next.set(ch, child);
        }
        node = child;
      }
      node.form = { entry: form.entry, kind: form.kind };
    }
  }

  return {
    scan(text) {
      const matches: DictionaryMatch[] = [];
      let index = 0;
      while (index < text.length) {
        const found = longestFormAt(root, text, index);
        if (found !== null && isSloganPosition(text, index, found)) {
          matches.push({ start: index, ...found });
          index = found.end;
        } else {
          index += 1;
        }
      }
      return matches;
    },
  };
}

/** `一个中心、两个基本点` is also written `一个中心两个基本点`: each `、` is optional. */
function spellingsOf(form: string): string[] {
  const parts = form.split('、');
  let spellings = [parts[0] ?? ''];
  for (const part of parts.slice(1)) spellings = spellings.flatMap((head) => [`${head}、${part}`, `${head}${part}`]);
  return spellings;
}

function longestFormAt(
  root: TrieNode,
  text: string,
  start: number,
): { end: number; entry: SloganEntry; kind: SloganFormKind } | null {
  let node: TrieNode | undefined = root;
  let best: { end: number; entry: SloganEntry; kind: SloganFormKind } | null = null;
  for (let index = start; index < text.length; index += 1) {
    node = node.next.get(text[index] ?? '');
    if (node === undefined) break;
    if (node.form !== undefined) best = { end: index + 1, ...node.form };
  }
  return best;
}

/** Ordinal runs before a match: `第四种形态`, `第一、二、三、四种形态`. */
const ORDINAL_RUN = new RegExp(`第[${CJK_NUMERAL_CHARS}0-9０-９、，和及与]*$`);

function isSloganPosition(text: string, start: number, found: { end: number; entry: SloganEntry }): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  // `第四种形态处置***人次`: an ordinal, not the slogan 四种形态.
  if (ORDINAL_RUN.test(before)) return false;
  // Part of a larger number: `十四个坚持` is not 四个…, `2两会` is noise.
  if (NUMERAL_CHAR.test(before.at(-1) ?? '')) return false;
  // `三资企业` is another word than the rural 三资.
  const after = text.slice(found.end);
  return !found.entry.notFollowedBy.some((word) => after.startsWith(word));
}

// ------------------------------------------------------------------------ list summaries

interface ListSummary {
  start: number;
  text: string;
  count: number;
  items: string[];
  /** What the count should equal: the number of items, or of characters for `N个字`. */
  size: number;
}

const SUMMARY_NUMERAL = /([一二三四五六七八九十两]{1,3}|[0-9０-９]{1,2})([个项大种条类张支级])/g;
const SUMMARY_NUMERAL_TEST = new RegExp(SUMMARY_NUMERAL.source);
/** Where a list starts when no opening quote marks it: the previous clause ends here. */
const CLAUSE_BOUNDARY = new Set(['，', '。', '；', '：', '！', '？', ',', ';', ':', '!', '?', '\n', '（', '(', '【', '《', '》']);
const OPENING_QUOTE_CHARS = new Set(['“', '‘', '「', '『', '"', '＂']);
const CLOSING_QUOTE_CHARS = new Set(['”', '’', '」', '』', '"', '＂']);
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
 * qualifies something else).
 */
function findListSummaries(text: string, quotes: QuoteSpan[], dictionaryMatches: DictionaryMatch[]): ListSummary[] {
  const summaries: ListSummary[] = [];
  for (const match of text.matchAll(SUMMARY_NUMERAL)) {
    const start = match.index ?? 0;
    const numeral = match[1] ?? '';
    const classifierEnd = start + match[0].length;
    if (dictionaryMatches.some((found) => found.start <= start && start < found.end)) continue;
    if (quotes.some((quote) => quote.contentStart <= start && start < quote.contentEnd)) continue;
    // Part of a larger number or a decimal: `2133个县`, `1.5个百分点`.
    if (/[0-9０-９.．%％]/.test(text[start - 1] ?? '') || NUMERAL_CHAR.test(text[start - 1] ?? '')) continue;
    if (ORDINAL_RUN.test(text.slice(Math.max(0, start - 12), start))) continue;

    const noun = formulaNounAt(text, classifierEnd);
    if (noun === '') continue;
    const count = LEADING_ARABIC.test(numeral) ? arabicValue(numeral) : chineseCardinalValue(numeral);
    if (count === null || count < 2) continue;
    const readings = listBefore(text, start);
    if (readings.length === 0) continue;
    // `字` counts characters; anything else counts items.
    const size = (items: string[]) => (noun === '字' ? items.join('').length : items.length);
    // Give the list the benefit of the doubt: `…维护世界和平与促进共同发展这三大历史任务` is one
    // item with 与 inside, `阶级斗争、生产斗争和科学实验三大革命运动` three items joined by 和.
    const items = readings.find((reading) => size(reading) === count) ?? readings[0] ?? [];
    if (items.length < MIN_LIST_ITEMS) continue;
    summaries.push({ start, text: text.slice(start, classifierEnd + noun.length), count, items, size: size(items) });
  }
  return summaries;
}

/** The formula noun right after the classifier, longest first (`创建评选工作`), or ''. */
function formulaNounAt(text: string, start: number): string {
  let han = 0;
  while (han < 6 && /\p{Script=Han}/u.test(text[start + han] ?? '') && text[start + han] !== '的') han += 1;
  for (let length = han; length >= 1; length -= 1) {
    const candidate = text.slice(start, start + length);
    if (FORMULA_NOUNS.some((noun) => candidate.endsWith(noun))) return candidate;
  }
  return '';
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
  if (CLOSING_QUOTE_CHARS.has(text[listEnd - 1] ?? '')) listEnd -= 1;
  if (text[listEnd - 1] === '等' || text[listEnd - 1] === '的') return [];

  let listStart = listEnd;
  let openedByQuote = false;
  while (listStart > 0 && end - listStart < MAX_LIST_LENGTH) {
    const ch = text[listStart - 1] ?? '';
    if (CLAUSE_BOUNDARY.has(ch)) break;
    // `“学习教育、查纠整改、总结提升”三个环节`: the opening quote starts the list, unless it
    // only opens one item (`“服务企业”、“服务群众”、“服务基层”三项…`).
    if (OPENING_QUOTE_CHARS.has(ch) && text[listStart - 2] !== '、') {
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
      /^\p{Script=Han}+$/u.test(item) &&
      // Items that are summaries themselves (`社会主义和资本主义两条道路`) make no formula.
      !SUMMARY_NUMERAL_TEST.test(item),
  );
}

function stripQuotes(part: string): string {
  return [...part].filter((ch) => !OPENING_QUOTE_CHARS.has(ch) && !CLOSING_QUOTE_CHARS.has(ch)).join('').trim();
}
