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

// ------------------------------------------------------------------ parsing

/** A single parsed number: its value, or null for a template blank. */
export interface ParsedNumber {
  /** Plain value with 万/亿/万亿 applied (`1.5万` → 15000); null for a placeholder. */
  value: number | null;
  /** True for template blanks: `xx`, `x.x`, `***`, `20xx`, `xxx余万`. */
  placeholder: boolean;
}

/** A parsed number or range: `6%－6.5%` → 6 with `valueHigh` 6.5. */
export interface ParsedRange extends ParsedNumber {
  /** Upper bound of a range, else null. */
  valueHigh: number | null;
}

const FULL_WIDTH_DIGIT_ZERO = 0xff10;

/** `１９９７` → `1997`, `６．５` → `6.5`; other characters unchanged. */
export function toHalfWidthDigits(text: string): string {
  if (!/[０-９．]/.test(text)) return text;
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= FULL_WIDTH_DIGIT_ZERO && code <= FULL_WIDTH_DIGIT_ZERO + 9) {
      out += String.fromCharCode(code - FULL_WIDTH_DIGIT_ZERO + 48);
    } else if (char === '．') {
      out += '.';
    } else {
      out += char;
    }
  }
  return out;
}

const CHINESE_DIGIT_VALUES: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CHINESE_SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000,
};

const PLACEHOLDER_RUN = /^(?:[xXｘＸ]+(?:[.．][xXｘＸ]+)?|\*{2,}|(?:19|20)[xXｘＸ]{2})$/;
/** A trailing multiplier, with the 余/多 that may sit before it (`xxx余万`, `20多万`). */
const TRAILING_MULTIPLIER = /[余多]?(?:万亿|千亿|百亿|亿|千万|百万|万)$/;
const PLAIN_ARABIC = /^\d+(?:\.\d+)?$/;
const GROUPED_ARABIC = /^\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$/;
/** Tokens of a numeral in which Chinese units may follow Arabic digits (`1万6千`, `5.66万亿`). */
const NUMERAL_TOKEN = /\d+(?:\.\d+)?|[零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖]|[十拾百佰千仟]|[万亿]|点|[余多]/gy;

/**
 * The value of one number literal as written, or null when it is not a
 * number (`十四五`, `三四`, `一二`: a name or an approximation, not a value).
 *
 * - `7`, `1,200`, `１９９７`, `8 ．8` (spaced-out scan) → 7, 1200, 1997, 8.8
 * - `两` → 2, `十二` → 12, `一百零五` → 105, `三千二` → 3200, `二〇二一` → 2021
 * - `1.5万` → 15000, `5.66万亿` → 5660000000000, `三千二百万` → 32000000
 * - `百分之十` → 10 (the percent is the unit), `双百` → 100
 * - `xx`, `x.x`, `***`, `20xx`, `xxx余万` → value null, placeholder true
 * - an inner 余/多 before 万/亿 is a qualifier and is skipped: `20余万` → 200000
 */
export function parseNumber(raw: string): ParsedNumber | null {
  const digit = raw.length === 1 ? CHINESE_DIGIT_VALUES[raw] : undefined;
  if (digit !== undefined) return { value: digit, placeholder: false };
  let text = toHalfWidthDigits(raw.trim()).replace(/ /g, '');
  if (text === '') return null;
  const blank = text.replace(TRAILING_MULTIPLIER, '');
  if (PLACEHOLDER_RUN.test(blank)) return { value: null, placeholder: true };
  if (text === '双百') return { value: 100, placeholder: false };
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
  const value = parseNumeral(text);
  return value === null ? null : finite(value);
}

function finite(value: number): ParsedNumber | null {
  return Number.isFinite(value) && value < 1e18 ? { value, placeholder: false } : null;
}

/**
 * A number or a range as written: `6%－6.5`, `6—6.5`, `5%至6`, `1000万—1200万`.
 * A single number gives `valueHigh` null. A range whose bounds are both known
 * must not run backwards (`2022—2019` is null).
 */
