/**
 * Number literals as they are written in Chinese work reports, and the
 * measure words that follow them.
 *
 * A report writes the same quantity in many ways:
 *
 * - Arabic, half- or full-width, with thousands separators: `7`, `1,200`, `1.5`, `１９９７`, `６．５`;
 * - digits spaced out by old scans of the archive: `7 4 7 7 2 亿元`, `8 ．8 ％` (1998 report);
 * - Chinese numerals: `两`, `二十`, `十二`, `三千二百`, `一百零五`, `三十六点五`, `二〇二一`;
 * - either of them with 万 / 亿 / 万亿: `1.5万`, `5.66万亿`, `三千二百万`, `1万6千`;
 * - a percentage written out: `百分之十`;
 * - `双百` (two rates both at 100: `整改完成率达到双百`);
 * - template blanks: `xx`, `X`, `x.x`, `xxx.xx`, `***`, `20xx`.
 *
 * `parseNumber` turns one such literal into its value; `scanNumbers` finds
 * them in running text (ranges such as `6%－6.5%` included). The metric finder
 * builds on `scanNumbers` and on the measure-word table at the end of this file.
 */
import type { UnitKind } from './types.js';
import { ARABIC_DIGITS, charCodeTable, LATIN_LETTERS, LATIN_WORD_CHAR } from '../text/characters.js';
import { chineseDigitValue, chineseNumeralValue, toHalfWidthDigits } from '../text/numerals.js';

// ------------------------------------------------------------------ parsing

/** A single parsed number: its value, or null for a template blank. */
export interface ParsedNumber {
  /** Plain value with 万/亿/万亿 applied (`1.5万` → 15000); null for a placeholder. */
  value: number | null;
  /** True for template blanks: `xx`, `x.x`, `***`, `20xx`, `xxx余万`. */
  placeholder: boolean;
}

const PLACEHOLDER_RUN = /^(?:[xXｘＸ]+(?:[.．][xXｘＸ]+)?|×+(?:[.．]×+)?|□+(?:[.．]□+)?|＊+(?:[.．]＊+)?|\*{2,}|〇{2,}|(?:19|20)[xXｘＸ]{2})$/;
/** A trailing multiplier, with the 余/多 that may sit before it (`xxx余万`, `20多万`). */
const TRAILING_MULTIPLIER = /[余多]?(?:万亿|千亿|百亿|亿|千万|百万|万)$/;
const PLAIN_ARABIC = /^\d+(?:\.\d+)?$/;
const GROUPED_ARABIC = /^\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$/;
/**
 * `二十余万`, `20多万`: a 余/多 right before 万/亿 qualifies the number and is not part of its
 * value. Anywhere else (first, or before another character) the literal has no value.
 */
const QUALIFIER_BEFORE_MULTIPLIER = /(?<!^)[余多](?=[万亿])/g;

/**
 * The value of one number literal as written, or null when it is not a
 * number (`十四五`, `三四`, `一二`: a name or an approximation, not a value).
 *
 * - `7`, `1,200`, `１９９７`, `8 ．8` (spaced-out scan) → 7, 1200, 1997, 8.8
 * - `两` → 2, `十二` → 12, `一百零五` → 105, `三千二` → 3200, `二〇二一` → 2021
 * - `1.5万` → 15000, `5.66万亿` → 5660000000000, `三千二百万` → 32000000
 * - `百分之十` → 10 (the percent is the unit), `双百` → 100
 * - `xx`, `x.x`, `***`, `〇〇`, `20xx`, `xxx余万` → value null, placeholder true (`〇〇` alone is no number: 00)
 * - an inner 余/多 before 万/亿 is a qualifier and is skipped: `20余万` → 200000
 */
