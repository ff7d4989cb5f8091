/** Tables as CSV, JSON and terminal text; charts tested for what they draw (marks, series, axis titles), not bytes. */
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from './csv-reader.js';
import { chartHtml, displayWidth, renderSvg, tableToCsv, tableToJson, tableToTerminal } from '../../src/corpus/output/index.js';
import { slogansChart, type SloganRow } from '../../src/corpus/analyses/slogans.js';
import { targetsChart, type TargetRow } from '../../src/corpus/analyses/targets.js';
import type { Table } from '../../src/corpus/types.js';

const table: Table = {
  columns: ['document', 'group', 'left', 'match', 'count'],
  rows: [
    { document: 'a.jsonl#1', group: 2019, left: '坚决做到“', match: '两个维护', count: 1 },
    { document: 'b, "quoted".txt', group: null, left: '第一行\n第二行', match: '四风', count: 12.5 },
  ],
};

describe('table output', () => {
  it('CSV: RFC 4180 quoting, null as an empty field, a BOM only when asked', () => {
    const csv = tableToCsv(table);
    expect(csv.startsWith('document,group,left,match,count\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['document', 'group', 'left', 'match', 'count'],
      ['a.jsonl#1', '2019', '坚决做到“', '两个维护', '1'],
      ['b, "quoted".txt', '', '第一行\n第二行', '四风', '12.5'],
    ]);
    expect(tableToCsv(table, { bom: true }).startsWith('\ufeffdocument,')).toBe(true);
    expect(tableToCsv({ columns: ['a', 'b'], rows: [] })).toBe('a,b\n');
  });

  it('JSON: an array of records, keys in column order', () => {
    const rows = JSON.parse(tableToJson(table)) as Array<Record<string, unknown>>;
    expect(rows).toEqual(table.rows);
    expect(Object.keys(rows[0]!)).toEqual(table.columns);
    expect(tableToJson({ columns: ['a'], rows: [] })).toBe('[]\n');
  });

  it('terminal: columns aligned by display width (a Chinese character is two columns), numbers to the right', () => {
    const lines = tableToTerminal(table).trimEnd().split('\n');
    expect(displayWidth('两个维护')).toBe(8);
    expect(displayWidth('“')).toBe(1);
    // Every row's `match` column starts at the same display column as its header.
    const column = (line: string, text: string) => displayWidth(line.slice(0, line.indexOf(text)));
    expect(column(lines[2]!, '两个维护')).toBe(column(lines[0]!, 'match'));
    expect(column(lines[3]!, '四风')).toBe(column(lines[0]!, 'match'));
    // The newline inside a cell is shown as a space, so a row stays one line.
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain('第一行 第二行');
    // Numbers end where the header ends.
    expect(lines[3]!.trimEnd().endsWith('12.5')).toBe(true);
  });
});

/** The text of an SVG's <text> elements and the aria-labels vega gives every mark. */
function drawn(svg: string): { texts: string[]; marks: string[] } {
  const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return {
    texts: [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => unescape(match[1]!)),
    marks: [...svg.matchAll(/aria-label="([^"]*)"/g)].map((match) => unescape(match[1]!)),
  };
}

describe('charts', () => {
  const slogansTable: Table<SloganRow> = {
    columns: ['group', 'formula', 'known', 'count', 'documents', 'characters', 'per_10k', 'first_seen', 'last_seen'],
    rows: [
      { group: 2017, formula: '四个意识', known: true, count: 1, documents: 1, characters: 10_000, per_10k: 1, first_seen: 2017, last_seen: 2019 },
      { group: 2019, formula: '四个意识', known: true, count: 2, documents: 1, characters: 10_000, per_10k: 2, first_seen: 2017, last_seen: 2019 },
      { group: 2019, formula: '两个维护', known: true, count: 1, documents: 1, characters: 10_000, per_10k: 1, first_seen: 2019, last_seen: 2019 },
    ],
  };

  it('slogans: one line per formula, a zero where a year lacks it, axis titles in Chinese', async () => {
    const spec = slogansChart(slogansTable)!;
    const svg = await renderSvg(spec);
    const { texts, marks } = drawn(svg);
    expect(texts).toEqual(expect.arrayContaining(['每万字出现次数', 'year', '提法', '四个意识', '两个维护', '2017', '2019']));
    // Points: 两个维护 in 2017 is drawn at 0, not left out.
    expect(marks).toEqual(expect.arrayContaining([
      expect.stringMatching(/year: 2017; 每万字出现次数: 0; 提法: 两个维护/),
      expect.stringMatching(/year: 2019; 每万字出现次数: 2; 提法: 四个意识/),
    ]));
    expect(svg).toMatch(/font-family="[^"]*Noto Sans CJK SC/);
  });

  it('targets: the target line and the outcome points of one indicator', async () => {
    const row = (year: number, target: number, outcome: number | null): TargetRow => ({
      year, series: null, indicator: 'gdp-growth', target, target_high: null, unit: '%', qualifier: '左右', target_raw: `${target}%左右`,
      outcome, outcome_unit: outcome === null ? null : '%', outcome_raw: outcome === null ? null : `${outcome}%`, status: outcome === null ? 'no outcome' : outcome >= target ? 'met' : 'missed',
      document: `r${year}`, outcome_document: outcome === null ? null : `r${year + 1}`,
    });
    const spec = targetsChart({ columns: [], rows: [row(2014, 7.5, 7.4), row(2015, 7, 6.9), row(2025, 5, null)] })!;
    const { texts, marks } = drawn(await renderSvg(spec));
    expect(texts).toEqual(expect.arrayContaining(['年份', '国内生产总值增长（%）', '目标', '实际', '国内生产总值增长：目标与实际']));
    expect(marks.filter((mark) => /series: 实际/.test(mark))).toHaveLength(2);
    expect(marks).toEqual(expect.arrayContaining([expect.stringMatching(/年份: 2014; 国内生产总值增长（%）: 7\.4;.*series: 实际/)]));
  });

  it('an HTML page holds the SVG inline, without scripts', async () => {
    const spec = slogansChart(slogansTable)!;
    const html = chartHtml(await renderSvg(spec), '数字化提法出现频率', spec);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');
    expect(html).toContain('<title>数字化提法出现频率</title>');
  });
});
