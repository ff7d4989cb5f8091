/**
 * Numerals inside numbered slogans (SPEC §4): which characters make one, and what a
 * slogan's numeral counts. The value itself comes from text/numerals.ts; the rules here
 * are the slogans' own.
 */
import { chineseNumeralValue } from '../text/numerals.js';

/** Characters of a Chinese numeral in a slogan (no 亿, no financial forms: slogans do not use them). */
export const CJK_NUMERAL_CHARS = '零〇一二三四五六七八九十百千万两';
/** A character that starts or makes up a numeral in a slogan. 双 counts 2 (`双减`, `一岗双责`). */
export const NUMERAL_CHAR = new RegExp(`[${CJK_NUMERAL_CHARS}双0-9０-９]`);
export const LEADING_ARABIC = /^[0-9０-９]+/;
/** Measure words that make a numbered slogan: `三个代表`, `四项要求`, `十大工程`, `三十条`. */
export const SLOGAN_CLASSIFIERS = '个项大种条类张支级';
/**
 * An ordinal run just before a numeral: `第四种形态`, `第一、二、三、四种形态`. Not across a
 * clause's comma: in `增速全国第二，两化融合…` the rank ends its clause.
 */
export const ORDINAL_RUN = new RegExp(`第[${CJK_NUMERAL_CHARS}0-9０-９、和及与]*$`);

/** A digit right after a digit other than zero: `十四五`, `九五`, `五四`, `七一`, `三二一`, `二〇二一`. */
const DIGIT_AFTER_DIGIT = /[一二两三四五六七八九][零〇一二两三四五六七八九]/;
/** A magnitude written without its digit: `百县千乡`, `千村示范`, `千百万`; 万 only first (`二十万` is 20 × 万). */
const UNIT_WITHOUT_DIGIT = /(?<![一二两三四五六七八九])[十百千]|^万/g;

/**
 * Value of a Chinese cardinal in a slogan (`三`, `十二`, `三十二`, `一百五十六`, `两万`), or null
 * when the run is not a cardinal but a code: `十四五` (the 14th five-year plan), `九五`, `五四`,
 * `七一` (dates), `三二一` (an ordering).
 *
 * Two rules on top of the shared value (text/numerals.ts), both for what slogans write:
 * - two digits in a row make a code, not a count (the shared value reads `一九九七` as a year);
 * - a magnitude needs no digit: `百`, `千`, `万` stand for 一百, 一千, 一万 (`“百县千乡万村”`,
 *   `千百万`), where running text has words instead (`百姓`, `千方百计`) and the shared value
 *   reads none.
 */
export function chineseCardinalValue(numeral: string): number | null {
  if (DIGIT_AFTER_DIGIT.test(numeral)) return null;
  return chineseNumeralValue(numeral.replace(UNIT_WITHOUT_DIGIT, '一$&'));
}