export function parseNumber(raw: string): ParsedNumber | null {
  const digit = raw.length === 1 ? chineseDigitValue(raw) : null;
  if (digit !== null) return { value: digit, placeholder: false };
  let text = toHalfWidthDigits(raw.trim()).replace(/ /g, '');
  if (text === '') return null;
  const blank = text.replace(TRAILING_MULTIPLIER, '');
  if (PLACEHOLDER_RUN.test(blank)) return { value: null, placeholder: true };
  if (text === '双百') return { value: 100, placeholder: false };
  // `十几亿` → 十亿, `几千` → 一千, `数十万` → 十万: the lower bound (几 after a magnitude adds none, a leading 几/数 is one).
  if (/[几数]/.test(text)) return parseNumber(text.replace(/(?<=[十百千])几/g, '').replace(/[几数]/g, '一'));
  if (text.startsWith('百分之')) {
    const rest = text.slice(3);
    if (rest.startsWith('百分之')) return null;
    return parseNumber(rest);
  }
  if (GROUPED_ARABIC.test(text)) text = text.replace(/[,，]/g, '');
  // Grouped digits before a multiplier: `1，062万`.
  else if (/^\d{1,3}(?:[,，]\d{3})+[万亿]/.test(text)) text = text.replace(/(\d)[,，](?=\d{3}(?!\d))/g, '$1');
  // A run of digits too long to be a quantity (a scan artefact) has no value.
  if (PLAIN_ARABIC.test(text)) return finite(Number(text));
  const value = chineseNumeralValue(text.replace(QUALIFIER_BEFORE_MULTIPLIER, ''));
  return value === null ? null : finite(value);
}

function finite(value: number): ParsedNumber | null {
  return Number.isFinite(value) && value < 1e18 ? { value, placeholder: false } : null;
}

// ------------------------------------------------------------------ scanning

// The characters of the literals, each set written once: the classes and char-code tables
// below are built from these.

/** Letters of a template blank: `xx`, `X`, `ｘｘ`. */
const BLANK_LETTERS = 'xXｘＸ';
/** The first character of a Chinese numeral: a digit (financial forms included) or 十/拾, never 百/千/万 (`百姓`, `千方百计`). */
const CHINESE_NUMERAL_FIRST = '零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾';
/** The characters after it: more digits, and the units 百/千/万/亿 (佰/仟). */
const CHINESE_NUMERAL_REST = `${CHINESE_NUMERAL_FIRST}百千万亿佰仟`;

const DIGIT = `[${ARABIC_DIGITS}]`;
const DOT = '[.．]';
const X = `[${BLANK_LETTERS}]`;

/**
 * An Arabic number: `1,200`, `1.5`, `１９９７`, or digits spaced out by an old
 * scan (`7 4 7 7 2`, `8 ．8`: a space may sit between digits and before the
 * point, never after it, so a heading `2. 5G…` is not 2.5). Reports of the
 * 1950s–80s group thousands with a full-width comma: `４，０９４，８８９，０００元`,
 * `1，062万吨`; only exact groups of three digits are joined.
 */
export const ARABIC_NUMBER_SOURCE =
  `${DIGIT}{1,3}(?:[,，]${DIGIT}{3})+(?!${DIGIT})(?:${DOT}${DIGIT}+)?` +
  `|${DIGIT}(?: ?${DIGIT})*(?: ?${DOT}${DIGIT}(?: ?${DIGIT})*)?`;

/** 万/亿 after a number; 千 and 百 only where they are not the start of 千米, 千瓦, 百分点. */
export const MULTIPLIER_SOURCE = '(?:万亿|千亿|百亿|亿|千万|百万|万)';
/** Multipliers after digits; a 余/多 may sit before a larger one: `4万多亿元`, `1亿3千多万`. */
const ARABIC_UNIT_CHAIN = '(?:(?:百(?!分)|千(?![米瓦克伏])|万|亿)(?:[余多](?=[万亿]))?)+';

/**
 * Chinese numerals. The first character must be a digit or 十, so that
 * 万众, 千方百计, 百姓 are not numbers; 一 inside words (统一, 一是) is found
 * here and left to the metric finder to reject.
 */
export const CHINESE_NUMBER_SOURCE =
  `[${CHINESE_NUMERAL_FIRST}][${CHINESE_NUMERAL_REST}]*(?:点[零〇一二三四五六七八九]+)?`;

/** Signs templates also leave blanks with: `××次`, `□□亿元`, `＊＊＊万元` (see placeholders.ts). */
const OTHER_BLANKS = ['×', '□', '＊'];

