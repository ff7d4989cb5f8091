import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNumber, scanNumbers } from '../src/extract/numbers.js';

const value = (raw: string) => parseNumber(raw)?.value;

describe('parseNumber: Arabic numbers as written in reports', () => {
  it.each([
    ['7', 7],
    ['100', 100],
    ['1.5', 1.5],
    ['1,200', 1200],
    ['1,200,300', 1200300],
    ['１９９７', 1997],
    ['６．５', 6.5],
    // Spaced out by the scan of the 1998 report: `7 4 7 7 2 亿元`, `8 ．8 ％`.
    ['7 4 7 7 2', 74772],
    ['8 ．8', 8.8],
    // Thousands grouped with a full-width comma in reports of the 1950s–80s.
    ['４，０９４，８８９，０００', 4094889000],
    ['1，062', 1062],
  ])('%s → %d', (raw, expected) => {
    expect(parseNumber(raw)).toEqual({ value: expected, placeholder: false });
  });
});

describe('parseNumber: Chinese numerals', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['二', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十五', 25],
    ['一百零五', 105],
    ['一百一十', 110],
    ['三千二百', 3200],
    ['三千零二', 3002],
    ['一万零五百', 10500],
    ['两万三千', 23000],
    ['十万', 100000],
    ['一亿两千万', 120000000],
    ['八千二百九十一亿', 829100000000],
    ['二十七亿四千万', 2740000000],
    ['一千零二万', 10020000],
    ['三十六点五', 36.5],
    ['零点五', 0.5],
    // Colloquial tails: the digit after the last unit is one unit lower.
    ['三千二', 3200],
    ['两万三', 23000],
    ['一百五', 150],
    // Read digit by digit, as years are: `二〇二一年`.
    ['二〇二一', 2021],
    ['一九九七', 1997],
    // Financial numerals.
    ['叁拾', 30],
  ])('%s → %d', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  it('百分之十 is 10 (the percent is the unit), 百分之三十六点五 is 36.5', () => {
    expect(value('百分之十')).toBe(10);
    expect(value('百分之三十六点五')).toBe(36.5);
    expect(value('百分之0.5')).toBe(0.5);
  });

  it('双百 (two rates, both 100) is 100', () => {
    expect(parseNumber('双百')).toEqual({ value: 100, placeholder: false });
  });

  it.each([['十四五'], ['三四'], ['五一'], ['一二'], ['两三'], ['万'], ['十十'], ['三百五百'], ['二两'], ['']])(
    '%s is not a value (a name or an approximation)',
    (raw) => {
      expect(parseNumber(raw)).toBeNull();
    },
  );
});

describe('parseNumber: 万 / 亿 / 万亿 are applied, the unit is kept apart', () => {
  it.each([
    ['1.5万', 15000],
    ['5.66万亿', 5660000000000],
    ['10万', 100000],
    ['2.76万亿', 2760000000000],
    ['134.9万亿', 134900000000000],
    ['1.1万', 11000],
    ['3千万', 30000000],
    ['1万6千', 16000],
    ['三千二百万', 32000000],
    ['7 4 7 7 2 亿', 7477200000000],
    ['１１亿', 1100000000],
    // 余/多 before the multiplier is a qualifier, not part of the value.
    ['20余万', 200000],
    ['二十余万', 200000],
    ['30多万', 300000],
  ])('%s → %d', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });
});

describe('parseNumber: template blanks have no value', () => {
  it.each([['xx'], ['X'], ['XX'], ['x.x'], ['xxx.xx'], ['ｘｘ'], ['Ｘ'], ['**'], ['***'], ['*****'], ['20xx'], ['19XX'], ['x.x万'], ['xxx余万'], ['X万']])(
    '%s → null, placeholder',
    (raw) => {
      expect(parseNumber(raw)).toEqual({ value: null, placeholder: true });
    },
  );

  it('a single asterisk is not a blank', () => {
    expect(parseNumber('*')).toBeNull();
  });
});

describe('ranges (scanNumbers)', () => {
  /** The value, upper bound and blank flag of each literal scanNumbers finds in `text`. */
  const bounds = (text: string) =>
    scanNumbers(text).map(({ value, valueHigh, placeholder }) => ({ value, valueHigh, placeholder }));

  it.each([
    ['6%－6.5', 6, 6.5],
    ['6%－6.5%', 6, 6.5],
    ['6—6.5', 6, 6.5],
    ['6%-6.5', 6, 6.5],
    ['5%至6', 5, 6],
    ['6.5%－7', 6.5, 7],
    ['1000万—1200万', 10000000, 12000000],
  ])('%s → %d to %d', (raw, low, high) => {
    expect(bounds(raw)).toEqual([{ value: low, valueHigh: high, placeholder: false }]);
  });

  it('a single number has no upper bound', () => {
    expect(bounds('6.6')).toEqual([{ value: 6.6, valueHigh: null, placeholder: false }]);
  });

  it('a range of blanks is a placeholder', () => {
    expect(bounds('x%－x.x')).toEqual([{ value: null, valueHigh: null, placeholder: true }]);
  });

  it('a range that runs backwards is not a range', () => {
    expect(bounds('2022—2019')).toEqual([
      { value: 2022, valueHigh: null, placeholder: false },
      { value: 2019, valueHigh: null, placeholder: false },
    ]);
  });
});

