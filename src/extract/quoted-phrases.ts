/**
 * Is a short quoted phrase that starts with a numeral a numbered slogan (SPEC §4)? The
 * dictionary does not know it, so it is judged by rules, each with the report quirk it exists
 * for: measures, dates and ordinals, idioms and plain words are not slogans; templates whose
 * numeral is left blank (`“X+X”方案`) are.
 */
import { arabicDigitsValue } from '../text/numerals.js';
import {
  chineseCardinalValue,
  CJK_NUMERAL_CHARS,
  LEADING_ARABIC,
  NUMERAL_CHAR,
  SLOGAN_CLASSIFIERS,
} from './slogan-numerals.js';

/** SPEC §4: a quoted phrase is a slogan candidate only up to this many characters… */
export const MAX_QUOTED_SLOGAN_LENGTH = 12;
/**
 * …except in two longer shapes local reports quote their layouts and campaigns in (judgeLongPhrase):
 * `“两圈联动、三核引领、陆海统筹、全面发力”`, `“八大标志性战役30个专项行动”`.
 */
export const MAX_LONG_QUOTED_FORMULA_LENGTH = 24;

const LEADING_CJK_NUMERAL = new RegExp(`^[${CJK_NUMERAL_CHARS}]+`);
const ALL_CJK_NUMERAL_RUNS = new RegExp(`[${CJK_NUMERAL_CHARS}]+|双`, 'g');

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
  // `“六尺巷工作法”`: a lane six chi wide, a length
  '尺', '寸', '丈',
].sort((a, b) => b.length - a.length);

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
  '一石二鸟', '一箭双雕', '约法三章', '一对一',
]);

/** Ordinary words that start with a numeral character: `“双方”`, `“双语”`, `“两难”`, `“万一”`. */
const PLAIN_WORD_PREFIXES = [
  '双方', '双向', '双重', '双边', '双赢', '双语', '双休', '两难', '万一', '千万', '万般',
  // `“四季河南”`: the four seasons; `“二线口岸”`: the second line of a customs regime, an ordinal
  '四季', '四方', '二线', '百分之',
  // Places whose name starts with a numeral: `“四川造”`
  '四川', '三亚', '三明', '六安', '九江', '十堰', '万州', '三门峡', '五指山', '七台河',
];

export type QuotedVerdict =
  | { kind: 'slogan'; count: number | null }
  | { kind: 'template'; count: null }
  | { kind: 'not-a-slogan'; reason: string };

const not = (reason: string): QuotedVerdict => ({ kind: 'not-a-slogan', reason });

/**
 * Is the content of a quote (`“三项建设”` → `三项建设`) that the dictionary does not know a numbered
 * slogan? Quotes of at most MAX_QUOTED_SLOGAN_LENGTH characters are judged here; longer ones, up to
 * MAX_LONG_QUOTED_FORMULA_LENGTH, by judgeLongPhrase.
 */