/** Template blanks for a number: `xx`, `x.x`, `xxx.xx`, `***`, `××`, `□.□`, and the year blank `20xx`. */
export const PLACEHOLDER_NUMBER_SOURCE =
  `(?:19|20|１９|２０)${X}{2}(?!${X})|${X}+(?:${DOT}${X}+)?|${OTHER_BLANKS.map((sign) => `${sign}+(?:${DOT}${sign}+)?`).join('|')}|\\*{2,}`;

/** Between the two ends of a range: `6%－6.5%`, `6—6.5%`, `5%至6%`, `6%-6.5%`, `6～7`. */
export const RANGE_SEPARATOR_SOURCE = '(?:——|[-－—–~～〜]|至|到)';

/** An inner qualifier that may sit before the multiplier: `xx余万元`, `20多万人`. */
const INNER_QUALIFIER = '(?:[余多](?=万|亿|千万|百万))?';

/** One number literal (no range); capture groups tell which kind matched. */
export const NUMBER_LITERAL_SOURCE =
  `(?<placeholder>${PLACEHOLDER_NUMBER_SOURCE})(?:${INNER_QUALIFIER}${MULTIPLIER_SOURCE})?` +
  `|(?<percentWords>百分之(?:${CHINESE_NUMBER_SOURCE}|${DIGIT}+(?:${DOT}${DIGIT}+)?))` +
  '|(?<bothHundred>双百)' +
  `|(?<arabic>(?:${ARABIC_NUMBER_SOURCE})(?: ?(?:[余多](?=[万亿]))?${ARABIC_UNIT_CHAIN}(?:${DIGIT}+(?=[百千万亿])${ARABIC_UNIT_CHAIN})*)?)` +
  // `十几亿人`, `几千年`, `数十万人`: a round figure with 几/数 (some), read as its lower bound.
  '|(?<approximate>(?:十几|[几数]十|[几数]百|[几数]千)(?:万亿|亿|万)?|[几数](?:万亿|亿|万))' +
  `|(?<chinese>${CHINESE_NUMBER_SOURCE}(?:${INNER_QUALIFIER}(?:万亿|亿|万))?)`;

/** A qualifier written inside a number: `20余万`, `20多万`, `十几亿`, `数十万`. */
export type InnerQualifier = '余' | '多' | '几' | '数';

export type NumberLiteralKind = 'arabic' | 'chinese' | 'placeholder' | 'percent-words' | 'both-hundred';

/** A number literal found in text; offsets are indices into the scanned string. */
export interface NumberLiteral {
  /** As written, range included: `1.5万`, `xxx余万`, `6%－6.5`, `二十`. */
  raw: string;
  start: number;
  end: number;
  kind: NumberLiteralKind;
  value: number | null;
  /** Upper bound when the literal is a range, else null. */
  valueHigh: number | null;
  placeholder: boolean;
  /** `6%－6.5`: the first bound carried its own percent sign. Informative only: no extractor reads it. */
  percentInside: boolean;
  /** 余/多 written inside the number, before its multiplier: `20余万` → `余`; 几/数 of `十几亿`, `数十万`. */
  innerQualifier: InnerQualifier | null;
  /** The number is written with 万/亿 (`1.5万`, `三千二百万`). */
  hasMultiplier: boolean;
}

/** Latin units a number may be glued to, ending the Latin run: `PF`, `P`, `EFLOPS`. */
const LATIN_UNIT_AFTER = /^(?:EFLOPS|EFlops|PF|P)(?![A-Za-z0-9])/;

/** NUMBER_LITERAL_SOURCE, tried at one position (`lastIndex`) only. */
const LITERAL_AT = new RegExp(NUMBER_LITERAL_SOURCE, 'y');
/**
 * Every character a literal can start with: the first characters of each alternative of
 * NUMBER_LITERAL_SOURCE (blanks `x`/`*`/`19xx`, `百分之`, `双百`, Arabic digits, Chinese numerals).
 */
const LITERAL_FIRST = charCodeTable(`${BLANK_LETTERS}*×□＊百双几数${ARABIC_DIGITS}${CHINESE_NUMERAL_FIRST}`);
/** After the first bound of a range: its own percent sign, maybe, and the separator (`%－`, `—`, ` 至 `). */
const RANGE_TAIL = new RegExp(` ?([%％])? ?${RANGE_SEPARATOR_SOURCE} ?`, 'y');
/** The characters RANGE_TAIL can start with. */
const RANGE_TAIL_FIRST = charCodeTable(' %％—-－–~～〜至到');
/**
 * What an asterisk blank may not touch: a Latin letter, or `_` (`**kwargs`). Digits it may
 * touch (`《***2022年…》`), so it is not LATIN_WORD_CHAR.
 */
