/**
 * Headline indicators (src/extract/indicators.ts): each metric's indicator, and per
 * 政府工作报告 the GDP growth target set for the coming year and the growth it reports
 * for the past year — checked against every national report of the archive (fixtures/archive/),
 * read by hand (the table below).
 */
import { describe, expect, it } from 'vitest';
import { analyzeJson } from '../src/analyze.js';
import { archiveRecords, governmentReport } from './helpers/fixtures.js';

/** The indicator of the metric written `raw` in `text`. */
function indicatorAt(text: string, raw: string): string | null | undefined {
  const offset = text.indexOf(raw);
  return analyzeJson(text).metrics.find((metric) => metric.offset === offset)?.indicator;
}

describe('the indicator of a metric', () => {
  // 2014 report: the list of the year's main targets.
  const targets =
    '今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右，居民消费价格涨幅控制在3.5%左右，城镇新增就业1000万人以上，城镇登记失业率控制在4.6%以内，国际收支基本平衡。';

  it('names each indicator of a list of targets', () => {
    expect(indicatorAt(targets, '7.5%左右')).toBe('gdp-growth');
    expect(indicatorAt(targets, '3.5%左右')).toBe('cpi');
    expect(indicatorAt(targets, '1000万人以上')).toBe('urban-jobs');
    expect(indicatorAt(targets, '4.6%以内')).toBe('registered-unemployment');
  });

  it('reads growth after a level (2024, 2025 reports)', () => {
    const text = '国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。';
    expect(indicatorAt(text, '5.2%')).toBe('gdp-growth');
    expect(indicatorAt(text, '超过126万亿元')).toBeNull();
  });

  it('leaves figures that only mention GDP in passing', () => {
    // 2025 report.
    const share = '加快数字中国建设，数字经济核心产业增加值占国内生产总值比重达到10%左右。';
    expect(indicatorAt(share, '10%左右')).toBeNull();
    const contribution = '国内生产总值达到134.9万亿元、增长5%，对全球经济增长的贡献率保持在30%左右。';
    expect(indicatorAt(contribution, '5%')).toBe('gdp-growth');
    expect(indicatorAt(contribution, '30%左右')).toBeNull();
  });

  it('tells energy intensity, deficit ratio, surveyed unemployment and grain output apart', () => {
    const text =
      '城镇调查失业率5.5%左右；单位国内生产总值能耗降低2.5%左右；赤字率拟按3%安排；粮食产量1.3万亿斤以上。';
    expect(indicatorAt(text, '5.5%左右')).toBe('surveyed-unemployment');
    expect(indicatorAt(text, '2.5%左右')).toBe('energy-intensity');
    expect(indicatorAt(text, '3%')).toBe('deficit-ratio');
    expect(indicatorAt(text, '1.3万亿斤以上')).toBe('grain-output');
  });
});

describe('targets and outcomes of one report', () => {
  it('prefers the year’s target to unemployment, points and five-year figures', () => {
    const text = [
      '今后五年，国内生产总值年均增长7%以上。',
      '今年发展主要预期目标是：国内生产总值增长8%左右，城镇登记失业率控制在4.6%以内。',
    ].join('\n\n');
    const json = analyzeJson(text);
    expect(json.targets.find((value) => value.indicator === 'gdp-growth')).toMatchObject({ value: 8, qualifier: '左右', raw: '8%左右' });
    expect(json.targets.find((value) => value.indicator === 'registered-unemployment')).toMatchObject({ value: 4.6, qualifier: '以内' });
  });

  it('takes the past year’s growth, not a five-year average, as the outcome', () => {
    const text = '国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。国内生产总值增长6.9%，居民收入增长7.3%。';
    const json = analyzeJson(text);
    expect(json.outcomes.find((value) => value.indicator === 'gdp-growth')).toMatchObject({ value: 6.9, raw: '6.9%' });
  });
});

/**
 * year → [GDP growth target for that year, growth of the year before], as the report states
 * them (null: the report states none for one year; 2000 says only `国内生产总值增长率达到预期
 * 目标`, 2001 and 2003 give five-year averages, 2008 compares 2007 with 2002). Before 1992
 * the reports set targets for 工农业总产值, not for GNP/GDP: none. 1992–1993 name 国民生产总值.
 * Ranges as [low, high].
 */