export function parseRange(raw: string): ParsedRange | null {
  const text = raw.trim();
  const match = RANGE_SPLIT.exec(text);
  if (match === null) {
    const single = parseNumber(text.replace(/[%％]$/, ''));
    return single === null ? null : { ...single, valueHigh: null };
  }
  const low = parseNumber(text.slice(0, match.index));
  const high = parseNumber(text.slice(match.index + match[0].length).replace(/[%％]$/, ''));
  if (low === null || high === null) return null;
  if (low.value !== null && high.value !== null && high.value < low.value) return null;
  return {
    value: low.value,
    valueHigh: high.value,
    placeholder: low.placeholder || high.placeholder,
  };
}

const RANGE_SPLIT = / ?[%％]? ?(?:——|[-－—–~～〜]|至|到) ?/;

/**
 * Chinese numerals, possibly mixed with Arabic digits before a unit.
 * Classic grouping: digits × 十/百/千 make a section, 万 closes a section,
 * 亿 closes everything before it, so `5.66万亿` = 5.66 × 10⁴ × 10⁸.
 */
function parseNumeral(text: string): number | null {
  const tokens: string[] = [];
  NUMERAL_TOKEN.lastIndex = 0;
  while (NUMERAL_TOKEN.lastIndex < text.length) {
    const match = NUMERAL_TOKEN.exec(text);
    if (match === null) return null;
    tokens.push(match[0]);
  }
  // `二十余万`, `20多万`: the qualifier is not part of the value; only before 万/亿.
  const cleaned: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '余' || token === '多') {
      const next = tokens[i + 1];
      if (i === 0 || (next !== '万' && next !== '亿')) return null;
      continue;
    }
    cleaned.push(token);
  }
  const pointAt = cleaned.indexOf('点');
  if (pointAt >= 0) {
    const whole = pointAt === 0 ? null : parseIntegerNumeral(cleaned.slice(0, pointAt));
    const fraction = cleaned.slice(pointAt + 1);
    if (whole === null || fraction.length === 0) return null;
    let digits = '';
    for (const token of fraction) {
      const digit = CHINESE_DIGIT_VALUES[token];
      if (digit === undefined || token === '两') return null;
      digits += String(digit);
    }
    return Number(`${whole}.${digits}`);
  }
  return parseIntegerNumeral(cleaned);
}

function parseIntegerNumeral(tokens: readonly string[]): number | null {
  if (tokens.length === 0) return null;
  // Digit by digit, as years are read: `二〇二一` → 2021, `一九九七` → 1997.
  // Two bare digits (`三四`, `五一`) are an approximation or a name, not a value.
  if (tokens.length > 1 && tokens.every((t) => t.length === 1 && CHINESE_DIGIT_VALUES[t] !== undefined)) {
    const hasZero = tokens.some((t) => CHINESE_DIGIT_VALUES[t] === 0);
    if (tokens.length < 3 && !hasZero) return null;
    if (tokens.includes('两')) return null;
    return Number(tokens.map((t) => CHINESE_DIGIT_VALUES[t]).join(''));
  }

  let total = 0; // everything up to and including the last 亿
  let tenThousands = 0; // the group closed by 万, not yet multiplied by 亿
  let section = 0; // below 万
  let digit: number | null = null;
  let digitIsChinese = false;
  let lastSmallUnit = 0; // 10/100/1000 last applied in this section
  let lastBigUnit = 0; // 1e4 or 1e8, the last 万/亿 seen
  let zeroSeen = false; // `一百零五`: the 五 is units, not tens

  for (const token of tokens) {
    const chineseDigit = CHINESE_DIGIT_VALUES[token];
    const smallUnit = CHINESE_SMALL_UNITS[token];
    if (chineseDigit !== undefined || /^\d/.test(token)) {
      if (digit !== null) return null; // `三四百`: an approximation
      const value = chineseDigit ?? Number(token);
      if (value === 0) {
        zeroSeen = true;
        continue;
      }
      digit = value;
      digitIsChinese = chineseDigit !== undefined;
    } else if (smallUnit !== undefined) {
      if (digit === null) {
        // A leading 十 means 一十: `十二` = 12, `二百十`? no, that is malformed.
        if (smallUnit !== 10 || section !== 0 || zeroSeen) return null;
        digit = 1;
      }
      if (lastSmallUnit !== 0 && smallUnit >= lastSmallUnit) return null;
      section += digit * smallUnit;
      lastSmallUnit = smallUnit;
      digit = null;
      zeroSeen = false;
    } else if (token === '万') {
      const group = section + (digit ?? 0);
      if (group === 0 || tenThousands !== 0) return null;
      tenThousands = group * 1e4;
      section = 0;
      digit = null;
      lastSmallUnit = 0;
      lastBigUnit = 1e4;
      zeroSeen = false;
    } else if (token === '亿') {
      const group = tenThousands + section + (digit ?? 0);
      if (group === 0 || total !== 0) return null;
      total = group * 1e8;
      tenThousands = 0;
      section = 0;
      digit = null;
      lastSmallUnit = 0;
      lastBigUnit = 1e8;
      zeroSeen = false;
    } else {
      return null;
    }
  }

  if (digit !== null && !zeroSeen) {
    // Colloquial tails: `三千二` = 3200, `两万三` = 23000, `一百五` = 150.
    const previousUnit = lastSmallUnit !== 0 ? lastSmallUnit : lastBigUnit;
    if (previousUnit > 10) {
      if (!digitIsChinese) return null; // `1万6`: too ambiguous to guess
      digit *= previousUnit / 10;
    }
  }
  return roundFloat(total + tenThousands + section + (digit ?? 0));
}

