/**
 * The size limit of one document (src/archive/limits.ts): a zip bomb dressed
 * as a .docx, a huge file, a huge record are refused with TOO_LARGE, fast and
 * with flat memory, and the archive run goes on.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/archive/analyze-files.js';
import type { FileResult } from '../../src/archive/analyze-files.js';
import { extractText } from '../../src/archive/formats.js';
import { DEFAULT_MAX_BYTES, formatSize, parseSize } from '../../src/archive/limits.js';
import { inflatedSize, readZipDirectory, readZipEntry, ZipEntryTooLargeError } from '../../src/archive/zip.js';
import { GongwenError } from '../../src/diagnostics.js';
import { makeDocx, makeTempDir } from '../helpers/archive-files.js';
import { makeDocxBomb, makePdfBomb } from '../helpers/bombs.js';
import { rejectedGongwenError as gongwenError } from '../helpers/errors.js';

const MB = 1024 * 1024;


describe('sizes', () => {
  it('reads --max-size values as binary units', () => {
    expect(parseSize('64MB')).toBe(64 * MB);
    expect(parseSize('64 MiB')).toBe(64 * MB);
    expect(parseSize('512k')).toBe(512 * 1024);
    expect(parseSize('1.5G')).toBe(1.5 * 1024 * MB);
    expect(parseSize('1000')).toBe(1000);
    expect(DEFAULT_MAX_BYTES).toBe(64 * MB);
  });

  it('refuses what is not a size with USAGE', () => {
    for (const bad of ['', 'lots', '64XB', '-1MB', '0', 'MB']) {
      expect(() => parseSize(bad), bad).toThrow(GongwenError);
      try {
        parseSize(bad);
      } catch (error) {
        expect((error as GongwenError).code).toBe('USAGE');
      }
    }
  });

  it('prints sizes for messages', () => {
    expect(formatSize(64 * MB)).toBe('64 MB');
    expect(formatSize(1.5 * MB)).toBe('1.5 MB');
    expect(formatSize(300)).toBe('300 bytes');
  });
});

describe('a .docx zip bomb', () => {
  it('is TOO_LARGE at the default limit, in seconds, without the memory to inflate it', async () => {
    // 600 MB of XML in a 1.8 MB file; before the limit: a V8 heap dump after ~45 s and ~4.8 GB.
    const bomb = makeDocxBomb(600 * MB);
    expect(bomb.bytes.length).toBeLessThan(2 * MB);
    const started = performance.now();
    const error = await gongwenError(extractText(bomb.bytes, { name: 'bomb.docx' }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/^the \.docx inflates to 600 MB, over the limit of 64 MB per document \(raise it with --max-size\)$/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('is TOO_LARGE when its zip headers lie about the size: the inflation is counted, and stops at the limit', async () => {
    const bomb = makeDocxBomb(600 * MB, { lie: true });
    const before = process.memoryUsage();
    const started = performance.now();
    const error = await gongwenError(extractText(bomb.bytes, { name: 'bomb.docx' }));
    expect(error.code).toBe('TOO_LARGE');
    // The XML limit (1/8 of 64 MB) is what it passes first.
    expect(error.message).toBe(
      "the .docx's XML (word/document.xml) inflates to more than 8 MB, over the limit for XML: 1/8 of 64 MB, as mammoth needs ~70 times the XML in memory (raise it with --max-size)",
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    // Generous guard: inflating the bomb whole would hold 600 MB at least.
    const after = process.memoryUsage();
    expect(after.arrayBuffers + after.heapUsed - (before.arrayBuffers + before.heapUsed)).toBeLessThan(200 * MB);
    expect(process.resourceUsage().maxRSS * 1024).toBeLessThan(1500 * MB);
  });

  it('holds its XML to an eighth of the limit: mammoth needs ~70 bytes of memory per byte of XML', async () => {
    const bomb = makeDocxBomb(10 * MB);
    const error = await gongwenError(extractText(bomb.bytes));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/^the \.docx's XML inflates to 10 MB, over the limit for XML: 1\/8 of 64 MB, as mammoth/);
    // A larger limit lets the same document through to the XML check, and past it.
    expect((await gongwenError(extractText(bomb.bytes, { maxBytes: 64 * MB }))).code).toBe('TOO_LARGE');
    const small = makeDocxBomb(1 * MB);
    const text = (await extractText(small.bytes, { maxBytes: 16 * MB })).text;
    expect(text.split('\n')[0]).toBe('一、总体情况');
    expect(text.split('\n').length).toBe(small.paragraphs);
  });

  it('leaves real .docx files alone', async () => {
    const bytes = await makeDocx([{ text: '2021年工作报告' }, { text: '一、总体情况' }]);
    expect((await extractText(bytes)).text).toBe('2021年工作报告\n一、总体情况');
  });
});

describe('a .pdf bomb', () => {
  it('is TOO_LARGE when its page content inflates past the limit (it used to be read for ~80 s)', async () => {
    const bomb = makePdfBomb(300 * MB);
    expect(bomb.length).toBeLessThan(MB);
    const started = performance.now();
    const error = await gongwenError(extractText(bomb, { name: 'bomb.pdf' }));
    expect(error).toMatchObject({
      code: 'TOO_LARGE',
      message: "the .pdf's page contents and fonts inflate to more than 64 MB, over the limit of 64 MB per document (raise it with --max-size)",
    });
    expect(performance.now() - started).toBeLessThan(15_000); // ~1 s
  });

  it('reads a small one, and refuses it under a smaller limit', async () => {
    const bomb = makePdfBomb(2 * MB);
    const result = await extractText(bomb);
    expect(result).toMatchObject({ text: '', format: 'pdf' });
    expect(result.warnings.map((warning) => warning.rule)).toEqual(['empty-input']);
    expect((await gongwenError(extractText(bomb, { maxBytes: MB }))).code).toBe('TOO_LARGE');
  });
});

describe('zip.ts: inflating within a limit', () => {
  it('counts what an entry really inflates to, and stops past the limit; reads an entry up to a limit', async () => {
    const bomb = makeDocxBomb(3 * MB, { lie: true });
    const entry = readZipDirectory(bomb.bytes).find((candidate) => candidate.name === 'word/document.xml')!;
    expect(entry.uncompressedSize).toBe(1024); // the lie
    expect(await inflatedSize(bomb.bytes, entry, 4 * MB)).toBe(bomb.xmlBytes);
    await expect(inflatedSize(bomb.bytes, entry, 2 * MB)).rejects.toBeInstanceOf(ZipEntryTooLargeError); // streamed
    await expect(inflatedSize(bomb.bytes, entry, MB / 2)).rejects.toBeInstanceOf(ZipEntryTooLargeError); // in one piece
    const docx = await makeDocx([{ text: '一、总体情况' }]);
    const documentXml = readZipDirectory(docx).find((candidate) => candidate.name === 'word/document.xml')!;
    expect(await inflatedSize(docx, documentXml, MB)).toBe(readZipEntry(docx, documentXml).length);
    expect(readZipEntry(docx, documentXml).length).toBeGreaterThan(documentXml.compressedSize);
    expect(readZipEntry(bomb.bytes, entry, 4 * MB).length).toBe(bomb.xmlBytes);
    expect(() => readZipEntry(bomb.bytes, entry, 2 * MB)).toThrow(ZipEntryTooLargeError);
  });
});

describe('maxBytes on the bytes given', () => {
  it('refuses input larger than the limit before looking at it, whatever its format', async () => {
    const text = Buffer.from('一、总体情况\n'.repeat(1000));
    const error = await gongwenError(extractText(text, { maxBytes: 4096 }));
    expect(error).toMatchObject({ code: 'TOO_LARGE', message: 'the file is 18.6 KB, over the limit of 4 KB per document (raise it with --max-size)' });
    expect((await extractText(text, { maxBytes: text.length })).text).toBe(text.toString());
    const docx = await makeDocx([{ text: '一、总体情况' }]);
    expect((await gongwenError(extractText(docx, { maxBytes: 1024 }))).code).toBe('TOO_LARGE');
  });

  it('refuses a limit that is not a positive number with USAGE', async () => {
    expect((await gongwenError(extractText(Buffer.from('报告'), { maxBytes: 0 }))).code).toBe('USAGE');
    expect((await gongwenError(extractText(Buffer.from('报告'), { maxBytes: Number.NaN }))).code).toBe('USAGE');
  });
});

describe('analyzeFiles with a bomb in the archive', () => {
  let temp: { dir: string; remove(): Promise<void> };

  beforeAll(async () => {
    temp = await makeTempDir();
    await writeFile(join(temp.dir, 'a.txt'), '一、总体情况\n召开会议7次。\n');
    await writeFile(join(temp.dir, 'b-bomb.docx'), makeDocxBomb(600 * MB, { lie: true }).bytes);
    await writeFile(join(temp.dir, 'c.txt'), '二、存在问题\n'.repeat(400));
    await writeFile(join(temp.dir, 'd.jsonl'), `${JSON.stringify({ content: '三、下步打算\n'.repeat(400) })}\n`);
  });

  afterAll(async () => {
    await temp.remove();
  });

  const summary = (result: FileResult): string =>
    result.status === 'failed' ? `${result.error.id} ${result.error.error.code}` : result.status === 'done' ? `${result.record.id} done` : result.id;

  it('records TOO_LARGE for it and goes on, in the calling thread and in a worker', async () => {
    for (const jobs of [0, 1]) {
      const results: FileResult[] = [];
      for await (const result of analyzeFiles([temp.dir], { jobs })) results.push(result);
      expect(results.map(summary).map((line) => line.replace(temp.dir, '.'))).toEqual(['./a.txt done', './b-bomb.docx TOO_LARGE', './c.txt done', './d.jsonl#1 done']);
    }
  });

  it('applies maxBytes to files and to .jsonl records', async () => {
    const results: FileResult[] = [];
    for await (const result of analyzeFiles([temp.dir], { jobs: 0, maxBytes: 2000 })) results.push(result);
    expect(results.map(summary).map((line) => line.replace(temp.dir, '.'))).toEqual([
      './a.txt done',
      './b-bomb.docx TOO_LARGE',
      './c.txt TOO_LARGE',
      './d.jsonl#1 TOO_LARGE',
    ]);
  });
});
