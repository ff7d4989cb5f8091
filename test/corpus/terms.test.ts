/**
 * Terms: TF-IDF per report and per year on the national archive (counts checked
 * against the texts), and the promise that natural never writes to stdout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { terms, termsAnalysis, type TermsRow } from '../../src/corpus/analyses/terms.js';
import { GongwenError } from '../../src/diagnostics.js';
import { governmentRecords, memoryCorpus, reportOf, type MemoryRecord } from './helpers/memory-corpus.js';


const count = (text: string, word: string): number => text.split(word).length - 1;

describe('terms of the 政府工作报告', () => {
  let records: MemoryRecord[];
  let perReport: TermsRow[];

  it('makes 四人帮 the most distinctive term of the 1978 report, with natural’s idf', async () => {
    records = governmentRecords();
    const corpus = memoryCorpus(records);
    perReport = (await terms(corpus, { top: 5 })).rows;
    expect(corpus.passes).toBe(1);
    const report1978 = reportOf(records, 1978);
    const top = perReport.find((row) => row.group === report1978.id && row.rank === 1)!;
    expect(count(report1978.text, '四人帮')).toBe(95);
    const documentsWithIt = records.filter((record) => record.text.includes('四人帮')).length;
    expect(documentsWithIt).toBe(2); // 1978 and 1979
    // natural: idf = 1 + ln(N / (1 + df)), tf-idf = count × idf
    const idf = 1 + Math.log(records.length / (1 + documentsWithIt));
    expect(top).toMatchObject({ term: '四人帮', tf: 95 });
    expect(top.idf).toBeCloseTo(idf, 4);
    expect(top.tfidf).toBeCloseTo(95 * idf, 3);
  });

  it('gives top N terms per report, ranked by tf-idf', () => {
    const report1964 = reportOf(records, 1964);
    const rows = perReport.filter((row) => row.group === report1964.id);
    expect(rows.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.tfidf).toBeGreaterThanOrEqual(rows[i]!.tfidf);
    // The 1964 report (read for him) names 周总理 71 times.
    expect(count(report1964.text, '周总理')).toBe(71);
    expect(rows[0]).toMatchObject({ term: '周总理', tf: 71 });
  });

  it('groups by year: the 2023 group (one report) has 疫情 among its top terms, the pandemic years behind it', async () => {
    const options = termsAnalysis.fromFlags({ group: 'year', top: '8' }, []);
    const table = await termsAnalysis.run(memoryCorpus(records), options);
    const groups = new Set(table.rows.map((row) => row.group));
    // 52 years; the NPC resolutions have no year and are left out.
    expect(groups.size).toBe(52);
    expect(groups.has('null')).toBe(false);
    expect(count(reportOf(records, 2023).text, '疫情')).toBe(24);
    expect(table.rows.find((row) => row.group === '2023' && row.term === '疫情')).toMatchObject({ tf: 24 });
    expect(termsAnalysis.chart!(table, options)).toMatchObject({ facet: { row: { field: 'group' } } });
    // 72 reports of their own are more panels than a chart can show.
    expect(termsAnalysis.chart!({ columns: table.columns, rows: perReport }, {})).toBeNull();
  });
});

describe('terms on a small corpus', () => {
  it('puts a word only one report uses above a word both use as often', async () => {
    const corpus = memoryCorpus([
      { id: 'a', text: '推进乡村振兴，推进乡村振兴，加强基层治理。', metadata: { year: 2021 } },
      { id: 'b', text: '加强基层治理，加强基层治理。', metadata: { year: 2022 } },
    ]);
    const { rows } = await terms(corpus, { top: 3 });
    const first = rows.find((row) => row.group === 'a' && row.rank === 1)!;
    expect(['推进', '乡村振兴']).toContain(first.term);
    expect(first.tf).toBe(2);
  });

  it('refuses a bad --top with a GongwenError', () => {
    expect(() => termsAnalysis.fromFlags({ top: 'ten' }, [])).toThrow(GongwenError);
    expect(() => termsAnalysis.fromFlags({ segmenter: 'runs' }, [])).toThrow(/--segmenter/);
  });
});

const built = fileURLToPath(new URL('../../dist/corpus/analyses/terms.js', import.meta.url));

describe.skipIf(!existsSync(built))('natural and stdout', () => {
  it('importing the text analyses and running them (natural loaded) prints nothing on stdout', () => {
    // A child process: stdout exactly as `gongwen corpus … --json` would get it.
    const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
    const script = `
      const { terms } = await import('${dist}corpus/analyses/terms.js');
      const { findReuse } = await import('${dist}corpus/analyses/reuse.js');
      await import('${dist}corpus/analyses/keyness.js');
      const documents = [{ id: 'a', metadata: {}, analysis: null, text: async () => '推进乡村振兴，加强基层治理。' }];
      const corpus = { async *documents() { yield* documents; } };
      const table = await terms(corpus, { top: 2, segmenter: 'runs' });
      await findReuse(corpus);
      const { createRequire } = await import('node:module');
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('/natural/'));
      process.stderr.write(JSON.stringify({ rows: table.rows.length, natural: loaded.length, root: loaded.some((path) => path.endsWith('natural/lib/natural/index.js')) }));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout).toBe('');
    // natural's submodules did load (TfIdf, Dice), its root did not.
    expect(JSON.parse(child.stderr)).toMatchObject({ rows: 2, root: false });
    expect(JSON.parse(child.stderr).natural).toBeGreaterThan(0);
  });
});

describe('terms beyond natural’s document limit', () => {
  it('scores the compact counts exactly as natural’s TfIdf does', async () => {
    const records = governmentRecords();
    const viaNatural = await terms(memoryCorpus(records), { top: 10 });
    const compact = await terms(memoryCorpus(records), { top: 10, naturalLimit: 0 });
    expect(compact.rows).toHaveLength(72 * 10);
    expect(compact.rows).toEqual(viaNatural.rows);
  });
});