/** 1.1 × 10000 is 11000.000000000002 in floating point; reports never carry that many digits. */
function roundFloat(value: number): number {
  return Number(value.toPrecision(12));
}

// ------------------------------------------------------------------ scanning

const DIGIT = '[0-9０-９]';
const DOT = '[.．]';
const X = '[xXｘＸ]';

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
const ARABIC_UNIT_CHAIN = '(?:百(?!分)|千(?![米瓦克])|万|亿)+';

/**
 * Chinese numerals. The first character must be a digit or 十, so that
 * 万众, 千方百计, 百姓 are not numbers; 一 inside words (统一, 一是) is found
 * here and left to the metric finder to reject.
 */
export const CHINESE_NUMBER_SOURCE =
  '[零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾][零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]*(?:点[零〇一二三四五六七八九]+)?';

/** Template blanks for a number: `xx`, `x.x`, `xxx.xx`, `***`, and the year blank `20xx`. */
export const PLACEHOLDER_NUMBER_SOURCE = `(?:19|20|１９|２０)${X}{2}(?!${X})|${X}+(?:${DOT}${X}+)?|\\*{2,}`;

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
  `|(?<chinese>${CHINESE_NUMBER_SOURCE}(?:${INNER_QUALIFIER}(?:万亿|亿|万))?)`;

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
  /** `6%－6.5`: the first bound carried its own percent sign. */
  percentInside: boolean;
  /** 余/多 written inside the number, before its multiplier: `20余万` → `余`. */
  innerQualifier: '余' | '多' | null;
  /** The number is written with 万/亿 (`1.5万`, `三千二百万`). */
  hasMultiplier: boolean;
}

const LITERAL = new RegExp(NUMBER_LITERAL_SOURCE, 'g');
const RANGE_TAIL = new RegExp(` ?([%％])? ?${RANGE_SEPARATOR_SOURCE} ?`, 'y');
/** Latin letters, accented ones included (`ｘī＠②铜片`: OCR debris in the 1950s reports). */
const LATIN_LETTER = /[A-Za-z_\u00c0-\u024f]/;
const LATIN_WORD_CHAR = /[A-Za-z0-9_\u00c0-\u024f]/;

/**
 * Every number literal in `text[from, to)`, left to right, ranges joined.
 *
 * Literals glued to Latin letters or digits belong to a Latin word or code
 * and are skipped: `PM2.5`, `5G`, `x86`, the x of `Excel`, `dadawk01`.
 * Asterisk blanks may touch digits (`《***2022年…》`).
 */
