/**
 * Keyness: the statistics against reference values, and on the national
 * archive a direction the history explains: the reports of 2013–2025 against
 * those of 1978–2012. Counts are checked against the texts themselves.
 */
import { describe, expect, it } from 'vitest';
import { keyness, keynessAnalysis, type KeynessRow } from '../../src/corpus/analyses/keyness.js';
import { chiSquareSurvival, keynessScore } from '../../src/corpus/text/contingency.js';
import { analysisWords } from '../../src/corpus/text/words.js';
import { GongwenError } from '../../src/diagnostics.js';
import { governmentRecords, memoryCorpus, type MemoryRecord } from './helpers/memory-corpus.js';


describe('the 2×2 statistics', () => {
  // Reference values from scipy.stats.chi2_contingency (scipy 1.x) on the same tables.
  it('gives Pearson chi² and G² of a large table without Yates (every expected count ≥ 5)', () => {
    // word: 12 of 55 target words, 35 of 91 reference words
    const score = keynessScore(12, 35, 55, 91, 'none');
    expect(score.chi2).toBeCloseTo(-4.350164943588544, 10);
    expect(score.pChi2).toBeCloseTo(0.03700536201941304, 6);
    expect(score.g2).toBeCloseTo(-4.497171300955481, 10);
    // The default corrects G² (Williams) but leaves chi² alone where no expected count is below 5.
    expect(keynessScore(12, 35, 55, 91).chi2).toBeCloseTo(-4.350164943588544, 10);
    const n = 146;
    const q = 1 + ((n / 47 + n / 99 - 1) * (n / 55 + n / 91 - 1)) / (6 * n);
    expect(keynessScore(12, 35, 55, 91).g2).toBeCloseTo(-4.497171300955481 / q, 10);
  });

  it('applies Yates where an expected count is below 5, as quanteda does', () => {
    // 3 of 1000 target words against 40 of 10000: expected 3.9 in the target
    expect(keynessScore(3, 40, 1000, 10_000).chi2).toBeCloseTo(-0.047277836617135346, 10);
    expect(keynessScore(3, 40, 1000, 10_000).pChi2).toBeCloseTo(0.8278696130750616, 6);
    expect(keynessScore(3, 40, 1000, 10_000, 'none').g2).toBeCloseTo(-0.2519185414202527, 10);
  });

  it('signs a word by where it is over-represented, and p by the chi-square tail', () => {
    expect(keynessScore(40, 3, 1000, 10_000).g2).toBeGreaterThan(0);
    expect(chiSquareSurvival(3.841458820694124)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(0)).toBe(1);
  });
});

describe('the words counted', () => {
  it('drops stop words, punctuation and numbers, and keeps slogans whole (user words)', () => {
    const words = analysisWords('我们要增强“四个意识”，2023年完成了xx项任务。');
    expect(words).toContain('四个意识');
    expect(words).not.toContain('我们');
    expect(words).not.toContain('了');
    expect(words).not.toContain('2023');
    expect(words).not.toContain('xx');
    expect(words.some((word) => /[“”，。]/.test(word))).toBe(false);
  });

  it('segments a line of 48,000 characters in pieces cut at sentence ends, losing no word', () => {
    const sentence = '推进乡村振兴。';
    const line = sentence.repeat(6000);
    const words = analysisWords(line);
    expect(words.filter((word) => word === '推进')).toHaveLength(6000);
    expect(words.filter((word) => word === '乡村振兴')).toHaveLength(6000);
    expect(words).toHaveLength(12_000);
  });
});

/** Non-overlapping occurrences of `word` in the texts: what grep -o | wc -l counts. */
function occurrences(records: readonly MemoryRecord[], word: string): number {
  return records.reduce((sum, record) => sum + record.text.split(word).length - 1, 0);
}

