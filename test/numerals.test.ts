/**
 * The value of a numeral (src/text/numerals.ts), shared by heading markers, enumerations,
 * slogans and number literals. Each caller's own rules are tested with the caller.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arabicDigitsValue, chineseDigitValue, chineseNumeralValue, toHalfWidthDigits } from '../src/text/numerals.js';

describe('toHalfWidthDigits', () => {
  it('maps full-width digits and point', () => {
    expect(toHalfWidthDigits('１９９７年增长６．５％')).toBe('1997年增长6.5％');
  });

  it('returns text without full-width digits unchanged', () => {
    expect(toHalfWidthDigits('增长6.5%')).toBe('增长6.5%');
  });
});

describe('arabicDigitsValue', () => {
  it('reads half- and full-width digits, mixed too', () => {
    expect(['7', '12', '１２', '1２', '0', '1997'].map(arabicDigitsValue)).toEqual([7, 12, 12, 12, 0, 1997]);
  });
});

describe('chineseDigitValue', () => {
  it('knows the digits, 两, both zeros and the financial forms', () => {
    expect([...'〇零一二两三四五六七八九'].map(chineseDigitValue)).toEqual([0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...'壹贰叁肆伍陆柒捌玖'].map(chineseDigitValue)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('is null for units and anything else', () => {
    expect(['十', '百', '万', '点', '双', 'x', '1', ''].map(chineseDigitValue)).toEqual([null, null, null, null, null, null, null, null]);
  });
});

describe('chineseNumeralValue', () => {
  it.each([
    // ordinals of heading markers and enumerations
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['九十九', 99],
    // cardinals of slogans and quantities
    ['两', 2],
    ['〇', 0],
    ['一百零五', 105],
    ['一百五十六', 156],
    ['两万', 20000],
    ['三千二百万', 32000000],
    ['一亿两千万', 120000000],
    ['叁拾', 30],
    ['三千二', 3200],
    ['二〇二一', 2021],
    ['三十六点五', 36.5],
    ['1.5万', 15000],
    ['１万６千', 16000],
  ])('%s → %d', (numeral, expected) => {
    expect(chineseNumeralValue(numeral)).toBe(expected);
  });

  it.each([['十四五'], ['三四'], ['十十'], ['百'], ['万'], ['二百十'], ['三百五百'], ['余'], ['十余'], ['双'], ['']])(
    '%s has no value',
    (numeral) => {
      expect(chineseNumeralValue(numeral)).toBeNull();
    },
  );

  it('reads every ordinal 1–99 as heading markers write it', () => {
    const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
        const tens = Math.floor(n / 10);
        const written = tens === 0 ? digits[n]! : `${tens === 1 ? '' : digits[tens]}十${digits[n % 10]}`;
        expect(chineseNumeralValue(written)).toBe(n);
      }),
    );
  });
});