export function judgeQuotedPhrase(phrase: string): QuotedVerdict {
  if (phrase.length > MAX_QUOTED_SLOGAN_LENGTH && [...phrase].length > MAX_QUOTED_SLOGAN_LENGTH) return judgeLongPhrase(phrase);
  // Templates leave the numeral blank: `“X+X”方案`, `“X个一”工作方案`. Not `“X贤榜样”` (a
  // name blank: X is a place) or `“xx分钟服务圈”` (a measure).
  if (/^[XxＸｘ]{1,3}(?:[+＋]|[个项种条类])/.test(phrase)) return { kind: 'template', count: null };
  // A policy named by the count of its measures: `“科技金融15条”`, `“要素政策赋能清单16条”`, `“科创板八条”`.
  const articles = POLICY_ARTICLES.exec(phrase);
  if (articles !== null) {
    const count = /^[0-9]/.test(articles[1]!) ? arabicDigitsValue(articles[1]!) : chineseCardinalValue(articles[1]!);
    if (count !== null && count >= 2 && count < 1000) return { kind: 'slogan', count };
  }
  if (!NUMERAL_CHAR.test(phrase[0] ?? '')) return judgeNumeralInside(phrase);
  // Paired magnitudes name a program: `“十百千万”`工程, `“万千百”`工程, `“千项技改、万企升级”`.
  if (/^[十百千万]{2,4}$/.test(phrase) && new Set(phrase).size === phrase.length) return { kind: 'slogan', count: null };
  if (/^[百千万][^、，]{1,6}、[百千万][^、，]{1,6}$/.test(phrase)) return { kind: 'slogan', count: null };
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
  // A measure word + 大X names a set, not a quantity: `“五篇大文章”`, `“三件大事”`, `“十篇大文章”`.
  if (/^[个件篇项条种张支]大\p{Script=Han}/u.test(rest)) return { kind: 'slogan', count: value };
  // A set of N pieces: `燃气“三件套”`.
  if (rest === '件套') return { kind: 'slogan', count: value };
  // A program named right after numeral + one character: `“四名工程”` (名 = renowned, not people).
  // Not a span of time: `“三年行动”` is a plan's length.
  if (value < 100 && PROGRAM_AFTER_ONE_CHARACTER.test(rest)) return { kind: 'slogan', count: value };
  // Numeral-led parts in a row name a structure even when a part looks like a measure:
  // `“一本三基四梁八柱”`, `“万人助万企”`, `“千项万亿”`; not spans of time (`“一年一度”`).
  if (laterNumerals.length > 0 && isNumeralStructure(phrase) && !isOrdinalEnumeration(numeral, laterNumerals)) {
    return { kind: 'slogan', count: countOfUnknownSlogan(phrase, numeral, value) };
  }
  // Counted institutions acting together: `“三所联动”` (派出所、司法所、律师事务所).
  if (/^.(?:联动|融合|协同|共治|同创)$/u.test(rest)) return { kind: 'slogan', count: value };
  if (startsWithMeasure(rest)) return not('a measure');
  // A digit + magnitude with nothing but a program noun names N programs of that magnitude:
  // `“五千工程”` (five 千-projects); a size would have a measure word (`“五千亩”`).
  if (/^[二三四五六七八九两][百千万]$/.test(numeral) && PROGRAM_NOUN_ALONE.test(rest)) {
    return { kind: 'slogan', count: chineseCardinalValue(numeral[0]!) };
  }
  // A single magnitude is a size, not a count of parts: `“百万学子留辽来辽”`, `过“万亿”`
  // (paired magnitudes, `“百县千镇万村”`, have a later numeral and are slogans).
  if (value >= 100 && laterNumerals.length === 0) return not('a single magnitude');
  // `“十佳案例”`: a selection of the best, not a set a formula names.
  if (rest.startsWith('佳')) return not('a selection');
  // A streak is a statistic: `“十二连增”` (twelve years of growth in a row), `“五连快”`.
  if (rest.startsWith('连')) return not('a streak');
  // `“十四冬”`, `“十五运”`: the ordinal of national games.
  if (/^(?:冬|运|全运|运会|残运|冬运|城运|青运)/.test(rest)) return not('a games ordinal');
  // `“十九大”`, `“二十大”`: a Party congress, an ordinal.
  if (rest === '大') return not('a congress ordinal');
  // `“一百五十六项”`: a count of real things, too big for a slogan.
  if (value >= 100 && SLOGAN_CLASSIFIERS.includes(rest[0] ?? '')) return not('a large count of things');

  // 一 … 二 is an ordinal enumeration or an idiom: `“一不怕苦、二不怕死”`, `“一穷二白”`, `“一平二调”`.
  if (isOrdinalEnumeration(numeral, laterNumerals)) return not('an ordinal enumeration');

  return { kind: 'slogan', count: countOfUnknownSlogan(phrase, numeral, value) };
}

/**
 * A numeral after a short lead: `“新三样”` (电动汽车、锂电池、光伏产品), `“平急两用”`,
 * `“碳达峰十大行动”`, `“新门前三包”`. The phrase from the numeral on is judged like a
 * numeral-led one, so `“嫦娥六号”` (an ordinal) and `“最后一公里”` (a measure) stay out.
 * Not 一 (`“单一窗口”`, `“只进一扇门”`), not 百/千/万, magnitudes (`“千名专家服务基层”`),
 * and not a place (`“长三角”`, `“珠三角”`).
 */
