/**
 * analyzeFiles end to end, with the real analysis: the calling thread
 * (`jobs` 0) and worker threads take the same path and give the same
 * results; `skip` is decided before any analysis, where the hash is known.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/archive/analyze-files.js';
import type { FileResult } from '../../src/archive/analyze-files.js';
import { contentHash } from '../../src/archive/hash.js';
import { readFixture } from '../helpers/fixtures.js';
import { encodeWithPython, makeDocx, makeTempDir } from '../helpers/archive-files.js';

const report = readFixture('seed-003');

let temp: { dir: string; remove(): Promise<void> };

beforeAll(async () => {
  temp = await makeTempDir();
  const at = (name: string): string => join(temp.dir, 'archive', name);
  await mkdir(join(temp.dir, 'archive'));
  await writeFile(at('a-gbk.txt'), encodeWithPython(report, 'gb18030'));
  await writeFile(at('b.docx'), await makeDocx([{ text: '2021年工作报告' }, { text: '一、总体情况' }, { text: '召开会议7次。' }]));
  await writeFile(at('c-broken.docx'), Buffer.from('PK\u0003\u0004 truncated'));
  await writeFile(
    at('d.jsonl'),
    `${JSON.stringify({ title: '甲', content: '一、记录甲\n完成xx项任务。' })}\n{broken\n${JSON.stringify({ title: '乙', content: report })}\n`,
  );
});

afterAll(async () => {
  await temp.remove();
});

async function collect(options: Parameters<typeof analyzeFiles>[1]): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for await (const result of analyzeFiles(['archive', 'missing.txt'], { cwd: temp.dir, ...options })) results.push(result);
  return results;
}

const summary = (result: FileResult): [string, string] =>
  result.status === 'failed' ? [result.error.id, `failed ${result.error.error.code}`] : result.status === 'done' ? [result.record.id, 'done'] : [result.id, 'skipped'];

describe('analyzeFiles', () => {
  it('gives the same results in the calling thread (jobs 0) and in worker threads, in input order', async () => {
    const inCallingThread = await collect({ jobs: 0 });
    expect(inCallingThread.map(summary)).toEqual([
      ['archive/a-gbk.txt', 'done'],
      ['archive/b.docx', 'done'],
      ['archive/c-broken.docx', 'failed FORMAT'],
      ['archive/d.jsonl#1', 'done'],
      ['archive/d.jsonl#2', 'failed FORMAT'],
      ['archive/d.jsonl#3', 'done'],
      ['missing.txt', 'failed ENOENT'],
    ]);
    const first = inCallingThread[0]!;
    expect(first.status === 'done' && first.record).toMatchObject({ format: 'text', encoding: 'gb18030', hash: contentHash(report) });
    expect(first.bytes).toBe(Buffer.byteLength(report));
    expect(await collect({ jobs: 2 })).toEqual(inCallingThread);
  });

  it('decides skip before analysing: a record by its hash in the calling thread, a file once a worker has decoded it', async () => {
    for (const jobs of [0, 2]) {
      const asked: Array<{ id: string; hash: string }> = [];
      const results = await collect({
        jobs,
        // The GBK file and the record holding the same report are both done already.
        skip: (document) => {
          asked.push(document);
          return document.hash === contentHash(report);
        },
      });
      expect(results.map(summary)).toEqual([
        ['archive/a-gbk.txt', 'skipped'],
        ['archive/b.docx', 'done'],
        ['archive/c-broken.docx', 'failed FORMAT'],
        ['archive/d.jsonl#1', 'done'],
        ['archive/d.jsonl#2', 'failed FORMAT'],
        ['archive/d.jsonl#3', 'skipped'],
        ['missing.txt', 'failed ENOENT'],
      ]);
      expect(results[5]).toEqual({
        status: 'skipped',
        id: 'archive/d.jsonl#3',
        source: 'archive/d.jsonl',
        metadata: { title: '乙' }, // as met now: the writer carries the analysis with it
        format: 'text',
        encoding: 'utf-8',
        hash: contentHash(report),
        bytes: Buffer.byteLength(report),
      });
      expect(results[0]).toMatchObject({ status: 'skipped', metadata: {}, format: 'text', encoding: 'gb18030' }); // decoded by a worker
      // Asked once per document that could be read, never for one that could not.
      expect(asked.map(({ id }) => id).sort()).toEqual(['archive/a-gbk.txt', 'archive/b.docx', 'archive/d.jsonl#1', 'archive/d.jsonl#3']);
      expect(asked.find(({ id }) => id === 'archive/d.jsonl#1')?.hash).toBe(contentHash('一、记录甲\n完成xx项任务。'));
    }
  });
});