describe('keyness of the 政府工作报告 2013–2025 against 1978–2012', () => {
  let rows: KeynessRow[];
  let target: MemoryRecord[];
  let reference: MemoryRecord[];

  it('runs over both groups in one pass', async () => {
    const records = governmentRecords();
    const year = (record: MemoryRecord): number => Number(record.metadata?.year ?? NaN);
    target = records.filter((record) => year(record) >= 2013);
    reference = records.filter((record) => year(record) >= 1978 && year(record) <= 2012);
    expect(target).toHaveLength(12); // 2013–2025 without 2020
    expect(reference).toHaveLength(31);
    const corpus = memoryCorpus(records);
    const options = keynessAnalysis.fromFlags({ target: 'year>=2013', reference: 'year>=1978 and year<=2012' }, []);
    rows = (await keyness(corpus, { ...options, top: undefined })).rows;
    expect(corpus.passes).toBe(1);
  });

  it('puts 习近平 on the target side: named 120 times from 2013 on, never in 1978–2012', () => {
    const row = rows.find((candidate) => candidate.word === '习近平')!;
    expect(occurrences(target, '习近平')).toBe(120);
    expect(occurrences(reference, '习近平')).toBe(0);
    expect(row).toMatchObject({ direction: 'target', target_count: 120, reference_count: 0 });
    expect(row.g2).toBeGreaterThan(100);
    expect(row.p_g2).toBeLessThan(1e-20);
  });

  it('puts 四人帮 and 国民经济 on the reference side: the post-1978 reckoning and the planned economy', () => {
    expect(occurrences(reference, '四人帮')).toBe(129);
    expect(occurrences(target, '四人帮')).toBe(0);
    expect(rows.find((row) => row.word === '四人帮')).toMatchObject({ direction: 'reference', target_count: 0, reference_count: 129 });
    expect(occurrences(target, '国民经济')).toBe(10);
    expect(occurrences(reference, '国民经济')).toBe(349);
    const economy = rows.find((row) => row.word === '国民经济')!;
    expect(economy).toMatchObject({ target_count: 10, reference_count: 349 });
    expect(economy.g2).toBeLessThan(-100);
    expect(economy.chi2).toBeLessThan(0);
  });

  it('orders words from most over- to most under-represented, and keeps the top N each way', async () => {
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.g2).toBeGreaterThanOrEqual(rows[i]!.g2);
    const top = rows.filter((row) => row.g2 > 0).slice(0, 5).map((row) => row.word);
    const options = keynessAnalysis.fromFlags({ target: 'year>=2013', reference: 'year>=1978 and year<=2012', top: '5' }, []);
    const table = await keynessAnalysis.run(memoryCorpus(governmentRecords()), { ...options, minCount: 1 });
    expect(table.rows).toHaveLength(10);
    expect(table.rows.slice(0, 5).map((row) => row.word)).toEqual(top);
    expect(table.rows.slice(5).every((row) => row.direction === 'reference')).toBe(true);
    const chart = keynessAnalysis.chart!(table, options)!;
    expect(chart).toMatchObject({ mark: 'bar', encoding: { x: { field: 'g2' }, y: { field: 'word' } } });
  });
});

describe('keyness refuses what it cannot score', () => {
  const records: MemoryRecord[] = [{ id: 'a', text: '推进高质量发展。', metadata: { year: 2024 } }];

  it('an empty group or a missing --target is a GongwenError', async () => {
    const options = keynessAnalysis.fromFlags({ target: 'year>=2013' }, []);
    await expect(keyness(memoryCorpus(records), options)).rejects.toThrow(/reference group is empty/);
    expect(() => keynessAnalysis.fromFlags({}, [])).toThrow(GongwenError);
    expect(() => keynessAnalysis.fromFlags({ target: 'year>=2013', correction: 'yates' }, [])).toThrow(/--correction/);
    expect(() => keynessAnalysis.fromFlags({ target: 'year>=2013', top: '0' }, [])).toThrow(/--top/);
  });
});