const NUMERAL_INSIDE = /^(\p{Script=Han}{1,3}?)([二三四五六七八九十两双])/u;
const NOT_A_NUMERAL_INSIDE = /三角|三峡|三明|二维|十字|五金|八股|老二|双方|双向|双边|双重|双一流|三板/;

/**
 * Nouns that name a program after a quoted digit code: `“1269”行动计划`, `“2653”行动`,
 * `“5411”思路`, `“1351工程”`. A code before anything else is a year or a number (`“2030”`).
 */
const PROGRAM_NOUN = /^(?:行动|工程|思路|战略|计划|体系|模式|机制|政策|工作法|布局|格局|发展战略|产业体系)/;
/**
 * The noun after a quoted code may come after a short qualifier: `“415X”先进制造业集群`,
 * `“315”科技创新体系`, `“141”基层治理体系`, `“811”项目` (Zhejiang, Shandong 2025).
 */
const PROGRAM_NOUN_AFTER_QUALIFIER = /^\p{Script=Han}{0,6}?(?:行动|工程|思路|战略|计划|体系|模式|机制|布局|格局|集群|项目)/u;

/**
 * A quoted code of 3 to 6 digits, with an open item (`415X`, `141X`), that a program noun after the
 * quote names. Not a year (`“2030”`), not a hotline (`“12345”热线`).
 */
export function isCodeBeforeProgramNoun(content: string, after: string): boolean {
  if (!/^[0-9]{3,6}[XxＸN]?$/.test(content) || /^(?:19|20)[0-9]{2}$/.test(content)) return false;
  return PROGRAM_NOUN_AFTER_QUALIFIER.test(after);
}

/** `“12345”市民热线`, `“12345”热线`: a phone number, however its digits run. */
export function isHotline(content: string, after: string): boolean {
  return /^[0-9]{3,6}$/.test(content) && /^\p{Script=Han}{0,6}?热线/u.test(after);
}

const POLICY_ARTICLES = /^\p{Script=Han}{2,10}?([0-9]{1,3}|[一二三四五六七八九十两]{1,3})条$/u;
/** The program nouns a quoted name may end in right after its numeral (`“五千工程”`, `“四名工程”`). */
const SHORT_PROGRAM_NOUN = '(?:工程|行动|计划|战略)';
const PROGRAM_NOUN_ALONE = new RegExp(`^${SHORT_PROGRAM_NOUN}$`);
const PROGRAM_AFTER_ONE_CHARACTER = new RegExp(`^[^年月日天周岁期批次号届时分]${SHORT_PROGRAM_NOUN}$`);

/**
 * A quoted phrase longer than MAX_QUOTED_SLOGAN_LENGTH is a name only in two shapes:
 * - a layout of short parts joined by 、, the first numeral-led and at least two counting (not a lone 一):
 *   `“一主一副、两翼联动、多点支撑”`, `“百片引领、千村带动、万村补短”`;
 * - a campaign led by N大: `“八大标志性战役30个专项行动”`.
 * Sentences (`“四个现代化之日，就是资本主义复辟之时”`) and descriptions (`…的…`) are not.
 */
function judgeLongPhrase(phrase: string): QuotedVerdict {
  const length = [...phrase].length;
  if (length > MAX_LONG_QUOTED_FORMULA_LENGTH) return not('too long for a name');
  if (/[，。；！？,;!?的]/.test(phrase)) return not('a sentence');
  const parts = phrase.split('、');
  if (parts.length >= 3 && parts.every((part) => HAN_PART.test(part))) {
    // A part led by a lone 一 (`“一卡、一键、一中心、一平台”`) counts nothing: one card, one key.
    const counting = parts.filter((part) => NUMERAL_CHAR.test(part[0]!) && (part[0] !== '一' || NUMERAL_CHAR.test(part.slice(1))));
    if (NUMERAL_CHAR.test(phrase[0]!) && counting.length >= 2) return { kind: 'slogan', count: null };
  }
  const campaign = /^([一二三四五六七八九十]{1,2})大\p{Script=Han}/u.exec(phrase);
  if (campaign !== null && length <= 16 && parts.length === 1) {
    const value = chineseCardinalValue(campaign[1]!);
    if (value !== null && value >= 2) return { kind: 'slogan', count: value };
  }
  return not('too long for a name');
}
const HAN_PART = /^\p{Script=Han}{2,6}$/u;