export function scanNumbers(text: string, from = 0, to = text.length): NumberLiteral[] {
  const found: NumberLiteral[] = [];
  const region = from === 0 && to === text.length ? text : text.slice(0, to);
  LITERAL.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = LITERAL.exec(region)) !== null) {
    const literal = toLiteral(region, match);
    if (literal === null) {
      // Skip the whole glued token (`PM2.5` must not yield `.5` then `5`).
      LITERAL.lastIndex = match.index + match[0].length;
      continue;
    }
    const range = readRangeTail(region, literal);
    const result = range ?? literal;
    found.push(result);
    LITERAL.lastIndex = result.end;
  }
  return found;
}

function toLiteral(text: string, match: RegExpExecArray): NumberLiteral | null {
  const groups = match.groups ?? {};
  const raw = match[0];
  const start = match.index;
  const end = start + raw.length;
  const kind: NumberLiteralKind =
    groups.placeholder !== undefined ? 'placeholder'
      : groups.percentWords !== undefined ? 'percent-words'
        : groups.bothHundred !== undefined ? 'both-hundred'
          : groups.arabic !== undefined ? 'arabic'
            : 'chinese';
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (kind === 'arabic' || (kind === 'placeholder' && raw[0] !== '*')) {
    if (LATIN_WORD_CHAR.test(before) || LATIN_WORD_CHAR.test(after)) return null;
  } else if (kind === 'placeholder') {
    if (LATIN_LETTER.test(before) || LATIN_LETTER.test(after)) return null;
  }
  const parsed = parseNumber(raw);
  if (parsed === null) {
    // Still report Chinese runs that are not values (`十四五`, `三四`) as literals
    // with no value, so callers can skip them as a whole.
    if (kind !== 'chinese') return null;
  }
  const inner = /[余多](?=万|亿|千万|百万)/.exec(raw);
  return {
    raw,
    start,
    end,
    kind,
    value: parsed?.value ?? null,
    valueHigh: null,
    placeholder: parsed?.placeholder ?? false,
    percentInside: false,
    innerQualifier: inner === null ? null : (inner[0] as '余' | '多'),
    hasMultiplier: /[万亿]/.test(raw),
  };
}