const LATIN_LETTER_OR_UNDERSCORE = new RegExp(`[${LATIN_LETTERS}_]`);

/**
 * Every number literal in `text`, left to right, ranges joined.
 *
 * Literals glued to Latin letters or digits belong to a Latin word or code
 * and are skipped: `PM2.5`, `5G`, `x86`, the x of `Excel`, `dadawk01`.
 * Asterisk blanks may touch digits (`《***2022年…》`).
 */
export function scanNumbers(text: string): NumberLiteral[] {
  const found: NumberLiteral[] = [];
  // The leftmost literal from `index` on, as a global regex would find it, but the regex
  // is only tried where a literal can start: scanning Chinese text for the big character
  // classes of NUMBER_LITERAL_SOURCE costs more than the whole rest of the scan.
  let index = 0;
  while (index < text.length) {
    if (LITERAL_FIRST[text.charCodeAt(index)] !== 1) {
      index += 1;
      continue;
    }
    const match = literalAt(text, index);
    if (match === null) {
      index += 1;
      continue;
    }
    const literal = toLiteral(text, index, match.raw, match.kind);
    if (literal === null) {
      // Skip the whole glued token (`PM2.5` must not yield `.5` then `5`).
      index += match.raw.length;
      continue;
    }
    const range = readRangeTail(text, literal);
    const result = range ?? readFraction(text, literal) ?? literal;
    found.push(result);
    index = result.end;
  }
  return found;
}

/** `1/3`, `1／10`: a share written as a fraction (of whole numbers, the smaller first). */
const FRACTION_TAIL = /[/／]([0-9]{1,3})(?![0-9０-９.．/／%％])/y;

/** The literal `1` of `1/3` extended to the fraction, or null when none follows. */
function readFraction(text: string, numerator: NumberLiteral): NumberLiteral | null {
  // Not inside a date (`2024/12/31`).
  if (numerator.kind !== 'arabic' || !/^[0-9]{1,3}$/.test(numerator.raw) || /[/／]/.test(text[numerator.start - 1] ?? '')) return null;
  FRACTION_TAIL.lastIndex = numerator.end;
  const tail = FRACTION_TAIL.exec(text);
  if (tail === null) return null;
  const denominator = Number(tail[1]);
  if (numerator.value === null || denominator <= numerator.value) return null;
  const end = numerator.end + tail[0].length;
  return { ...numerator, raw: text.slice(numerator.start, end), end, value: numerator.value / denominator };
}

const MAGNITUDE_VALUE: Readonly<Record<string, number>> = { 百: 1e2, 千: 1e3, 万: 1e4, 亿: 1e8, 百万: 1e6, 千万: 1e7, 百亿: 1e10, 千亿: 1e11, 万亿: 1e12 };
let bareMagnitude: RegExp | undefined;
/**
 * A magnitude written without its digit, right before a measure word: `超千列`, `突破百亿元`,
 * `近亿元`, `万名以上`, `百余个`. Not inside a longer number (`三千亿元`); the metric finder keeps
 * one only with a qualifier or a verb of reaching before it (`千家万户` has a measure word too).
 * Built on first use: MEASURE_WORD_SOURCE is defined further down.
 */
function bareMagnitudePattern(): RegExp {
  bareMagnitude ??= new RegExp(
    `(?<![零〇一二两三四五六七八九十百千万亿0-9０-９.．])(万亿|千亿|百亿|千万|百万|百|千|万|亿)(?=[余多]?(?:${MEASURE_WORD_SOURCE}))`,
    'g',
  );
  return bareMagnitude;
}