function judgeNumeralInside(phrase: string): QuotedVerdict {
  const match = NUMERAL_INSIDE.exec(phrase);
  if (match === null) return not('does not start with a numeral');
  // `“第二立面”`, `“第三极”`: an ordinal.
  if (match[1]!.endsWith('第')) return not('an ordinal');
  // `“全国十大考古新发现”`, `“中国百强”`: a ranking, a selection of the best.
  if (/^(?:全国|全省|全市|中国|世界|全球|年度)$/.test(match[1]!) && /^(?:十大|百强|十佳|十强)/.test(phrase.slice(match[1]!.length))) return not('a selection');
  if (NOT_A_NUMERAL_INSIDE.test(phrase)) return not('a numeral inside a word');
  if (IDIOMS.has(phrase)) return not('an idiom');
  if (/[，。；！？,;!?的]/.test(phrase)) return not('a descriptive phrase');
  const tail = phrase.slice(match[1]!.length);
  if (tail.length < 2) return not('a bare numeral');
  const verdict = judgeQuotedPhrase(tail);
  return verdict.kind === 'slogan' ? { kind: 'slogan', count: verdict.count } : not('the numeral inside counts nothing');
}

function judgeArabicLed(phrase: string, digits: string): QuotedVerdict {
  const rest = phrase.slice(digits.length);
  // `“1234”干部工作思路`: digits counting up from 1 name the parts of an approach.
  if (isAscendingFromOne(digits) && (rest === '' || !startsWithMeasure(rest))) return { kind: 'slogan', count: null };
  // `“1+N”`, `“3+X”`: a formula with a blank.
  if (/^[+＋×][0-9A-Za-z]/.test(rest)) return { kind: 'slogan', count: null };
  // `“4个意识”` when the dictionary does not know it: digits + a slogan measure word.
  const value = arabicDigitsValue(digits);
  // Not `“1个总体方案”`: one of a thing counts nothing, as a lone 一 does.
  if (rest !== '' && SLOGAN_CLASSIFIERS.includes(rest[0]!) && value > 1 && value < 100) return { kind: 'slogan', count: value };
  // `“1351工程”`: a digit code with its program noun inside the quotes.
  if (digits.length >= 3 && PROGRAM_NOUN.test(rest)) return { kind: 'slogan', count: null };
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

function isOrdinalEnumeration(numeral: string, laterNumerals: readonly string[]): boolean {
  return numeral === '一' && laterNumerals.some((run) => run.startsWith('二'));
}

/**
 * Every numeral of the phrase heads one or two characters, none a span of time: `一本三基四梁八柱`,
 * `万人助万企`, `千项万亿`; not `一次挂号管三天` (a description) or `一年一度`.
 */
function isNumeralStructure(phrase: string): boolean {
  const parts = withoutNumeralWords(phrase).match(NUMERAL_LED_PARTS) ?? [];
  return parts.length >= 2 && parts.every((part) => {
    const rest = part.replace(LEADING_NUMERAL_RUN, '');
    return rest.length <= 2 && !/^(?:分钟|小时|天|日|周|月|年|岁|次)/.test(rest);
  });
}
const NUMERAL_LED_PARTS = new RegExp(`[${CJK_NUMERAL_CHARS}双]+[^${CJK_NUMERAL_CHARS}双]*`, 'g');
const LEADING_NUMERAL_RUN = new RegExp(`^[${CJK_NUMERAL_CHARS}双]+`);

function startsWithMeasure(rest: string): boolean {
  return MEASURE_UNITS.some((unit) => rest.startsWith(unit));
}

function isAscendingFromOne(digits: string): boolean {
  return digits.length >= 2 && [...digits].every((ch, index) => arabicDigitsValue(ch) === index + 1);
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
