/**
 * Reuse on the national archive (fixtures/archive/) and on small in-memory corpora. The passages asserted were
 * located by hand in the records (offsets checked with String#indexOf below).
 */
import { describe, expect, it } from 'vitest';
import { findReuse, reuseAnalysis, type ReuseResult } from '../../src/corpus/analyses/reuse.js';
import { bandingThreshold, candidateProbability, DEFAULT_BANDING } from '../../src/corpus/text/lsh.js';
import { estimateJaccard, minhashSignature } from '../../src/corpus/text/minhash.js';
import { shingleHashes } from '../../src/corpus/text/shingles.js';
import { GongwenError } from '../../src/diagnostics.js';
import { governmentRecords, memoryCorpus, reportOf, type MemoryRecord } from './helpers/memory-corpus.js';


/** A line of a report, as the paragraph splitter sees it: from `offset` to the end of the line. */
function lineAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(offset, end < 0 ? text.length : end);
}

describe('reuse on the 政府工作报告 1954–2025', () => {
  let records: MemoryRecord[];
  let result: ReuseResult;
  let passes: number;

  it('runs in two passes over the corpus (index, then query)', async () => {
    records = governmentRecords();
    const corpus = memoryCorpus(records);
    result = await findReuse(corpus);
    passes = corpus.passes;
    expect(passes).toBe(2);
  });

  it('finds the 2025 report repeating word for word the 2024 sentence on where the year’s results came from', () => {
    const sentence = '过去一年取得的成绩，根本在于习近平总书记领航掌舵，在于习近平新时代中国特色社会主义思想科学指引，是以习近平同志为核心的党中央坚强领导的结果';
    const report2025 = reportOf(records, 2025);
    const report2024 = reportOf(records, 2024);
    // Located by hand: the paragraph opens at offset 3902 of 2025 and 3729 of 2024, and is the same line in both.
    expect(report2025.text.indexOf(sentence)).toBe(3902);
    expect(report2024.text.indexOf(sentence)).toBe(3729);
    expect(lineAt(report2025.text, 3902)).toBe(lineAt(report2024.text, 3729));
    const row = result.passages.rows.find((passage) => passage.doc === report2025.id && passage.offset === 3902);
    expect(row).toMatchObject({ year: 2025, source_doc: report2024.id, source_year: 2024, source_offset: 3729, similarity: 1 });
    expect(row!.length).toBe(lineAt(report2025.text, 3902).length);
  });

  it('finds a near repeat: 2017’s paragraph on religion is 2016’s without 坚持', () => {
    const report2017 = reportOf(records, 2017);
    const report2016 = reportOf(records, 2016);
    const later = lineAt(report2017.text, 18594);
    const earlier = lineAt(report2016.text, 19452);
    expect(later).toBe('我们要全面贯彻党的宗教工作基本方针，依法管理宗教事务，促进宗教关系和谐，发挥宗教界人士和信教群众在促进经济社会发展中的积极作用。');
    expect(earlier).toBe(later.replace('依法管理', '坚持依法管理'));
    const row = result.passages.rows.find((passage) => passage.doc === report2017.id && passage.offset === 18594);
    expect(row).toMatchObject({ source_doc: report2016.id, source_offset: 19452 });
    expect(row!.similarity).toBeGreaterThan(0.9);
    expect(row!.similarity).toBeLessThan(1);
  });

  it('finds the Wikisource licence note every report repeats, sourced from the report just before it', () => {
    const licence = '，国家机关的决议、决定、命令和其他具有立法、行政、司法性质的文件，及其官方正式译文。根据《';
    const dated = records
      .filter((record) => record.metadata?.year !== null)
      .sort((a, b) => Number(a.metadata!.year) - Number(b.metadata!.year));
    expect(dated).toHaveLength(52);
    for (const [i, record] of dated.entries()) {
      const offset = record.text.indexOf(licence);
      expect(offset, record.id).toBeGreaterThan(0);
      const row = result.passages.rows.find((passage) => passage.doc === record.id && passage.offset === offset);
      if (i === 0) expect(row).toBeUndefined();
      else expect(row, record.id).toMatchObject({ source_doc: dated[i - 1]!.id, source_offset: dated[i - 1]!.text.indexOf(licence), similarity: 1 });
    }
  });

  it('finds no reuse in the 1954 report: no report is earlier', () => {
    const report1954 = reportOf(records, 1954);
    expect(result.passages.rows.filter((passage) => passage.doc === report1954.id)).toEqual([]);
    expect(result.documents.rows.find((row) => row.doc === report1954.id)).toMatchObject({ reused_paragraphs: 0, reused_characters: 0, share: 0 });
  });

  it('finds no reuse in the 1962 NPC resolution, though every other record counts as earlier for it', () => {
    // Undated records (the resolutions) come after every dated one, among themselves in corpus order:
    // this one is the last record of the file, so all 71 others are candidates for its sources.
    const resolution = records.at(-8)!;
    expect(resolution.metadata).toMatchObject({ title: '第二届全国人民代表大会第三次会议关于政府工作报告的决议', year: null });
    expect(records.slice(records.indexOf(resolution) + 1).every((record) => record.metadata?.year !== null)).toBe(true);
    // Its seven paragraphs (大跃进, 人民公社, 东风压倒西风) are its own; it carries no licence note.
    expect(resolution.text).toContain('更高地举起总路线、大跃进、人民公社三面红旗');
    expect(resolution.text).not.toContain('公有领域');
    expect(result.passages.rows.filter((passage) => passage.doc === resolution.id)).toEqual([]);
    expect(result.documents.rows.find((row) => row.doc === resolution.id)).toMatchObject({ paragraphs: 7, reused_paragraphs: 0, share: 0 });
  });

  it('never reports a source later than the reusing report', () => {
    for (const passage of result.passages.rows) {
      if (passage.year !== null && passage.source_year !== null) expect(passage.source_year).toBeLessThanOrEqual(passage.year);
      expect(passage.similarity).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('sums a report’s share from its reused paragraphs', () => {
    for (const row of result.documents.rows) {
      const passages = result.passages.rows.filter((passage) => passage.doc === row.doc);
      expect(row.reused_paragraphs).toBe(passages.length);
      expect(row.reused_characters).toBe(passages.reduce((sum, passage) => sum + passage.length, 0));
      expect(row.share).toBeCloseTo(row.reused_characters / row.characters, 4);
    }
  });
});

describe('shingles, MinHash and banding', () => {
  const signatureOf = (text: string): Int32Array => {
    const into = { buffer: new Int32Array(16) };
    const count = shingleHashes(text, 5, into);
    const signature = new Int32Array(64);
    minhashSignature(into.buffer, count, signature);
    return signature;
  };
  const shingleSet = (text: string): Set<string> => new Set(Array.from({ length: text.length - 4 }, (_, i) => text.slice(i, i + 5)));

  it('estimates the Jaccard similarity of the 5-shingle sets', () => {
    const a = '坚持以人民为中心的发展思想，着力保障和改善民生，扎实推进共同富裕，不断增强人民群众获得感幸福感安全感。';
    const b = a.replace('着力保障和改善民生', '持续改善人民生活');
    const setA = shingleSet(a);
    const setB = shingleSet(b);
    const jaccard = [...setA].filter((shingle) => setB.has(shingle)).length / new Set([...setA, ...setB]).size;
    expect(jaccard).toBeGreaterThan(0.4);
    expect(jaccard).toBeLessThan(0.8);
    // 64 slots: standard error √(J(1−J)/64) ≈ 0.06; three of them is a bound the estimate stays in.
    expect(Math.abs(estimateJaccard(signatureOf(a), signatureOf(b)) - jaccard)).toBeLessThan(0.19);
    expect(estimateJaccard(signatureOf(a), signatureOf(a))).toBe(1);
    expect(estimateJaccard(signatureOf(a), signatureOf('全面加强国防和军队建设，坚决维护国家主权安全发展利益。'))).toBeLessThan(0.1);
  });

  it('bands 16 × 4: the S-curve the README documents', () => {
    expect(bandingThreshold(DEFAULT_BANDING)).toBeCloseTo(0.5, 10);
    expect(candidateProbability(0.3, DEFAULT_BANDING)).toBeCloseTo(0.122, 3);
    expect(candidateProbability(0.5, DEFAULT_BANDING)).toBeCloseTo(0.6439, 4);
    expect(candidateProbability(0.8, DEFAULT_BANDING)).toBeCloseTo(0.9998, 4);
  });
});

describe('reuse on small corpora', () => {
  const template = '各单位要认真贯彻落实区委全会精神，坚持稳中求进工作总基调，扎实推进各项重点工作落地见效。';
  const records: MemoryRecord[] = [
    // Corpus order is newest first, as in the national archive: the year decides which report reuses which.
    { id: 'b', text: `2022年工作总结\n${template}\n今年新建社区食堂十二个，解决群众用餐难题。`, metadata: { year: 2022 } },
    { id: 'a', text: `2021年工作总结\n　　${template}\n全年完成道路改造四十公里，群众出行更加便利。`, metadata: { year: '2021' } },
  ];

  it('reports the later report (by year) reusing the earlier, with both offsets', async () => {
    const { passages, documents } = await findReuse(memoryCorpus(records));
    expect(passages.rows).toEqual([
      expect.objectContaining({ doc: 'b', year: 2022, offset: 10, source_doc: 'a', source_year: 2021, source_offset: 12, similarity: 1 }),
    ]);
    expect(records[0]!.text.slice(10, 10 + template.length)).toBe(template);
    expect(records[1]!.text.slice(12, 12 + template.length)).toBe(template);
    expect(documents.rows.find((row) => row.doc === 'a')).toMatchObject({ reused_paragraphs: 0, share: 0 });
    expect(documents.rows.find((row) => row.doc === 'b')).toMatchObject({ reused_paragraphs: 1, reused_characters: template.length });
  });

  it('returns the per-report table with --summary, and a chart of it', async () => {
    const options = reuseAnalysis.fromFlags({ summary: true }, []);
    const table = await reuseAnalysis.run(memoryCorpus(records), options);
    expect(table.columns).toContain('share');
    expect(table.rows).toHaveLength(2);
    expect(reuseAnalysis.chart!(table, options)).toMatchObject({ mark: 'bar' });
  });

  it('gives empty tables for an empty corpus', async () => {
    const { passages, documents } = await findReuse(memoryCorpus([]));
    expect(passages.rows).toEqual([]);
    expect(documents.rows).toEqual([]);
  });

  it('refuses bad flags and a corpus that changes between its passes with a GongwenError', async () => {
    expect(() => reuseAnalysis.fromFlags({ similarity: '1.5' }, [])).toThrow(GongwenError);
    expect(() => reuseAnalysis.fromFlags({ 'min-length': 'x' }, [])).toThrow(/--min-length/);
    let pass = 0;
    const changing = {
      async *documents() {
        pass++;
        yield* memoryCorpus(pass === 1 ? records : [...records].reverse()).documents();
      },
    };
    await expect(findReuse(changing)).rejects.toThrow(GongwenError);
  });
});