/** Bare magnitudes (see bareMagnitudePattern) as literals of kind `chinese`. */
export function scanBareMagnitudes(text: string): NumberLiteral[] {
  const found: NumberLiteral[] = [];
  if (!/[百千万亿]/.test(text)) return found;
  for (const match of text.matchAll(bareMagnitudePattern())) {
    const raw = match[1]!;
    found.push({
      raw, start: match.index!, end: match.index! + raw.length, kind: 'chinese', value: MAGNITUDE_VALUE[raw]!, valueHigh: null,
      placeholder: false, percentInside: false, innerQualifier: null, hasMultiplier: true,
    });
  }
  return found;
}

/** Chinese digits that start a Chinese literal (the first class of CHINESE_NUMBER_SOURCE). */
const CHINESE_FIRST = charCodeTable(CHINESE_NUMERAL_FIRST);
/** What may follow the first character inside a Chinese literal: more numeral characters, 点, 余/多. */
const CHINESE_NEXT = charCodeTable(`${CHINESE_NUMERAL_REST}点余多几`);

/** The literal that starts exactly at `index` (NUMBER_LITERAL_SOURCE there), or null. */
function literalAt(text: string, index: number): { raw: string; kind: NumberLiteralKind } | null {
  // A lone Chinese digit, by far the commonest (the 一 of `进一步`, `统一`): only the
  // `chinese` alternative can start with it, and nothing can extend it.
  if (CHINESE_FIRST[text.charCodeAt(index)] === 1 && CHINESE_NEXT[text.charCodeAt(index + 1)] !== 1) {
    return { raw: text[index]!, kind: 'chinese' };
  }
  LITERAL_AT.lastIndex = index;
  const match = LITERAL_AT.exec(text);
  if (match === null) return null;
  const groups = match.groups ?? {};
  const kind: NumberLiteralKind =
    groups.placeholder !== undefined ? 'placeholder'
      : groups.percentWords !== undefined ? 'percent-words'
        : groups.bothHundred !== undefined ? 'both-hundred'
          : groups.arabic !== undefined ? 'arabic'
            : 'chinese';
  return { raw: match[0], kind };
}

function toLiteral(text: string, start: number, raw: string, kind: NumberLiteralKind): NumberLiteral | null {
  const end = start + raw.length;
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (kind === 'arabic' || (kind === 'placeholder' && raw[0] !== '*')) {
    // `7000PF`, `10EFLOPS`: a Latin unit of computing power after the number is no code.
    if (LATIN_WORD_CHAR.test(before) || (LATIN_WORD_CHAR.test(after) && !LATIN_UNIT_AFTER.test(text.slice(end, end + 8)))) return null;
  } else if (kind === 'placeholder') {
    if (LATIN_LETTER_OR_UNDERSCORE.test(before) || LATIN_LETTER_OR_UNDERSCORE.test(after)) return null;
  }
  const parsed = parseLiteral(raw);
  if (parsed === null) {
    // Still report Chinese runs that are not values (`十四五`, `三四`) as literals
    // with no value, so callers can skip them as a whole.
    if (kind !== 'chinese') return null;
  }
  const inner = raw.length > 1 ? /[余多](?=万|亿|千万|百万)|[几数]/.exec(raw) : null;
  return {
    raw,
    start,
    end,
    kind,
    value: parsed?.value ?? null,
    valueHigh: null,
    placeholder: parsed?.placeholder ?? false,
    percentInside: false,
    innerQualifier: inner === null ? null : (inner[0] as InnerQualifier),
    hasMultiplier: raw.includes('万') || raw.includes('亿'),
  };
}

/**
 * parseNumber, remembered: the same literals recur (`十`, `二十`, `一九五八`, `30`), and reading
 * a Chinese numeral is the dearest step of a scan. The cached objects never leave this module
 * (toLiteral copies their fields). Cleared when full, so memory stays bounded.
 */
const parsedLiterals = new Map<string, ParsedNumber | null>();
const PARSED_LITERALS_MAX = 4096;

function parseLiteral(raw: string): ParsedNumber | null {
  let parsed = parsedLiterals.get(raw);
  if (parsed === undefined) {
    parsed = parseNumber(raw);
    if (parsedLiterals.size >= PARSED_LITERALS_MAX) parsedLiterals.clear();
    parsedLiterals.set(raw, parsed);
  }
  return parsed;
}

