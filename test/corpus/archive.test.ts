/**
 * The corpus analyses on the national archive (fixtures/archive/). Every expected value was read in the
 * reports themselves: the first report using a formula was found by searching
 * the texts for all its forms and reading the passage; targets and outcomes by
 * reading the 主要预期目标 paragraph of report Y and the review of year Y in
 * report Y+1.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/corpus/open.js';
import { slogans } from '../../src/corpus/analyses/slogans.js';
import { targets, type TargetRow } from '../../src/corpus/analyses/targets.js';
import { kwic } from '../../src/corpus/analyses/kwic.js';
import { metrics } from '../../src/corpus/analyses/metrics.js';
import { compare } from '../../src/corpus/analyses/compare.js';
import type { Corpus } from '../../src/corpus/types.js';
import { corporaDir } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/archive-files.js';

const government = `${corporaDir}government_work_reports.jsonl`;

describe('corpus analyses on the 政府工作报告 1954–2025', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let corpus: Corpus;
  /** The reports themselves, without the NPC resolutions approving them (which have no year). */
  let reports: Corpus;
  beforeAll(async () => {
    temp = await makeTempDir('gongwen-corpus-');
    corpus = openCorpus(government, { jobs: 0, cache: temp.dir });
    reports = openCorpus(government, { jobs: 0, cache: temp.dir, where: 'title!~决议' });
  });
  afterAll(() => temp.remove());

  it('finds the first report using each of 15 formulas, variants included', async () => {
    const table = await slogans(reports);
    const firstSeen = new Map(table.rows.map((row) => [row.formula, row.first_seen]));
    expect(Object.fromEntries([
      '四个现代化', '四项基本原则', '一国两制', '三个代表', '三农', '中央八项规定', '四风', '一带一路',
      '四个全面', '四个意识', '三大攻坚战', '两个维护', '六稳', '两个确立', '双减',
    ].map((formula) => [formula, firstSeen.get(formula)]))).toEqual({
      四个现代化: 1978, // “建设四个现代化的社会主义强国”
      四项基本原则: 1979,
      一国两制: 1984, // “一个国家、两种制度”的设想; the short form first in 1985
      三个代表: 2001, // 开展“三个代表”重要思想的教育
      三农: 2003, // 坚持把解决“三农”问题放在突出位置
      中央八项规定: 2014, // 全面贯彻中央八项规定精神
      四风: 2014,
      一带一路: 2015, // 把“一带一路”建设与区域开发开放结合起来
      四个全面: 2015,
      四个意识: 2017, // 牢固树立“四个意识”
      三大攻坚战: 2018,
      两个维护: 2019, // 坚决做到“两个维护”
      六稳: 2021,
      两个确立: 2022,
      双减: 2024,
    });
    // Formulas that left the reports: 四个现代化 last in 1988, 四项基本原则 last in 1998.
    const lastSeen = new Map(table.rows.map((row) => [row.formula, row.last_seen]));
    expect(lastSeen.get('四个现代化')).toBe(1988);
    expect(lastSeen.get('四项基本原则')).toBe(1998);
  });

  it('counts per group and per 10,000 characters', async () => {
    const table = await slogans(reports, { formulas: ['两个维护'] });
    // Dense with --formula: every year has a row, zeros included.
    expect(table.rows.find((row) => row.group === 2018)).toMatchObject({ count: 0, documents: 0 });
    const in2019 = table.rows.find((row) => row.group === 2019)!;
    // The 2019 report says “两个维护” once (坚决做到“两个维护”).
    const text2019 = readFileSync(government, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { year: string | null; content: string }).find((record) => record.year === '2019')!.content;
    expect(text2019.split('两个维护').length - 1).toBe(1);
    expect(in2019.count).toBe(1);
    expect(in2019.characters).toBe(text2019.replace(/\s+/g, '').length);
    expect(in2019.per_10k).toBeCloseTo(10_000 / in2019.characters, 4);
  });

  it('--top keeps the most frequent formulas: 三农 and 一国两制 lead the archive', async () => {
    const table = await slogans(reports, { top: 2 });
    expect(new Set(table.rows.map((row) => row.formula))).toEqual(new Set(['三农', '一国两制']));
  });

  it('joins each GDP growth target with the outcome the next report states', async () => {
    const first = await firstDocument(corpus);
    if (!('targets' in first)) {
      console.warn('NOTICE: the analysis JSON has no targets (indicator extraction absent): targets tests skipped.');
      return;
    }
    const table = await targets(corpus, { indicators: ['gdp-growth'] });
    const byYear = new Map(table.rows.map((row) => [row.year, row]));
    const expected: Array<[year: number, target: number, high: number | null, outcome: number | null, status: TargetRow['status']]> = [
      [2003, 7, null, 9.1, 'met'], // 今年经济增长预期目标为7%左右 / 2004: 国内生产总值比上年增长9.1%
      [2004, 7, null, 9.5, 'met'],
      [2005, 8, null, 9.9, 'met'],
      [2006, 8, null, 10.7, 'met'],
      [2009, 8, null, 8.7, 'met'], // 8%左右 / 2010: 比上年增长8.7%
      [2010, 8, null, 10.3, 'met'],
      [2011, 8, null, 9.2, 'met'],
      [2012, 7.5, null, 7.8, 'met'], // 国内生产总值增长7.5％ / 2013: 国内生产总值增长7.8%
      [2013, 7.5, null, 7.7, 'met'],
      [2014, 7.5, null, 7.4, 'missed'], // 7.5%左右 / 2015: 比上年增长7.4%
      [2015, 7, null, 6.9, 'missed'],
      [2016, 6.5, 7, 6.7, 'met'], // 6.5%－7% / 2017: 增长6.7%
      [2017, 6.5, null, 6.9, 'met'],
      [2018, 6.5, null, 6.6, 'met'],
      [2019, 6, 6.5, null, 'no outcome'], // 6%－6.5%; the archive has no 2020 report
      [2021, 6, null, 8.1, 'met'], // 6%以上 / 2022: 增长8.1%
      [2022, 5.5, null, 3, 'missed'], // 5.5%左右 / 2023: 全年国内生产总值增长3%
      [2023, 5, null, 5.2, 'met'],
      [2024, 5, null, 5, 'met'], // 5%左右 / 2025: 增长5%
      [2025, 5, null, null, 'no outcome'],
    ];
    for (const [year, target, high, outcome, status] of expected) {
      expect({ year, ...pick(byYear.get(year)) }).toEqual({ year, target, target_high: high, outcome, status });
    }
    expect(byYear.get(2014)!.qualifier).toBe('左右');
    expect(byYear.get(2021)!.qualifier).toBe('以上');
  });

  it('judges ceilings and floors by the indicator: prices under the target are met, jobs and grain over it', async () => {
    const first = await firstDocument(corpus);
    if (!('targets' in first)) return; // noticed above
    const table = await targets(corpus, { indicators: ['cpi', 'urban-jobs', 'grain-output'] });
    const find = (year: number, indicator: string) => pick(table.rows.find((row) => row.year === year && row.indicator === indicator));
    // 2024: 居民消费价格涨幅3%左右 / 2025: 居民消费价格上涨0.2%
    expect(find(2024, 'cpi')).toEqual({ target: 3, target_high: null, outcome: 0.2, status: 'met' });
    // 2024: 城镇新增就业1200万人以上 / 2025: 城镇新增就业1256万人
    expect(find(2024, 'urban-jobs')).toEqual({ target: 12_000_000, target_high: null, outcome: 12_560_000, status: 'met' });
    // 2023: 城镇新增就业1200万人左右 / 2024: 城镇新增就业1244万人
    expect(find(2023, 'urban-jobs')).toEqual({ target: 12_000_000, target_high: null, outcome: 12_440_000, status: 'met' });
    // 2023: 粮食产量保持在1.3万亿斤以上 / 2024: 粮食产量1.39万亿斤
    expect(find(2023, 'grain-output')).toEqual({ target: 1.3e12, target_high: null, outcome: 1.39e12, status: 'met' });
  });

  it('gives the GDP growth target series with metrics --subject 国内生产总值 --stance target --comparison 增长 --unit %', async () => {
    const table = await metrics(reports, { subject: '国内生产总值', stance: 'target', comparison: '增长', unit: '%' });
    const byYear = new Map(table.rows.map((row) => [row.group, row]));
    expect(byYear.get(2025)).toMatchObject({ value: 5, raw: '5%左右' });
    expect(byYear.get(2019)).toMatchObject({ value: 6, value_high: 6.5, raw: '6%－6.5%' });
    expect(byYear.get(2016)).toMatchObject({ value: 6.5, value_high: 7, raw: '6.5%－7%' });
    expect(byYear.get(2012)).toMatchObject({ value: 7.5, raw: '7.5％' });
  });

  it('kwic shows 两个维护 in the 2019 report with ten characters on each side, as the text reads', async () => {
    const table = await kwic(reports, { patterns: [{ kind: 'formula', value: '两个维护' }], window: 10 });
    const in2019 = table.rows.filter((row) => row.group === 2019);
    expect(in2019).toHaveLength(1);
    // 各级政府要树牢“四个意识”，坚定“四个自信”，坚决做到“两个维护”，自觉在思想上政治上行动上同以习近平同志为核心的党中央保持高度一致
    expect(in2019[0]).toMatchObject({ left: '个自信”，坚决做到“', match: '两个维护', right: '”，自觉在思想上政治', pattern: 'formula:两个维护' });
    // The formula's earliest report in the archive is 2019: no line from an earlier year.
    expect(table.rows.every((row) => typeof row.group === 'number' && row.group >= 2019)).toBe(true);
  });

  it('kwic with a regular expression and a window in words', async () => {
    const table = await kwic(openCorpus(government, { jobs: 0, cache: temp.dir, where: 'year=2015' }), {
      patterns: [{ kind: 'regex', value: '“一带一路”' }],
      window: 5,
      unit: 'words',
      segmenter: 'node-rs-jieba',
    });
    // 2015: 把“一带一路”建设与区域开发开放结合起来 (preceded by …发展政策。)
    expect(table.rows[0]).toMatchObject({ group: 2015, match: '“一带一路”' });
    expect(table.rows[0]!.left.endsWith('发展政策。把')).toBe(true);
    expect(table.rows[0]!.right.startsWith('建设与区域')).toBe(true);
  });

  it('compares the 2024 and 2025 reports: the review heading renamed, GDP target in both, formulas of one', async () => {
    const table = await compare(corpus, { a: 'year=2024', b: 'year=2025' });
    expect(table.rows).toContainEqual(expect.objectContaining({ section: 'heading', change: 'renamed', depth: 1, a: '2023年工作回顾', b: '2024年工作回顾' }));
    expect(table.rows).toContainEqual(expect.objectContaining({ section: 'metric', key: '国内生产总值 增长（目标）', a: '5%左右', b: '5%左右' }));
    // Both reports state GDP growth of the year before: 5.2% (2023) and 5% (2024).
    expect(table.rows).toContainEqual(expect.objectContaining({ section: 'metric', key: '国内生产总值 增长', a_value: 5.2, b_value: 5 }));
    expect(table.notes).toEqual([expect.stringMatching(/#3 \(2024年中华人民共和国国务院政府工作报告\)$/), expect.stringMatching(/#1 \(2025年中华人民共和国国务院政府工作报告\)$/)]);
  });

  it('compare takes document ids, or their ends, as selectors', async () => {
    const table = await compare(corpus, { a: 'government_work_reports.jsonl#5', b: '#3' });
    expect(table.notes).toEqual([expect.stringMatching(/#5 \(2023年中华人民共和国国务院政府工作报告\)$/), expect.stringMatching(/#3 \(2024年中华人民共和国国务院政府工作报告\)$/)]);
    // 2023: 国内生产总值增长5%左右 (target) in both the 2023 and the 2024 report.
    expect(table.rows).toContainEqual(expect.objectContaining({ section: 'target', key: 'gdp-growth', a: '5%左右', b: '5%左右' }));
    await expect(compare(corpus, { a: 'year=1776', b: '#1' })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('--a year=1776') });
  });

  it('reads the cache on a second pass: the same records without extracting again', async () => {
    const before = await collectIds(openCorpus(government, { jobs: 0, cache: temp.dir }));
    const again = await collectIds(openCorpus(government, { jobs: 0, cache: temp.dir }));
    expect(again).toEqual(before);
    expect(before).toHaveLength(72);
  });
});

async function firstDocument(corpus: Corpus) {
  for await (const document of corpus.documents()) return document.analysis;
  throw new Error('empty corpus');
}

async function collectIds(corpus: Corpus): Promise<string[]> {
  const ids: string[] = [];
  for await (const document of corpus.documents()) ids.push(document.id);
  return ids;
}

function pick(row: TargetRow | undefined) {
  return row ? { target: row.target, target_high: row.target_high, outcome: row.outcome, status: row.status } : undefined;
}
