/**
 * The pieces together, as the `extract` command will use them (with a stand-in
 * for analyze): a mixed folder → expandInputs → load → runOrdered (2 threads)
 * → ExtractWriter. Errors are recorded and the other documents processed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/archive/inputs.js';
import type { DocumentSource, LoadedDocument } from '../../src/archive/inputs.js';
import { runOrdered } from '../../src/archive/pool.js';
import { ExtractWriter } from '../../src/archive/output.js';
import { contentHash } from '../../src/archive/hash.js';
import type { AnalysisJson } from '../../src/extract/types.js';
import { encodeWithPython, makeCjkPdf, makeDocx, makeTempDir, utf16 } from '../helpers/archive-files.js';
import { readSeed } from '../helpers/fixtures.js';

const seed = readSeed;
const report = seed('002_a41be418d54fa817.txt');

let temp: { dir: string; remove(): Promise<void> };

beforeAll(async () => {
  temp = await makeTempDir();
  const at = (name: string): string => join(temp.dir, 'archive', name);
  await mkdir(join(temp.dir, 'archive'));
  await writeFile(at('01-gb18030.txt'), encodeWithPython(report, 'gb18030'));
  await writeFile(at('02-utf8.txt'), report);
  await writeFile(at('03-utf16le.txt'), utf16(seed('000_2366e1a6fb616132.txt'), 'le'));
  await writeFile(at('04-utf16be.md'), utf16(seed('003_c2c44bd365bfd414.txt'), 'be'));
  await writeFile(at('05-bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed('004_bda7739a96efcbec.txt'))]));
  await writeFile(at('06-report.docx'), await makeDocx([{ text: '2021年工作报告' }, { text: '一、总体情况' }, { text: '正文。' }]));
  await writeFile(at('07-page.html'), '<!doctype html><html><head><script>alert(1)</script></head><body><p>一、网页报告</p></body></html>');
  await writeFile(at('08-report.pdf'), await makeCjkPdf([[{ text: '一、总体情况', x: 72, y: 700 }, { text: '正文。', x: 104, y: 670 }]]));
  const docx = await makeDocx([{ text: '一、总体情况' }]);
  await writeFile(at('09-broken.docx'), docx.subarray(0, docx.length >> 1));
  // Binary that no known signature names (an ELF program would be passed over, see foreign-formats.ts): read, and fails.
  await writeFile(at('10-binary'), Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00]));
  await writeFile(
    at('11-dump.jsonl'),
    `${JSON.stringify({ title: '甲', year: 2001, content: '一、记录甲' })}\n{broken\n${JSON.stringify({ title: '乙', year: 2002, content: '一、记录乙' })}\n`,
  );
});

afterAll(async () => {
  await temp.remove();
});

type Prepared = { source: DocumentSource; loaded: LoadedDocument } | { source: DocumentSource; error: unknown };

async function* prepare(sources: AsyncIterable<DocumentSource>): AsyncGenerator<Prepared> {
  for await (const source of sources) {
    try {
      yield { source, loaded: await source.load() };
    } catch (error) {
      yield { source, error };
    }
  }
}

describe('an archive run', () => {
  it('processes a mixed folder with 2 threads: input order kept, failures recorded, the rest written', async () => {
    const out = join(temp.dir, 'out');
    const writer = await ExtractWriter.open(out);
    const worker = {
      filename: new URL('./workers/fake-analyze.mjs', import.meta.url).href,
      // A file that could not be loaded needs no worker: it keeps its place without one.
      passThrough: (item: Prepared) => 'error' in item,
      task: (item: Prepared) => ({ text: 'loaded' in item ? item.loaded.text : '' }),
    };
    for await (const outcome of runOrdered<Prepared, AnalysisJson>(prepare(expandInputs(['archive'], { cwd: temp.dir })), worker, { jobs: 2 })) {
      const { source } = outcome.item;
      if ('error' in outcome.item) {
        await writer.writeError({ id: source.id, source: source.source, error: outcome.item.error });
      } else if (outcome.error !== undefined || outcome.result === undefined) {
        await writer.writeError({ id: source.id, source: source.source, error: outcome.error });
      } else {
        const { loaded } = outcome.item;
        await writer.writeDocument({
          id: source.id,
          source: source.source,
          format: loaded.format,
          encoding: loaded.encoding,
          hash: contentHash(loaded.text),
          metadata: source.metadata,
          ...outcome.result,
        });
      }
    }
    await writer.close();

    const documents = (await readFile(join(out, 'documents.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; format: string; encoding: string | null; hash: string; metadata: object });
    expect(documents.map(({ id, format, encoding }) => [id, format, encoding])).toEqual([
      ['archive/01-gb18030.txt', 'text', 'gb18030'],
      ['archive/02-utf8.txt', 'text', 'utf-8'],
      ['archive/03-utf16le.txt', 'text', 'utf-16le'],
      ['archive/04-utf16be.md', 'text', 'utf-16be'],
      ['archive/05-bom.md', 'text', 'utf-8'],
      ['archive/06-report.docx', 'docx', null],
      ['archive/07-page.html', 'html', 'utf-8'],
      ['archive/08-report.pdf', 'pdf', null],
      ['archive/11-dump.jsonl#1', 'text', 'utf-8'],
      ['archive/11-dump.jsonl#3', 'text', 'utf-8'],
    ]);
    expect(documents[0]!.hash).toBe(documents[1]!.hash); // one report, two encodings
    expect(documents[8]!.metadata).toEqual({ title: '甲', year: 2001 });

    const errors = (await readFile(join(out, 'errors.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; error: { code: string } });
    expect(errors.map(({ id, error }) => [id, error.code])).toEqual([
      ['archive/09-broken.docx', 'FORMAT'],
      ['archive/10-binary', 'BINARY'],
      ['archive/11-dump.jsonl#2', 'FORMAT'],
    ]);

    const headings = (await readFile(join(out, 'headings.csv'), 'utf8')).split('\r\n');
    expect(headings[0]).toBe('\ufeffdoc_id,depth,marker,ordinal,text,role,offset');
    const docIds = [...new Set(headings.slice(1).filter((row) => row !== '').map((row) => row.split(',')[0]))];
    expect(docIds).toEqual([
      'archive/01-gb18030.txt',
      'archive/02-utf8.txt',
      'archive/03-utf16le.txt',
      'archive/04-utf16be.md',
      'archive/05-bom.md',
      'archive/06-report.docx',
      'archive/07-page.html',
      'archive/08-report.pdf',
      'archive/11-dump.jsonl#1',
      'archive/11-dump.jsonl#3',
    ]);
  });
});