/**
 * `6%－6.5`, `6—6.5`, `5%至6`, `1000万—1200万`: join a literal with the one after a range
 * separator. Both bounds are of one kind; unless the first is a blank (`x%－x.x`), both have
 * a value and the range does not run backwards (`2022—2019` stays two literals).
 */
function readRangeTail(text: string, low: NumberLiteral): NumberLiteral | null {
  if (low.kind === 'both-hundred') return null;
  if (low.kind === 'percent-words') return readPercentWordsRange(text, low);
  if (low.kind === 'chinese' && low.value === null) return null;
  if (RANGE_TAIL_FIRST[text.charCodeAt(low.end)] !== 1) return null;
  RANGE_TAIL.lastIndex = low.end;
  const tail = RANGE_TAIL.exec(text);
  if (tail === null) return null;
  const highStart = low.end + tail[0].length;
  const next = literalAt(text, highStart);
  if (next === null) return null;
  const high = toLiteral(text, highStart, next.raw, next.kind);
  if (high === null || high.kind !== low.kind) return null;
  if (!low.placeholder && (high.value === null || low.value === null || high.value < low.value)) return null;
  // `至`/`到` also join clauses (`从3个增加到5个` is not a range, but there a unit
  // sits between); a bare `到` between two plain numbers is still read as a range.
  return {
    raw: text.slice(low.start, high.end),
    start: low.start,
    end: high.end,
    kind: low.kind,
    value: low.value,
    valueHigh: high.value,
    placeholder: low.placeholder || high.placeholder,
    percentInside: tail[1] !== undefined,
    innerQualifier: low.innerQualifier ?? high.innerQualifier,
    hasMultiplier: low.hasMultiplier || high.hasMultiplier,
  };
}

/**
 * `百分之八至九`, `百分之八到百分之九` (1995 report): a percentage written out, up to a Chinese
 * numeral or another written-out percentage.
 */
function readPercentWordsRange(text: string, low: NumberLiteral): NumberLiteral | null {
  const separator = text[low.end];
  if (separator !== '至' && separator !== '到' && separator !== '—' && separator !== '－') return null;
  const highStart = low.end + 1;
  const next = literalAt(text, highStart);
  if (next === null || (next.kind !== 'chinese' && next.kind !== 'percent-words')) return null;
  const high = toLiteral(text, highStart, next.raw, next.kind);
  if (high === null || high.value === null || low.value === null || high.value <= low.value) return null;
  return { ...low, raw: text.slice(low.start, high.end), end: high.end, valueHigh: high.value };
}

// ------------------------------------------------------------------ measure words

/** A unit or measure word that may follow a number. */
export interface MeasureWord {
  word: string;
  kind: UnitKind;
  /**
   * Characters after which the word is the start of another word, not a unit:
   * `项目` (not 项), `条例` (not 条), `人民` (not 人), `场所` (not 场).
   */
  notBefore?: string;
}

/**
 * Units and measure words of reports, by kind. A word is written `[word, notBefore]` where
 * it also starts other words (see `MeasureWord.notBefore`). `万`/`亿` are multipliers, not
 * part of the unit: `万元` is 万 + 元, `万人次` is 万 + 人次.
 * 年 is only a unit with 余/多 (`30多年`); otherwise `2021年` is a date: the
 * metric finder enforces that.
 */
