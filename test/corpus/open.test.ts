/**
 * openCorpus over what researchers have: raw files, a .jsonl archive of texts,
 * the output of gongwen extract (a folder or its documents.jsonl). Built from
 * the repository's fixtures (the 2017 and 2019 政府工作报告), so it runs in a
 * clone without ../shared.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/archive/analyze-files.js';
import { ExtractWriter } from '../../src/archive/output.js';
import { openCorpus } from '../../src/corpus/open.js';
import type { Corpus, CorpusDocument } from '../../src/corpus/types.js';
import type { ErrorRecord } from '../../src/archive/output.js';
import { GongwenError } from '../../src/diagnostics.js';
import { readFixture } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/archive-files.js';

const fixtures = new URL('../../fixtures/', import.meta.url);

async function all(corpus: Corpus): Promise<CorpusDocument[]> {
  const documents: CorpusDocument[] = [];
  for await (const document of corpus.documents()) documents.push(document);
  return documents;
}

describe('openCorpus', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let archive: string;
  let reports: string;
  let extracted: string;
  beforeAll(async () => {
    temp = await makeTempDir('gongwen-open-');
    reports = join(temp.dir, 'reports');
    await mkdir(reports);
    for (const name of ['gwr-2017', 'gwr-2019']) await copyFile(new URL(`${name}.txt`, fixtures), join(reports, `${name}.txt`));
    // A .jsonl archive in the shape of fixtures/archive/: years as strings, one record without a year.
    archive = join(temp.dir, 'archive.jsonl');
    const records = [
      { title: '2019年政府工作报告', year: '2019', region: '全国', content: readFixture('gwr-2019') },
      { title: '2017年政府工作报告', year: '2017', region: '全国', content: readFixture('gwr-2017') },
      { title: '决议', year: null, content: '第十三届全国人民代表大会第二次会议关于政府工作报告的决议' },
    ];
    await writeFile(archive, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
    // The output of gongwen extract over that archive.
    extracted = join(temp.dir, 'out');
    const writer = await ExtractWriter.open(extracted);
    for await (const result of analyzeFiles([archive], { jobs: 0 })) if (result.status === 'done') await writer.writeDocument(result.record);
    await writer.close();
  });
  afterAll(() => temp.remove());

  it('reads raw files: ids as given, year filled from the analysis, text() the file', async () => {
    const documents = await all(openCorpus(reports, { jobs: 0, cache: join(temp.dir, 'cache-files') }));
    expect(documents.map((document) => document.id)).toEqual([join(reports, 'gwr-2017.txt'), join(reports, 'gwr-2019.txt')]);
    // The 2017 report's byline: ——2017年3月5日在第十二届全国人民代表大会第五次会议上
    expect(documents[0]!.metadata.year).toBe(2017);
    expect(await documents[1]!.text()).toBe(readFixture('gwr-2019'));
  });

  it('reads a .jsonl archive: the record fields as metadata, the record text', async () => {
    const documents = await all(openCorpus(archive, { jobs: 0, cache: join(temp.dir, 'cache-jsonl') }));
    expect(documents.map((document) => document.id)).toEqual([`${archive}#1`, `${archive}#2`, `${archive}#3`]);
    expect(documents[0]!.metadata).toMatchObject({ title: '2019年政府工作报告', year: '2019', region: '全国' });
    expect(await documents[1]!.text()).toBe(readFixture('gwr-2017'));
    expect(documents[0]!.analysis.slogans.some((slogan) => slogan.canonical === '两个维护')).toBe(true);
  });

  it('reads the output of gongwen extract, as a folder or as documents.jsonl, the texts from the sources', async () => {
    for (const input of [extracted, join(extracted, 'documents.jsonl')]) {
      const documents = await all(openCorpus(input));
      expect(documents.map((document) => document.id)).toEqual([`${archive}#1`, `${archive}#2`, `${archive}#3`]);
      expect(documents[1]!.metadata.title).toBe('2017年政府工作报告');
      // Read back from line 2 of the archive, one positioned read.
      expect(await documents[1]!.text()).toBe(readFixture('gwr-2017'));
      expect(await documents[0]!.text()).toBe(readFixture('gwr-2019'));
    }
  });

  it('knows extract records in a .jsonl of another name by their first line', async () => {
    const renamed = join(temp.dir, 'national-2017-2019.jsonl');
    await copyFile(join(extracted, 'documents.jsonl'), renamed);
    const documents = await all(openCorpus(renamed, { cache: false }));
    expect(documents.map((document) => document.id)).toEqual([`${archive}#1`, `${archive}#2`, `${archive}#3`]);
  });

  it('tells an edited source from the one extracted: FORMAT, not wrong offsets', async () => {
    const out = join(temp.dir, 'out-edited');
    const source = join(temp.dir, 'edited.jsonl');
    await writeFile(source, JSON.stringify({ year: '2019', content: readFixture('gwr-2019') }) + '\n');
    const writer = await ExtractWriter.open(out);
    for await (const result of analyzeFiles([source], { jobs: 0 })) if (result.status === 'done') await writer.writeDocument(result.record);
    await writer.close();
    await writeFile(source, JSON.stringify({ year: '2019', content: readFixture('gwr-2019').replace('两个维护', '两个确立') }) + '\n');
    const [document] = await all(openCorpus(out));
    await expect(document!.text()).rejects.toMatchObject({ code: 'FORMAT', message: expect.stringContaining('has changed since it was extracted') });
  });

  it('filters with --where on the metadata, numbers as numbers', async () => {
    const corpus = openCorpus(extracted, { where: 'year>=2018' });
    expect((await all(corpus)).map((document) => document.metadata.title)).toEqual(['2019年政府工作报告']);
    expect((await all(openCorpus(extracted, { where: 'year=null' }))).map((document) => document.metadata.title)).toEqual(['决议']);
    expect((await all(openCorpus(extracted, { where: 'title~^20,region=全国' }))).length).toBe(2);
  });

  it('keeps extraction results in the cache, keyed by content hash, and reads them on the next pass', async () => {
    const cache = join(temp.dir, 'cache-reuse');
    const first = await all(openCorpus(archive, { jobs: 0, cache }));
    const files = (await readdir(cache, { recursive: true })).filter((name) => String(name).endsWith('.json'));
    expect(files).toHaveLength(3);
    // A cached record is used as it is: spoil one and the next pass shows it came from the cache.
    const spoiled = join(cache, String(files[0]));
    const cached = JSON.parse(await readFile(spoiled, 'utf8')) as { title: string };
    await writeFile(spoiled, JSON.stringify({ ...cached, title: 'from the cache' }));
    const second = await all(openCorpus(archive, { jobs: 0, cache }));
    expect(second.map((document) => document.analysis.title)).toContain('from the cache');
    // The metadata is the input's, never the cache's.
    expect(second.map((document) => document.id)).toEqual(first.map((document) => document.id));
    expect(second[0]!.metadata).toEqual(first[0]!.metadata);
  });

  it('recomputes a malformed cache entry (and rewrites it) instead of crashing', async () => {
    const cache = join(temp.dir, 'cache-malformed');
    const first = await all(openCorpus(archive, { jobs: 0, cache }));
    const files = (await readdir(cache, { recursive: true })).filter((name) => String(name).endsWith('.json')).map((name) => join(cache, String(name)));
    await writeFile(files[0]!, '{}');
    await writeFile(files[1]!, 'null');
    const cached = JSON.parse(await readFile(files[2]!, 'utf8')) as { hash: string };
    await writeFile(files[2]!, JSON.stringify({ ...cached, hash: 'f'.repeat(64) })); // filed under another text's hash
    const second = await all(openCorpus(archive, { jobs: 0, cache }));
    expect(second.map((document) => document.analysis)).toEqual(first.map((document) => document.analysis));
    for (const file of files) expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), headings: expect.any(Array) });
  });

  it.skipIf(process.getuid?.() !== 0)('does not trust an entry another user planted in the cache folder', async () => {
    const { chown } = await import('node:fs/promises');
    const cache = join(temp.dir, 'cache-planted');
    const first = await all(openCorpus(archive, { jobs: 0, cache }));
    const files = (await readdir(cache, { recursive: true })).filter((name) => String(name).endsWith('.json')).map((name) => join(cache, String(name)));
    for (const file of files) {
      const record = JSON.parse(await readFile(file, 'utf8')) as { slogans: unknown[] };
      await writeFile(file, JSON.stringify({ ...record, title: 'planted', slogans: Array.from({ length: 6000 }, () => ({ text: '假提法', canonical: '假提法', count: 1 })) }));
      await chown(file, 4321, 4321);
    }
    const second = await all(openCorpus(archive, { jobs: 0, cache }));
    expect(second.map((document) => document.analysis.title)).toEqual(first.map((document) => document.analysis.title));
    expect(second.map((document) => document.analysis.slogans.length)).toEqual(first.map((document) => document.analysis.slogans.length));
  });

  it('reports a missing input through onError and goes on', async () => {
    const errors: ErrorRecord[] = [];
    const documents = await all(openCorpus([join(temp.dir, 'missing.txt'), reports], { jobs: 0, cache: false, onError: (error) => errors.push(error) }));
    expect(documents).toHaveLength(2);
    expect(errors).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'ENOENT' }) })]);
  });

  it('tells a file passed over in a folder of raw inputs to onSkip', async () => {
    const folder = join(temp.dir, 'with-image');
    await mkdir(folder);
    await copyFile(new URL('gwr-2019.txt', fixtures), join(folder, 'gwr-2019.txt'));
    await writeFile(join(folder, 'scan.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const skipped: string[] = [];
    const documents = await all(openCorpus(folder, { jobs: 0, cache: false, onSkip: (file) => skipped.push(file.id) }));
    expect(documents).toHaveLength(1);
    expect(skipped).toEqual([join(folder, 'scan.png')]);
  });

  it('reads documents.jsonl records by their head: the analysis, read later, is the whole record, also with a "headings" key in the metadata', async () => {
    const lines = (await readFile(join(extracted, 'documents.jsonl'), 'utf8')).split('\n').filter(Boolean);
    const records = lines.map((line) => JSON.parse(line) as { id: string; metadata: Record<string, unknown>; headings: unknown[]; slogans: unknown[] });
    // A metadata field named like an analysis table: its `,"headings":` comes first in the line.
    const tricky = { ...records[0]!, metadata: { ...records[0]!.metadata, headings: ['元数据'], note: 'x,"headings":[]' } };
    const edited = join(temp.dir, 'tricky', 'documents.jsonl');
    await mkdir(join(temp.dir, 'tricky'));
    await writeFile(edited, [JSON.stringify(tricky), ...lines.slice(1)].join('\n') + '\n');
    const documents = await all(openCorpus(edited));
    expect(documents.map((document) => document.id)).toEqual(records.map((record) => record.id));
    expect(documents[0]!.metadata.headings).toEqual(['元数据']);
    expect(documents[0]!.analysis.headings).toEqual(records[0]!.headings);
    expect(documents[1]!.analysis.slogans).toEqual(records[1]!.slogans);
    expect(documents[1]!.analysis.headings.length).toBeGreaterThan(5);
  });

  it('refuses stdin and a malformed --where with a usage error', () => {
    expect(() => openCorpus('-')).toThrow(GongwenError);
    expect(() => openCorpus(archive, { where: 'year>>2013' })).toThrow(/--where/);
  });
});