const GDP_GROWTH: Record<number, [number | [number, number] | null, number | null]> = {
  2025: [5, 5], 2024: [5, 5.2], 2023: [5, 3], 2022: [5.5, 8.1], 2021: [6, 2.3],
  2019: [[6, 6.5], 6.6], 2018: [6.5, 6.9], 2017: [6.5, 6.7], 2016: [[6.5, 7], 6.9], 2015: [7, 7.4],
  2014: [7.5, 7.7], 2013: [7.5, 7.8], 2012: [7.5, 9.2], 2011: [8, 10.3], 2010: [8, 8.7],
  2009: [8, 9], 2008: [8, null], 2007: [8, 10.7], 2006: [8, 9.9], 2005: [8, 9.5],
  2004: [7, 9.1], 2003: [7, null], 2002: [null, 7.3], 2001: [null, null], 2000: [null, null],
  1999: [7, 7.8], 1998: [8, 8.8], 1997: [8, 9.7], 1995: [[8, 9], 11.8], 1994: [9, 13.4],
  1993: [8, 12.8], 1992: [6, 7],
  1988: [null, null], 1987: [null, null], 1986: [null, null], 1985: [null, null], 1984: [null, null],
  1983: [null, null], 1982: [null, null], 1981: [null, null], 1980: [null, null], 1979: [null, null],
  1978: [null, null], 1975: [null, null], 1964: [null, null], 1960: [null, null], 1959: [null, null],
  1958: [null, null], 1957: [null, null], 1956: [null, null], 1955: [null, null], 1954: [null, null],
};

const asRange = (value: number | [number, number] | null) =>
  value === null ? null : Array.isArray(value) ? { value: value[0], valueHigh: value[1] } : { value, valueHigh: null };

describe('GDP growth in every national 政府工作报告 of the archive', () => {
  for (const [year, [target, outcome]] of Object.entries(GDP_GROWTH)) {
    it(`${year}: target ${JSON.stringify(target)}, outcome ${JSON.stringify(outcome)}`, () => {
      const json = analyzeJson(governmentReport(Number(year)));
      const pick = (values: typeof json.targets) => {
        const found = values.find((value) => value.indicator === 'gdp-growth');
        return found === undefined ? null : { value: found.value, valueHigh: found.valueHigh };
      };
      expect(pick(json.targets)).toEqual(asRange(target));
      expect(pick(json.outcomes)).toEqual(asRange(outcome));
    });
  }
});

/**
 * Every target of every national report that states targets, as read in the report's
 * 主要预期目标 paragraph, its budget paragraph (赤字率) and, before 1992, its plan for the year
 * (1958: 一九五八年计划粮食产量三千九百二十亿斤). Values as AnalysisJson gives them (万 applied:
 * 城镇新增就业1200万人 → 12000000; 粮食产量1.3万亿斤 → 1300000000000 斤, 5.5亿吨 → 550000000 吨);
 * ranges as [low, high]. Not targets: 商品零售价格 (1990s, a retail price index, not the CPI),
 * five-year plan figures (2016 `“十三五”时期…年均增长6.5%以上`, 2021 `城镇调查失业率控制在5.5%以内`
 * of the 14th plan), last year's figure (2015 `赤字率从去年的2.1%提高到2.3%`), results
 * (1987 `粮食产量达到39109万吨` for 1986, 1955 `一九三六年的粮食产量是三千亿斤`).
 * Left out though a reader sees it: the 1980 report's plan for 1981 (`粮食产量34，250万吨`,
 * announced paragraphs earlier). The indicators local reports add (进出口, 固定资产投资…) are national
 * targets in four years: 2012 `进出口总额增长10％左右`, 2014 `今年进出口总额预期增长7.5%左右`, 2015
 * `进出口增长6%左右`, 1992 `全社会固定资产投资增长百分之八`.
 */