const MEASURE_WORDS_BY_KIND: ReadonlyArray<readonly [UnitKind, ReadonlyArray<string | readonly [word: string, notBefore: string]>]> = [
  ['percent', ['%', '％']],
  ['percentage-point', ['个百分点', '百分点']],
  ['money', ['美元', '港元', '欧元', ['元', '旦素首宵老']]],
  ['person', ['人次', ['人', '民大均文'], ['名', '单称义誉片牌'], ['位', '于置列居次数']]],
  ['area', ['平方公里', '平方千米', '平方米', '公顷', '亩']],
  ['length', ['公里', '千米', '米', '英寸']],
  ['volume', ['立方米']],
  // `1600万吨标准煤`: energy use in tonnes of standard coal, one unit.
  ['weight', ['吨标准煤', '公斤', '千克', '微克', '毫克', '吨', '斤']],
  // Electricity in local reports: `亿度` (kWh), `千伏` lines; computing power in `P`/`PF`/`EFLOPS`.
  ['energy', ['千瓦时', '千瓦', '兆瓦', ['度', '过假'], '千伏']],
  // `连续33个榨季`: sugar-cane seasons.
  ['time', ['个工作日', '个季度', '个榨季', '个月', '小时', '分钟', '学时', '课时', ['天', '然津下空地气'], '年']],
  [
    'count',
    [
      '场次', '批次', '户次', '架次', '车次', '方面', ['次', '要生级日年月序'], ['个', '体'], '件',
      ['起', '草来步点始诉源到见伏码'], ['家', '庭长属乡园风族底'], ['项', '目'], ['条', '例件款线理约幅'],
      ['篇', '章幅'], ['场', '所景地馆面合'], ['期', '间货刊末初待限望'], ['批', '示准复评判'], ['户', '籍口型外'],
      ['所', '有在以属得谓长'], ['处', '理分置罚长级于室境'], ['轮', '岗换值流椅'], ['本', '地级身质领着次年届部科土单'],
      '册', ['部', '门署分长队委位件'], ['套', '餐取用'], ['种', '子类植养田地'], ['类', '似型别'], ['份', '额子'],
      ['台', '湾风账阶'], '辆', ['座', '谈'], '栋', '张', ['支', '持付出援撑柱'], ['例', '如外行'], ['宗', '教旨'],
      '棵', '株', '艘次', '艘', '个方面',
      // Containers in TEU (`5150.6万标准箱`, `500万标箱`), flat glass in `重量箱`, train runs (`4000班次`), groups of animals (`7群`).
      '标准箱', '标箱', '重量箱', '班次', ['群', '众体岛落租聊组团'],
      // Equipment in `台套`; pairs of sister cities (`148对`); playing fields (`405片`); `10大类`.
      '台套', ['对', '于外接口标比照称应象待付抗话齐策'], ['片', '区面刻段'], ['大类', '别型'], ['列', '入为举出席车表明'], ['金', '融额属牌库'], ['款', '项式待额'],
      ['只', '要有能是'], ['头', '部脑等两'],
    ],
  ],
  // `六成` (tenths), a score (`81.6分`), `20℃`, computing power.
  // Medals: `8金9银6铜` (金 is a count above).
  ['other', [['银', '行河杏川幕'], ['铜', '矿仁陵川'], '倍', ['岁', '月'], ['成', '为果效本立都绩员交功长熟品型就'], ['分', '之钟别类析配布散工享批级期区局会支行站队子歧解'], '℃', 'EFLOPS', 'EFlops', 'PF', ['P', 'A-Za-z']]],
];

const MEASURE_WORDS: readonly MeasureWord[] = MEASURE_WORDS_BY_KIND.flatMap(([kind, words]) =>
  words.map((word): MeasureWord => (typeof word === 'string' ? { word, kind } : { word: word[0], kind, notBefore: word[1] })),
);

const MEASURE_WORD_KIND = new Map(MEASURE_WORDS.map((m) => [m.word, m.kind]));

/** The kind of a measure word from `MEASURE_WORDS` (of its first part for `元/月`, `台（套）`); `other` when unknown. */
export function measureWordKind(word: string): UnitKind {
  return MEASURE_WORD_KIND.get(word) ?? MEASURE_WORD_KIND.get(word.split(/[/（(]/)[0]!) ?? 'other';
}

/**
 * What may follow a measure word inside its unit: a rate (`元/月`, `万元/人`, `吨/日`,
 * `微克/立方米`, `立方米/秒`) or an alternative in brackets (`万头（只）`, `台（套）`, `户（套）`).
 */
export const UNIT_EXTENSION_SOURCE =
  '(?:/(?:立方米|平方米|公里|小时|千瓦时|月|人|日|年|秒|天|吨|亩|户|次|辆|台))?(?:[（(][\u4e00-\u9fff]{1,2}[）)])?';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternation of all measure words, longest first, each with its `notBefore` guard. */
export const MEASURE_WORD_SOURCE = `(?:${[...MEASURE_WORDS]
  .sort((a, b) => b.word.length - a.word.length)
  .map((m) => escapeRegExp(m.word) + (m.notBefore ? `(?![${m.notBefore}])` : ''))
  .join('|')})`;
