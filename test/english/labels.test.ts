/** --lang en for the corpus tables and charts. */
import { describe, expect, it } from 'vitest';
import { englishChart, englishTable, indicatorLabel } from '../../src/english/labels.js';
import { targetsChart, type TargetRow } from '../../src/corpus/analyses/targets.js';
import { slogansChart, type SloganRow } from '../../src/corpus/analyses/slogans.js';
import type { Table } from '../../src/corpus/types.js';

describe('English labels', () => {
  it('names the indicators as the translations do', () => {
    expect(indicatorLabel('gdp-growth')).toBe('GDP growth');
    expect(indicatorLabel('deficit-ratio')).toBe('deficit-to-GDP ratio');
    expect(indicatorLabel('not-an-indicator')).toBe('not-an-indicator');
  });

  it('adds English columns next to the Chinese keys, keys unchanged', () => {
    const table: Table<SloganRow> = {
      columns: ['group', 'formula', 'known', 'count', 'documents', 'characters', 'per_10k', 'first_seen', 'last_seen'],
      rows: [
        { group: 2020, formula: '两个维护', known: true, count: 3, documents: 1, characters: 10_000, per_10k: 3, first_seen: 2020, last_seen: 2020 },
        { group: 2020, formula: '三重一大', known: true, count: 1, documents: 1, characters: 10_000, per_10k: 1, first_seen: 2020, last_seen: 2020 },
      ],
    };
    const english = englishTable(table);
    expect(english.columns.slice(0, 3)).toEqual(['group', 'formula', 'formula_en']);
    expect(english.rows.map((row) => [row.formula, row.formula_en])).toEqual([['两个维护', 'Two Upholds'], ['三重一大', null]]);
  });

  it('draws the charts in English: titles, axes, series and formulas, filters kept in step with the data', () => {
    const targets: Table<TargetRow> = {
      columns: [],
      rows: [{ series: null, year: 2023, indicator: 'gdp-growth', target: 5, target_high: null, target_raw: '5%左右', unit: '%', outcome: 5.2, outcome_raw: '5.2%', status: 'met', document: 'a', outcome_document: 'b' } as unknown as TargetRow],
    };
    const chart = englishChart(targetsChart(targets)!);
    const text = JSON.stringify(chart);
    // Every label is English; only the figures as the report wrote them (`5%左右`, the tooltips' raw) stay.
    const { data: _data, ...labels } = chart;
    expect(JSON.stringify(labels)).not.toMatch(/\p{Script=Han}/u);
    expect(chart.title).toMatchObject({ text: 'GDP growth: target and outcome' });
    expect(text).toContain("datum.series === 'target'");
    expect((chart.data as { values: Array<{ series: string }> }).values.map((value) => value.series)).toEqual(['target', 'outcome']);

    const slogans = englishChart(slogansChart({ columns: [], rows: [{ group: 2020, formula: '两个维护', known: true, count: 3, documents: 1, characters: 10_000, per_10k: 3, first_seen: 2020, last_seen: 2020 }] })!);
    expect(JSON.stringify(slogans)).not.toMatch(/\p{Script=Han}/u);
    expect((slogans.encoding as { color: { sort: string[] } }).color.sort).toEqual(['Two Upholds']);
  });
});

describe('gongwen corpus --lang en', () => {
  it('adds formula_en to the slogans table and indicator_en to the targets table', async () => {
    const { runCli } = await import('../helpers/cli.js');
    const { fileURLToPath } = await import('node:url');
    const report = fileURLToPath(new URL('../../fixtures/english/report-zh.txt', import.meta.url));
    const slogans = await runCli(['corpus', 'slogans', report, '--lang', 'en', '--format', 'csv', '--no-cache', '--jobs', '0']);
    expect(slogans.code, slogans.stderr).toBe(0);
    const lines = slogans.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('group,formula,formula_en,known,count,documents,characters,per_10k,first_seen,last_seen');
    expect(lines[1]).toMatch(/^2024,两个维护,Two Upholds,true,3,/);
    const targets = await runCli(['corpus', 'targets', report, '--lang', 'en', '--format', 'csv', '--no-cache', '--jobs', '0']);
    expect(targets.stdout).toContain(',gdp-growth,GDP growth,5,');
    const refused = await runCli(['corpus', 'slogans', report, '--lang', 'fr', '--no-cache', '--jobs', '0']);
    expect(refused.stderr).toContain('--lang takes zh, en, not "fr"');
  });
});
