/** --where and grouping values: what a researcher types and what the archive's metadata holds. */
import { describe, expect, it } from 'vitest';
import { compareGroups, fieldValue, parseWhere } from '../../src/corpus/filters.js';

// As fixtures/archive/ spells them: years are strings, the NPC resolutions have none.
const report2013 = { title: '2013年中华人民共和国国务院政府工作报告', year: '2013', docType: '政府工作报告' };
const report1998 = { title: '1998年中华人民共和国国务院政府工作报告', year: '1998', docType: '政府工作报告' };
const resolution = { title: '第十二届全国人民代表大会第一次会议关于政府工作报告的决议', year: null, docType: '政府工作报告' };

describe('parseWhere', () => {
  it('compares numbers as numbers, also when the record spells them as strings', () => {
    const since2013 = parseWhere('year>=2013');
    expect([report2013, report1998, resolution].map(since2013)).toEqual([true, false, false]);
    expect(parseWhere('year<2000')(report1998)).toBe(true);
    // As text "998" > "2013"; as numbers it is not.
    expect(parseWhere('year>2013')({ year: '998' })).toBe(false);
  });

  it('compares text exactly, matches regular expressions with ~ and !~, and null', () => {
    expect(parseWhere('docType=政府工作报告')(report2013)).toBe(true);
    expect(parseWhere('docType=工作报告')(report2013)).toBe(false);
    expect(parseWhere('title!~决议')(resolution)).toBe(false);
    expect(parseWhere('title~^20')(report2013)).toBe(true);
    expect(parseWhere('year=null')(resolution)).toBe(true);
    expect(parseWhere('year!=null')(resolution)).toBe(false);
    expect(parseWhere('title="1998年中华人民共和国国务院政府工作报告"')(report1998)).toBe(true);
  });

  it('joins clauses with , && or and (all must hold) and reads nested fields', () => {
    expect(parseWhere('year>=1990, year<2000')(report1998)).toBe(true);
    expect(parseWhere('year>=1990 && year<2000')(report2013)).toBe(false);
    expect(parseWhere('year>=1978 and year<=2012')(report1998)).toBe(true);
    expect(parseWhere('year>=1978 and year<=2012')(report2013)).toBe(false);
    // `and` only as a word: a value holding the letters is not cut.
    expect(parseWhere('source.site=brand')({ source: { site: 'brand' } })).toBe(true);
    expect(parseWhere('source.site=wikisource')({ source: { site: 'wikisource' } })).toBe(true);
  });

  it('refuses what it cannot read, with a usage error naming the clause', () => {
    for (const bad of ['', 'year', 'year>>2013', 'year>=', 'year>null', 'title~(']) {
      expect(() => parseWhere(bad), bad).toThrow(expect.objectContaining({ code: 'USAGE' }));
    }
  });
});

describe('group values', () => {
  it('turns numeric strings into numbers, objects into JSON, absent into null', () => {
    expect(fieldValue(report2013, 'year')).toBe(2013);
    expect(fieldValue(resolution, 'year')).toBe(null);
    expect(fieldValue({}, 'region')).toBe(null);
    expect(fieldValue({ tags: ['a'] }, 'tags')).toBe('["a"]');
  });

  it('orders numbers, then text, then null', () => {
    expect([null, '全国', 2013, 1998, '北京'].sort(compareGroups)).toEqual([1998, 2013, '全国', '北京', null]);
  });
});
