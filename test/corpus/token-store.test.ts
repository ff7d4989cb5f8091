/**
 * Words once: a report's words are segmented once per content hash and
 * segmenter, kept in the corpus's cache folder, and read back by the next run
 * (keyness, terms). On the repository's national reports (fixtures), so it runs
 * without ../shared.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/archive/analyze-files.js';
import { ExtractWriter } from '../../src/archive/output.js';
import { keyness } from '../../src/corpus/analyses/keyness.js';
import { terms } from '../../src/corpus/analyses/terms.js';
import { openCorpus } from '../../src/corpus/open.js';
import { decodeWords, encodeWords, TokenStore, wordsFingerprint } from '../../src/corpus/token-store.js';
import { analysisWords, reportWords } from '../../src/corpus/text/words.js';
import { chineseStopWords } from '../../src/corpus/text/stopwords.js';
import type { Corpus, CorpusDocument } from '../../src/corpus/types.js';
import { readFixture } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/archive-files.js';

const YEARS = ['1997', '1998', '2017', '2019', '2021'];

/** Every file under `dir` whose name ends with `suffix`. */
async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith(suffix)) found.push(join(entry.parentPath, entry.name));
  return found;
}

/** The same corpus without a token store: every report segmented in this run, as before the store. */
function withoutStore(corpus: Corpus): Corpus {
  return { documents: () => corpus.documents() };
}

describe('the .words format', () => {
  it('round-trips a report: the same words in the same order', () => {
    const text = readFixture('gwr-2019');
    const words = reportWords(text, 'node-rs-jieba');
    const back = decodeWords(encodeWords(words));
    expect(back.vocabulary).toEqual(words.vocabulary);
    expect([...back.ids]).toEqual([...words.ids]);
    // Compact: two bytes per word plus the distinct words once, well under the text's own UTF-8 size.
    expect(encodeWords(words).length).toBeLessThan(Buffer.byteLength(text));
    // The words a reader gets back are the words counted without a store, stop words aside.
    const stored = [...back.ids].map((id) => back.vocabulary[id]!);
    const stopWords = chineseStopWords();
    expect(stored.filter((word) => !stopWords.has(word))).toEqual(analysisWords(text, { segmenter: 'node-rs-jieba' }));
  });

  it('refuses a truncated file or one whose ids leave the vocabulary', () => {
    const bytes = encodeWords({ vocabulary: ['改革', '开放'], ids: Uint16Array.from([0, 1, 0]) });
    expect(decodeWords(bytes).vocabulary).toEqual(['改革', '开放']);
    expect(() => decodeWords(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/);
    const wrong = Buffer.from(bytes);
    wrong.writeUInt16LE(7, wrong.length - 2);
    expect(() => decodeWords(wrong)).toThrow(/outside its vocabulary/);
  });

  it('keys the words by segmenter: another segmenter, another folder', () => {
    expect(wordsFingerprint('nodejieba')).not.toBe(wordsFingerprint('node-rs-jieba'));
    expect(wordsFingerprint('node-rs-jieba')).toBe(wordsFingerprint('node-rs-jieba'));
  });
});

describe('keyness and terms over a token store', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let extracted: string;
  let cache: string;
  const target = (document: CorpusDocument) => Number(document.metadata.year) >= 2017;

  beforeAll(async () => {
    temp = await makeTempDir('gongwen-words-');
    const archive = join(temp.dir, 'archive.jsonl');
    // Each report twice (another copy number): a repeated report is segmented once.
    const records = [0, 1].flatMap((copy) => YEARS.map((year) => ({ year: Number(year), copy, content: readFixture(`gwr-${year}`) })));
    await writeFile(archive, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
    extracted = join(temp.dir, 'out');
    const writer = await ExtractWriter.open(extracted);
    for await (const result of analyzeFiles([archive], { jobs: 0 })) if (result.status === 'done') await writer.writeDocument(result.record);
    await writer.close();
    cache = join(temp.dir, 'cache');
  });
  afterAll(() => temp.remove());

  it('segments each report once, stores it, and the next run reads every report from the store', async () => {
    const first = openCorpus(extracted, { cache });
    const table = await keyness(first, { target, top: 5 });
    const firstStore = first.tokenStore!('node-rs-jieba');
    expect(firstStore.stats).toEqual({ segmented: 5, read: 0, memory: 5 });
    expect(await filesUnder(cache, '.words')).toHaveLength(5);

    const second = openCorpus(extracted, { cache });
    const again = await keyness(second, { target, top: 5 });
    expect(second.tokenStore!('node-rs-jieba').stats).toEqual({ segmented: 0, read: 5, memory: 5 });
    expect(again).toEqual(table);
    // And the same table as segmenting every report in the run, without a store.
    expect(await keyness(withoutStore(openCorpus(extracted, { cache: false })), { target, top: 5 })).toEqual(table);
    // The counts are the words of the texts themselves, as analysisWords cuts them (each report twice).
    const wordsOf = (year: string) => analysisWords(readFixture(`gwr-${year}`), { segmenter: 'node-rs-jieba' });
    const count = (years: string[], word: string) => 2 * years.reduce((sum, year) => sum + wordsOf(year).filter((w) => w === word).length, 0);
    expect(table.rows).toHaveLength(10);
    for (const row of table.rows) {
      expect(row.target_count).toBe(count(['2017', '2019', '2021'], row.word));
      expect(row.reference_count).toBe(count(['1997', '1998'], row.word));
    }
  });

  it('gives terms identical to counting without a store, per report and by group', async () => {
    const stored = openCorpus(extracted, { cache });
    const plain = withoutStore(openCorpus(extracted, { cache: false }));
    expect(await terms(stored, { top: 8 })).toEqual(await terms(plain, { top: 8 }));
    const byYear = (document: CorpusDocument) => String(document.metadata.year);
    const grouped = await terms(stored, { top: 8, group: byYear, naturalLimit: 0 });
    expect(grouped).toEqual(await terms(plain, { top: 8, group: byYear }));
    // 2019's report: 两个维护 is one of the user words, counted whole.
    expect(grouped.rows.filter((row) => row.group === '2019').length).toBe(8);
  });

  it('segments again a stored file that was damaged, and repairs it', async () => {
    const [file] = await filesUnder(cache, '.words');
    const bytes = await readFile(file!);
    await writeFile(file!, bytes.subarray(0, 40));
    const corpus = openCorpus(extracted, { cache });
    await keyness(corpus, { target, top: 5 });
    expect(corpus.tokenStore!('node-rs-jieba').stats).toMatchObject({ segmented: 1, read: 4 });
    expect(await readFile(file!)).toEqual(bytes);
  });

  it('keeps words in memory only for a Segmenter object (no fingerprint) or without a cache', async () => {
    const store = new TokenStore({ dir: join(temp.dir, 'unused'), segmenter: { name: 'chars', cut: (text) => [...text] } });
    expect(store.dir).toBeNull();
    expect(new TokenStore({ dir: false }).dir).toBeNull();
  });
});
