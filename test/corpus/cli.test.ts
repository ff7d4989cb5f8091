/**
 * `gongwen corpus` as researchers run it: the built CLI (npm test builds
 * first). On the repository's fixtures (the 2017 and 2019 政府工作报告), and on
 * the national archive of fixtures/archive/.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corporaDir, readFixture } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/archive-files.js';
import { runCli } from '../helpers/cli.js';

const run = (args: string[], env?: Record<string, string>) => runCli(args, env ? { env } : {});
import { parse as parseCsv } from './csv-reader.js';



const records = (csv: string) => {
  const [header, ...rows] = parseCsv(csv.replace(/^\ufeff/, ''));
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]])));
};

describe('gongwen corpus', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let reports: string;
  let cache: string[];
  beforeAll(async () => {
    temp = await makeTempDir('gongwen-corpus-cli-');
    reports = join(temp.dir, 'reports');
    await mkdir(reports);
    for (const name of ['gwr-2017', 'gwr-2019']) await copyFile(fileURLToPath(new URL(`../../fixtures/${name}.txt`, import.meta.url)), join(reports, `${name}.txt`));
    cache = ['--cache-dir', join(temp.dir, 'cache')];
  });
  afterAll(() => temp.remove());

  it('--help lists every analysis', async () => {
    const result = await run(['corpus', '--help']);
    expect(result.code).toBe(0);
    for (const name of ['slogans', 'metrics', 'targets', 'keyness', 'terms', 'kwic', 'reuse', 'compare']) expect(result.stdout).toMatch(new RegExp(`^\\s+${name}\\s`, 'm'));
  });

  it('answers bad usage with exit 2 and one line', async () => {
    for (const [args, message] of [
      [['corpus'], /needs an analysis: slogans, metrics/],
      [['corpus', 'trends', reports], /no analysis "trends"/],
      [['corpus', 'slogans'], /needs at least one INPUT/],
      [['corpus', 'kwic', reports, '--top', '3', '--word', '改革'], /takes no --top/],
      [['corpus', 'slogans', reports, '--where', 'year>>2013'], /--where: cannot read/],
      [['corpus', 'kwic', reports, '--word', '改革', '--chart', join(temp.dir, 'k.svg')], /kwic draws no chart/],
      [['corpus', 'metrics', reports], /needs --subject/],
      [['corpus', 'keyness', reports], /needs --target/],
      [['corpus', 'keyness', reports, '--target', 'year>=2019', '--summary'], /takes no --summary/],
    ] as const) {
      const result = await run([...args, ...cache]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
  });

  it('slogans: CSV on a pipe, per year; the chart draws the formulas asked for', async () => {
    const svg = join(temp.dir, 'slogans.svg');
    const html = join(temp.dir, 'slogans.html');
    const result = await run(['corpus', 'slogans', reports, '--formula', '四个意识,两个维护', '--chart', svg, '--html', html, ...cache]);
    expect(result.code).toBe(0);
    const rows = records(result.stdout);
    // 2017: 牢固树立“四个意识”; 2019: 树牢“四个意识”……坚决做到“两个维护”. Each once.
    expect(rows.map((row) => [row.group, row.formula, row.count])).toEqual([
      ['2017', '四个意识', '1'],
      ['2019', '四个意识', '1'],
      ['2017', '两个维护', '0'],
      ['2019', '两个维护', '1'],
    ]);
    expect(rows[0]!.first_seen).toBe('2017');
    const drawing = await readFile(svg, 'utf8');
    for (const label of ['>四个意识</text>', '>两个维护</text>', '>每万字出现次数</text>']) expect(drawing.includes(label), label).toBe(true);
    expect(await readFile(html, 'utf8')).toContain('<svg');
  });

  it('metrics: the GDP growth target of each report, as JSON', async () => {
    const result = await run(['corpus', 'metrics', reports, '--subject', '国内生产总值', '--stance', 'target', '--comparison', '增长', '--format', 'json', ...cache]);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    // 2017: 国内生产总值增长6.5%左右; 2019: 国内生产总值增长6%－6.5%
    expect(rows.map((row) => [row.group, row.value, row.value_high, row.raw])).toEqual([
      [2017, 6.5, null, '6.5%左右'],
      [2019, 6, 6.5, '6%－6.5%'],
    ]);
  });

  it('kwic: lines as the text reads them, written to --out as CSV with a BOM', async () => {
    const out = join(temp.dir, 'kwic.csv');
    const result = await run(['corpus', 'kwic', reports, '--word', '四个意识', '--window', '6', '--out', out, ...cache]);
    expect(result.code).toBe(0);
    const csv = await readFile(out, 'utf8');
    expect(csv.startsWith('\ufeffdocument,')).toBe(true);
    const rows = records(csv);
    expect(rows).toHaveLength(2);
    const text2017 = readFixture('gwr-2017');
    const at = text2017.indexOf('四个意识');
    expect(rows[0]).toMatchObject({ group: '2017', offset: String(at), match: '四个意识', left: text2017.slice(at - 6, at), right: text2017.slice(at + 4, at + 10) });
    // 要坚持党的领导，牢固树立“四个意识”，坚决维护……
    expect(rows[0]!.left).toBe('，牢固树立“');
  });

  it('compare: two inputs side by side, the review heading renamed', async () => {
    const result = await run(['corpus', 'compare', join(reports, 'gwr-2017.txt'), join(reports, 'gwr-2019.txt'), '--format', 'json', ...cache]);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(rows).toContainEqual(expect.objectContaining({ section: 'heading', change: 'renamed', a: '2016年工作回顾', b: '2018年工作回顾' }));
    // 2019 adds 坚决做到“两个维护”; both state 四个意识.
    expect(rows).toContainEqual(expect.objectContaining({ section: 'formula', change: 'only-b', key: '两个维护' }));
    expect(rows.some((row) => row.section === 'formula' && row.key === '四个意识')).toBe(false);
    expect(result.stderr).toMatch(/A: .*gwr-2017\.txt/);
  });

  it('targets: without the next report, no outcome', async () => {
    const result = await run(['corpus', 'targets', reports, '--indicator', 'gdp-growth', '--format', 'json', ...cache]);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((row) => [row.year, row.target_raw, row.status])).toEqual([
      [2017, '6.5%左右', 'no outcome'],
      [2019, '6%－6.5%', 'no outcome'],
    ]);
  });

  describe('on the national archive', () => {
    const archive = `${corporaDir}government_work_reports.jsonl`;

    it('reuse: the 2025 report repeats a paragraph of 2024 word for word, found by LSH', async () => {
      const result = await run(['corpus', 'reuse', archive, '--where', 'year>=2024', ...cache]);
      expect(result.code).toBe(0);
      const text2025 = (await readFile(archive, 'utf8')).split('\n').map((line) => (line ? (JSON.parse(line) as { year: string; content: string }) : null)).find((record) => record?.year === '2025')!.content;
      const passage = '过去一年取得的成绩，根本在于习近平总书记领航掌舵';
      const row = records(result.stdout).find((candidate) => candidate.excerpt!.startsWith(passage))!;
      expect(row).toMatchObject({ year: '2025', source_year: '2024', similarity: '1' });
      expect(text2025.indexOf(passage)).toBe(Number(row.offset));
    });

    it('keyness: 习近平 is key to 2013–2025 against 1978–2012, 四人帮 to the reference', async () => {
      const result = await run(['corpus', 'keyness', archive, '--target', 'year>=2013', '--reference', 'year>=1978 and year<=2012', '--top', '30', '--format', 'json', ...cache]);
      expect(result.code).toBe(0);
      const rows = JSON.parse(result.stdout) as Array<{ word: string; direction: string; target_count: number; reference_count: number; g2: number }>;
      expect(rows.find((row) => row.word === '习近平')).toMatchObject({ direction: 'target', target_count: 120, reference_count: 0 });
      expect(rows.find((row) => row.word === '国民经济')).toMatchObject({ direction: 'reference', target_count: 10, reference_count: 349 });
    });

    it('terms: 四人帮 is the most distinctive term of the 1978 report', async () => {
      const result = await run(['corpus', 'terms', archive, '--group', 'year', '--top', '1', '--format', 'json', ...cache]);
      expect(result.code).toBe(0);
      const rows = JSON.parse(result.stdout) as Array<{ group: string; rank: number; term: string; tf: number }>;
      expect(rows.find((row) => String(row.group) === '1978')).toMatchObject({ rank: 1, term: '四人帮', tf: 95 });
    });

    it('targets with a chart of target against outcome, from an extract folder', async () => {
      const out = join(temp.dir, 'extract');
      expect((await run(['extract', archive, '--out', out, '--jobs', '1'])).code).toBe(0);
      const svg = join(temp.dir, 'targets.svg');
      const result = await run(['corpus', 'targets', out, '--indicator', 'gdp-growth', '--chart', svg]);
      expect(result.code).toBe(0);
      const rows = records(result.stdout);
      // 2014: 7.5%左右, and the 2015 report: 比上年增长7.4%.
      expect(rows.find((row) => row.year === '2014')).toMatchObject({ target: '7.5', outcome: '7.4', status: 'missed' });
      const drawing = await readFile(svg, 'utf8');
      expect(drawing.includes('>国内生产总值增长（%）</text>')).toBe(true);
      // The outcome point of 2014, as vega labels the mark it drew.
      expect(/aria-label="年份: 2014; 国内生产总值增长（%）: 7\.4; series: 实际;/.test(drawing)).toBe(true);
    });

    it('slogans --top over the raw archive, the resolutions filtered out', async () => {
      const result = await run(['corpus', 'slogans', archive, '--where', 'title!~决议', '--top', '1', '--format', 'json', ...cache]);
      expect(result.code).toBe(0);
      const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
      expect(new Set(rows.map((row) => row.formula))).toEqual(new Set(['三农']));
      expect(rows.find((row) => row.group === 2003)).toMatchObject({ first_seen: 2003, last_seen: 2025 });
    });
  });
});
