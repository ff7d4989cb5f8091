/** Met or missed, by the indicator's direction and across units. */
import { describe, expect, it } from 'vitest';
import { targetStatus } from '../../src/corpus/analyses/targets.js';
import type { IndicatorRecord } from '../../src/extract/types.js';

const value = (indicator: IndicatorRecord['indicator'], value: number | null, unit: string, valueHigh: number | null = null): IndicatorRecord => ({
  indicator, value, valueHigh, unit, qualifier: null, raw: `${value}${unit}`, offset: 0,
});

describe('targetStatus', () => {
  it('reads growth as a floor: the lower end of a range must be reached', () => {
    // 2016: 6.5%－7%, outcome 6.7%; 2014: 7.5%左右, outcome 7.4%.
    expect(targetStatus(value('gdp-growth', 6.5, '%', 7), value('gdp-growth', 6.7, '%'))).toBe('met');
    expect(targetStatus(value('gdp-growth', 7.5, '%'), value('gdp-growth', 7.4, '%'))).toBe('missed');
  });

  it('reads prices, unemployment and the deficit as ceilings: the upper end must not be passed', () => {
    expect(targetStatus(value('cpi', 3, '%'), value('cpi', 3.3, '％'))).toBe('missed');
    expect(targetStatus(value('surveyed-unemployment', 5.5, '%'), value('surveyed-unemployment', 5.5, '%'))).toBe('met');
    expect(targetStatus(value('deficit-ratio', 2.8, '%', 3), value('deficit-ratio', 2.9, '%'))).toBe('met');
  });

  it('converts grain between 斤, 公斤 and 吨, and refuses units that do not compare', () => {
    // 1995: ４５５０亿公斤以上 against 49250万吨 (= 4925亿公斤).
    expect(targetStatus(value('grain-output', 455_000_000_000, '公斤'), value('grain-output', 492_500_000, '吨'))).toBe('met');
    expect(targetStatus(value('grain-output', 1.3e12, '斤'), value('grain-output', 600_000_000, '吨'))).toBe('missed');
    expect(targetStatus(value('urban-jobs', 11_000_000, '人'), value('urban-jobs', 5, '%'))).toBe('not comparable');
    expect(targetStatus(value('gdp-growth', 7, '%'), undefined)).toBe('no outcome');
    expect(targetStatus(value('gdp-growth', null, '%'), value('gdp-growth', 7, '%'))).toBe('not comparable');
  });
});