describe('scanNumbers', () => {
  const raws = (text: string) => scanNumbers(text).map((literal) => literal.raw);

  it('finds literals with their offsets, ranges joined', () => {
    const text = '国内生产总值增长6%－6.5%，城镇新增就业1100万人以上';
    const found = scanNumbers(text);
    expect(found.map((l) => l.raw)).toEqual(['6%－6.5', '1100万']);
    expect(found[0]).toMatchObject({ start: 8, end: 14, value: 6, valueHigh: 6.5, percentInside: true, kind: 'arabic' });
    expect(found[1]).toMatchObject({ value: 11000000, hasMultiplier: true });
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe('1100万');
  });

  it('joins ranges written with —, -, 至 and 到', () => {
    expect(raws('增长6—6.5%')).toEqual(['6—6.5']);
    expect(raws('增长6%-6.5%')).toEqual(['6%-6.5']);
    expect(raws('增长5%至6%')).toEqual(['5%至6']);
    expect(raws('用3到5年时间')).toEqual(['3到5']);
  });

  it('keeps inner qualifiers and multipliers with the number', () => {
    const [blank] = scanNumbers('拨付“留岗红包”xxx余万元');
    expect(blank).toMatchObject({ raw: 'xxx余万', kind: 'placeholder', placeholder: true, value: null, innerQualifier: '余' });
    expect(scanNumbers('二十余万人')[0]).toMatchObject({ raw: '二十余万', value: 200000, innerQualifier: '余' });
    expect(scanNumbers('X万余人次')[0]).toMatchObject({ raw: 'X万', innerQualifier: null });
  });

  it('reads the digits of old scans as one number', () => {
    expect(raws('1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，增长8 ．8 ％')).toEqual(['1 9 9 7', '7 4 7 7 2 亿', '8 ．8']);
  });

  it('does not read a heading marker with a space after the point as a decimal', () => {
    expect(raws('2. 5个方面')).toEqual(['2', '5']);
  });

  it('skips numbers glued to Latin words: PM2.5, 5G, x86, Excel, dadawk01', () => {
    expect(raws('PM2.5浓度、5G基站、x86架构、Excel表格、微信：dadawk01、XML文件、App')).toEqual([]);
    expect(raws('PM10、PM2.5、空气质量优良天数')).toEqual([]);
  });

  it('finds blanks: xx, x.x, ***, 20xx', () => {
    expect(scanNumbers('开展20xx年度检查，召开xx次，完成x.x亿元，整改率为***').map((l) => [l.raw, l.kind])).toEqual([
      ['20xx', 'placeholder'],
      ['xx', 'placeholder'],
      ['x.x亿', 'placeholder'],
      ['***', 'placeholder'],
    ]);
  });

  it('reports Chinese runs that are not values with value null', () => {
    const [plan] = scanNumbers('编制十四五规划');
    expect(plan).toMatchObject({ raw: '十四五', value: null, placeholder: false });
  });

  it('does not start a Chinese numeral on 万, 千 or 百 (万众, 千方百计, 百姓)', () => {
    expect(raws('万众一心，千方百计，百姓')).toEqual(['一']);
  });

  it('has no value for a run of digits too long to be a quantity', () => {
    expect(parseNumber('9'.repeat(400))).toBeNull();
  });
});

// ------------------------------------------------------------------ properties

const CHINESE_DIGITS = '零一二三四五六七八九';

/** A plain reference formatter (standard readings, with 零 for gaps), for round trips. */
function toChinese(n: number): string {
  if (n === 0) return '零';
  const section = (value: number): string => {
    let out = '';
    let zero = false;
    for (const [unit, name] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
      const digit = Math.floor(value / unit) % 10;
      if (digit === 0) {
        if (out !== '') zero = true;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += CHINESE_DIGITS[digit]! + name;
    }
    return out;
  };
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor((n % 1e8) / 1e4);
  const rest = n % 1e4;
  let out = '';
  if (yi > 0) out += section(yi) + '亿';
  if (wan > 0) out += (yi > 0 && wan < 1000 ? '零' : '') + section(wan) + '万';
  else if (yi > 0 && rest > 0) out += '零';
  if (rest > 0) out += ((yi > 0 || wan > 0) && rest < 1000 && !out.endsWith('零') ? '零' : '') + section(rest);
  return out;
}

describe('properties', () => {
  it('Chinese numerals round-trip from 0 to 10¹²', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        expect(value(toChinese(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('Arabic numbers round-trip with and without thousands separators, half- and full-width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        expect(value(String(n))).toBe(n);
        expect(value(n.toLocaleString('en-US'))).toBe(n);
        const fullWidth = String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
        expect(value(fullWidth)).toBe(n);
      }),
    );
  });

  it('万 and 亿 multiply exactly (to 12 significant digits)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const written = `${whole}.${String(cents).padStart(2, '0')}`;
        expect(value(`${written}万`)).toBe(Number((Number(written) * 1e4).toPrecision(12)));
        expect(value(`${written}亿`)).toBe(Number((Number(written) * 1e8).toPrecision(12)));
      }),
    );
  });

  it('scanNumbers never throws and returns ordered, non-overlapping literals', () => {
    const alphabet = fc.constantFrom(...'0123456789０１.．,，xX*一二两十百千万亿零点余多%％－—至、个人次元年第PMG “”《》'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join('')), (text) => {
        const found = scanNumbers(text);
        let end = 0;
        for (const literal of found) {
          expect(literal.start).toBeGreaterThanOrEqual(end);
          expect(text.slice(literal.start, literal.end)).toBe(literal.raw);
          end = literal.end;
        }
      }),
    );
  });
});