const TARGETS: Record<number, Record<string, number | [number, number]>> = {
  2025: { 'gdp-growth': 5, 'cpi': 2, 'urban-jobs': 12000000, 'surveyed-unemployment': 5.5, 'deficit-ratio': 4, 'grain-output': 1400000000000, 'energy-intensity': 3 },
  2024: { 'gdp-growth': 5, 'cpi': 3, 'urban-jobs': 12000000, 'surveyed-unemployment': 5.5, 'deficit-ratio': 3, 'grain-output': 1300000000000, 'energy-intensity': 2.5 },
  2023: { 'gdp-growth': 5, 'cpi': 3, 'urban-jobs': 12000000, 'surveyed-unemployment': 5.5, 'deficit-ratio': 3, 'grain-output': 1300000000000 },
  2022: { 'gdp-growth': 5.5, 'cpi': 3, 'urban-jobs': 11000000, 'surveyed-unemployment': 5.5, 'deficit-ratio': 2.8, 'grain-output': 1300000000000 },
  2021: { 'gdp-growth': 6, 'cpi': 3, 'urban-jobs': 11000000, 'surveyed-unemployment': 5.5, 'deficit-ratio': 3.2, 'grain-output': 1300000000000, 'energy-intensity': 3 },
  2019: { 'gdp-growth': [6, 6.5], 'cpi': 3, 'urban-jobs': 11000000, 'surveyed-unemployment': 5.5, 'registered-unemployment': 4.5, 'deficit-ratio': 2.8, 'energy-intensity': 3 },
  2018: { 'gdp-growth': 6.5, 'cpi': 3, 'urban-jobs': 11000000, 'surveyed-unemployment': 5.5, 'registered-unemployment': 4.5, 'deficit-ratio': 2.6, 'energy-intensity': 3 },
  2017: { 'gdp-growth': 6.5, 'cpi': 3, 'urban-jobs': 11000000, 'registered-unemployment': 4.5, 'deficit-ratio': 3, 'energy-intensity': 3.4 },
  2016: { 'gdp-growth': [6.5, 7], 'cpi': 3, 'urban-jobs': 10000000, 'registered-unemployment': 4.5, 'deficit-ratio': 3, 'energy-intensity': 3.4 },
  2015: { 'gdp-growth': 7, 'cpi': 3, 'urban-jobs': 10000000, 'registered-unemployment': 4.5, 'deficit-ratio': 2.3, 'grain-output': 550000000, 'energy-intensity': 3.1, 'trade-growth': 6 },
  2014: { 'gdp-growth': 7.5, 'cpi': 3.5, 'urban-jobs': 10000000, 'registered-unemployment': 4.6, 'deficit-ratio': 2.1, 'energy-intensity': 3.9, 'trade-growth': 7.5 },
  2013: { 'gdp-growth': 7.5, 'cpi': 3.5, 'urban-jobs': 9000000, 'registered-unemployment': 4.6, 'deficit-ratio': 2 },
  2012: { 'gdp-growth': 7.5, 'cpi': 4, 'urban-jobs': 9000000, 'registered-unemployment': 4.6, 'deficit-ratio': 1.5, 'trade-growth': 10 },
  2011: { 'gdp-growth': 8, 'cpi': 4, 'urban-jobs': 9000000, 'registered-unemployment': 4.6, 'deficit-ratio': 2 },
  2010: { 'gdp-growth': 8, 'cpi': 3, 'urban-jobs': 9000000, 'registered-unemployment': 4.6 },
  2009: { 'gdp-growth': 8, 'cpi': 4, 'urban-jobs': 9000000, 'registered-unemployment': 4.6 },
  2008: { 'gdp-growth': 8, 'cpi': 4.8, 'urban-jobs': 10000000, 'registered-unemployment': 4.5 },
  2007: { 'gdp-growth': 8, 'cpi': 3, 'urban-jobs': 9000000, 'registered-unemployment': 4.6 },
  2006: { 'gdp-growth': 8, 'cpi': 3, 'urban-jobs': 9000000, 'registered-unemployment': 4.6, 'energy-intensity': 4 },
  2005: { 'gdp-growth': 8, 'cpi': 4, 'urban-jobs': 9000000, 'registered-unemployment': 4.6 },
  2004: { 'gdp-growth': 7, 'urban-jobs': 9000000 },
  2003: { 'gdp-growth': 7 },
  1999: { 'gdp-growth': 7 },
  1998: { 'gdp-growth': 8 },
  1997: { 'gdp-growth': 8 },
  1995: { 'gdp-growth': [8, 9], 'grain-output': 455000000000 },
  1994: { 'gdp-growth': 9 },
  1993: { 'gdp-growth': 8 },
  1992: { 'gdp-growth': 6, 'investment-growth': 8 },
  1958: { 'grain-output': 392000000000 },
};

describe('targets of every national 政府工作报告 of the archive', () => {
  for (const [year, expected] of Object.entries(TARGETS)) {
    it(`${year}`, () => {
      const json = analyzeJson(governmentReport(Number(year)));
      const found = Object.fromEntries(
        json.targets.map((value) => [value.indicator, value.valueHigh === null ? value.value : [value.value, value.valueHigh]]),
      );
      expect(found).toEqual(expected);
    });
  }

  it('no other year states targets', () => {
    const years = new Set(Object.keys(TARGETS).map(Number));
    const withTargets = archiveRecords()
      .filter((record) => record.file.startsWith('government') && record.year !== null && !years.has(record.year))
      .filter((record) => analyzeJson(record.content).targets.length > 0)
      .map((record) => record.year);
    expect(withTargets).toEqual([]);
  });
});

describe('outcomes in a report that looks back on five years', () => {
  it('2018: urban jobs of 2017 (1351万人), not the five years’ 6600万人以上', () => {
    const json = analyzeJson(governmentReport(2018));
    expect(json.outcomes.find((value) => value.indicator === 'urban-jobs')).toMatchObject({ value: 13510000, raw: '1351万人' });
  });

  it('2013 and 2023: no energy-intensity outcome from the five-year review (下降17.2%, 下降8.1%)', () => {
    for (const year of [2013, 2023]) {
      expect(analyzeJson(governmentReport(year)).outcomes.find((value) => value.indicator === 'energy-intensity')).toBeUndefined();
    }
  });
});
