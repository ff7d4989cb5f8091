/**
 * The value of a numeral as reports write it: Arabic digits, half- or full-width, and
 * Chinese numerals.
 *
 * This module only says what a numeral is worth. What a caller accepts as a numeral in
 * its own context is the caller's rule on top of the value: heading markers take only an
 * ordinal written the usual way (extract/headings.ts), slogans read `十四五` and `九五` as
 * codes (extract/slogan-numerals.ts), number literals skip `余`/`多` and template blanks
 * (extract/numbers.ts).
 */

const FULL_WIDTH_DIGIT_ZERO = 0xff10;
const DIGIT_ZERO = 0x30;

/** `１９９７` → `1997`, `６．５` → `6.5`; other characters unchanged. */
export function toHalfWidthDigits(text: string): string {
  if (!/[０-９．]/.test(text)) return text;
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= FULL_WIDTH_DIGIT_ZERO && code <= FULL_WIDTH_DIGIT_ZERO + 9) {
      out += String.fromCharCode(code - FULL_WIDTH_DIGIT_ZERO + DIGIT_ZERO);
    } else if (char === '．') {
      out += '.';
    } else {
      out += char;
    }
  }
  return out;
}

/** Value of a run of Arabic digits, half- or full-width (`１２` → 12). Digits only: no sign, point or separator. */
export function arabicDigitsValue(digits: string): number {
  let value = 0;
  for (const char of digits) {
    const code = char.charCodeAt(0);
    value = value * 10 + (code >= FULL_WIDTH_DIGIT_ZERO ? code - FULL_WIDTH_DIGIT_ZERO : code - DIGIT_ZERO);
  }
  return value;
}

/** The digits, with the financial forms of contracts and budgets (`壹`, `贰`, `叁拾`). 两 is 2. */
const CHINESE_DIGIT_VALUES: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CHINESE_SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000,
};

/** Value of one Chinese digit character (`〇`/`零` … `九`, `两`, `壹` … `玖`), else null. */
export function chineseDigitValue(char: string): number | null {
  return CHINESE_DIGIT_VALUES[char] ?? null;
}

/** Tokens of a numeral: Arabic digits (which may stand before a Chinese unit: `1万6千`, `5.66万亿`), digits, units, `点`. */
const NUMERAL_TOKEN = /\d+(?:\.\d+)?|[零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖]|[十拾百佰千仟]|[万亿]|点/gy;

/**
 * The value of a Chinese numeral, or null when the text is not one (`十四五`, `三四`, `十十`,
 * a leading `百`, any other character).
 *
 * - digits with units: `十二` → 12, `一百零五` → 105, `两万三千` → 23000, `一亿两千万` → 120000000;
 * - a colloquial tail is one unit lower than the unit before it: `三千二` → 3200, `一百五` → 150;
 * - three or more bare digits, or two with a zero, are read digit by digit as years are:
 *   `二〇二一` → 2021, `一九九七` → 1997; two bare digits (`三四`, `五一`) are an approximation
 *   or a name and have no value;
 * - a decimal with `点`: `三十六点五` → 36.5;
 * - Arabic digits may stand for the digits before a unit: `1.5万` → 15000, `１万６千` → 16000.
 */
export function chineseNumeralValue(text: string): number | null {
  if (text.length === 1) {
    const digit = CHINESE_DIGIT_VALUES[text];
    if (digit !== undefined) return digit;
  }
  const halfWidth = toHalfWidthDigits(text);
  const tokens: string[] = [];
  NUMERAL_TOKEN.lastIndex = 0;
  while (NUMERAL_TOKEN.lastIndex < halfWidth.length) {
    const match = NUMERAL_TOKEN.exec(halfWidth);
    if (match === null) return null;
    tokens.push(match[0]);
  }
  const pointAt = tokens.indexOf('点');
  if (pointAt >= 0) {
    const whole = pointAt === 0 ? null : integerValue(tokens.slice(0, pointAt));
    const fraction = tokens.slice(pointAt + 1);
    // `四十七点三万亿` (the 18th Congress report): a decimal before its multiplier.
    let multiplier = 1;
    while (fraction.length > 0 && (fraction[fraction.length - 1] === '万' || fraction[fraction.length - 1] === '亿')) {
      multiplier *= fraction.pop() === '万' ? 1e4 : 1e8;
    }
    if (whole === null || fraction.length === 0) return null;
    let digits = '';
    for (const token of fraction) {
      const digit = CHINESE_DIGIT_VALUES[token];
      if (digit === undefined || token === '两') return null;
      digits += String(digit);
    }
    return multiplier === 1 ? Number(`${whole}.${digits}`) : Number((Number(`${whole}.${digits}`) * multiplier).toPrecision(15));
  }
  return integerValue(tokens);
}

/**
 * Classic grouping: digits × 十/百/千 make a section, 万 closes a section, 亿 closes
 * everything before it, so `5.66万亿` = 5.66 × 10⁴ × 10⁸.
 */
function integerValue(tokens: readonly string[]): number | null {
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
        // A leading 十 means 一十: `十二` = 12; `二百十` is malformed.
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