/** `6%－6.5`, `6—6.5`, `5%至6`: join a literal with the one after a range separator. */
function readRangeTail(text: string, low: NumberLiteral): NumberLiteral | null {
  if (low.kind === 'percent-words' || low.kind === 'both-hundred') return null;
  if (low.kind === 'chinese' && low.value === null) return null;
  RANGE_TAIL.lastIndex = low.end;
  const tail = RANGE_TAIL.exec(text);
  if (tail === null) return null;
  const highStart = low.end + tail[0].length;
  LITERAL.lastIndex = highStart;
  const next = LITERAL.exec(text);
  if (next === null || next.index !== highStart) return null;
  const high = toLiteral(text, next);
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
 * Units and measure words of reports. `万`/`亿` are multipliers, not part of
 * the unit: `万元` is 万 + 元, `万人次` is 万 + 人次.
 * 年 is only a unit with 余/多 (`30多年`); otherwise `2021年` is a date: the
 * metric finder enforces that.
 */
export const MEASURE_WORDS: readonly MeasureWord[] = [
  // percent and points
  { word: '%', kind: 'percent' },
  { word: '％', kind: 'percent' },
  { word: '个百分点', kind: 'percentage-point' },
  { word: '百分点', kind: 'percentage-point' },
  // money
  { word: '美元', kind: 'money' },
  { word: '港元', kind: 'money' },
  { word: '欧元', kind: 'money' },
  { word: '元', kind: 'money', notBefore: '旦素首宵老' },
  // people
  { word: '人次', kind: 'person' },
  { word: '人', kind: 'person', notBefore: '民大均文' },
  { word: '名', kind: 'person', notBefore: '单称义誉片牌' },
  { word: '位', kind: 'person', notBefore: '于置列居次数' },
  // area, length, volume, weight, energy
  { word: '平方公里', kind: 'area' },
  { word: '平方千米', kind: 'area' },
  { word: '平方米', kind: 'area' },
  { word: '公顷', kind: 'area' },
  { word: '亩', kind: 'area' },
  { word: '公里', kind: 'length' },
  { word: '千米', kind: 'length' },
  { word: '米', kind: 'length' },
  { word: '立方米', kind: 'volume' },
  { word: '公斤', kind: 'weight' },
  { word: '千克', kind: 'weight' },
  { word: '吨', kind: 'weight' },
  { word: '斤', kind: 'weight' },
  { word: '千瓦时', kind: 'energy' },
  { word: '千瓦', kind: 'energy' },
  { word: '兆瓦', kind: 'energy' },
  // time
  { word: '个工作日', kind: 'time' },
  { word: '个月', kind: 'time' },
  { word: '小时', kind: 'time' },
  { word: '分钟', kind: 'time' },
  { word: '学时', kind: 'time' },
  { word: '课时', kind: 'time' },
  { word: '天', kind: 'time', notBefore: '然津下空地气' },
  { word: '年', kind: 'time' },
  // counts
  { word: '场次', kind: 'count' },
  { word: '批次', kind: 'count' },
  { word: '户次', kind: 'count' },
  { word: '架次', kind: 'count' },
  { word: '车次', kind: 'count' },
  { word: '方面', kind: 'count' },
  { word: '次', kind: 'count', notBefore: '要生级日年月序' },
  { word: '个', kind: 'count', notBefore: '体' },
  { word: '件', kind: 'count' },
  { word: '起', kind: 'count', notBefore: '草来步点始诉源到见伏码' },
  { word: '家', kind: 'count', notBefore: '庭长属乡园风族底' },
  { word: '项', kind: 'count', notBefore: '目' },
  { word: '条', kind: 'count', notBefore: '例件款线理约幅' },
  { word: '篇', kind: 'count', notBefore: '章幅' },
  { word: '场', kind: 'count', notBefore: '所景地馆面合' },
  { word: '期', kind: 'count', notBefore: '间货刊末初待限望' },
  { word: '批', kind: 'count', notBefore: '示准复评判' },
  { word: '户', kind: 'count', notBefore: '籍口型外' },
  { word: '所', kind: 'count', notBefore: '有在以属得谓长' },
  { word: '处', kind: 'count', notBefore: '理分置罚长级于室境' },
  { word: '轮', kind: 'count', notBefore: '岗换值流椅' },
  { word: '本', kind: 'count', notBefore: '地级身质领着次年届部科土单' },
  { word: '册', kind: 'count' },
  { word: '部', kind: 'count', notBefore: '门署分长队委位件' },
  { word: '套', kind: 'count', notBefore: '餐取用' },
  { word: '种', kind: 'count', notBefore: '子类植养田地' },
  { word: '类', kind: 'count', notBefore: '似型别' },
  { word: '份', kind: 'count', notBefore: '额子' },
  { word: '台', kind: 'count', notBefore: '湾风账阶' },
  { word: '辆', kind: 'count' },
  { word: '座', kind: 'count', notBefore: '谈' },
  { word: '栋', kind: 'count' },
  { word: '张', kind: 'count' },
  { word: '支', kind: 'count', notBefore: '持付出援撑柱' },
  { word: '例', kind: 'count', notBefore: '如外行' },
  { word: '宗', kind: 'count', notBefore: '教旨' },
  { word: '棵', kind: 'count' },
  { word: '株', kind: 'count' },
  { word: '艘', kind: 'count' },
  // other
  { word: '倍', kind: 'other' },
  { word: '岁', kind: 'other', notBefore: '月' },
];

const MEASURE_WORD_KIND = new Map(MEASURE_WORDS.map((m) => [m.word, m.kind]));

/** The kind of a measure word from `MEASURE_WORDS`; `other` when unknown. */
export function measureWordKind(word: string): UnitKind {
  return MEASURE_WORD_KIND.get(word) ?? 'other';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternation of all measure words, longest first, each with its `notBefore` guard. */
export const MEASURE_WORD_SOURCE = `(?:${[...MEASURE_WORDS]
  .sort((a, b) => b.word.length - a.word.length)
  .map((m) => escapeRegExp(m.word) + (m.notBefore ? `(?![${m.notBefore}])` : ''))
  .join('|')})`;
