import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs, loadTask } from '../../src/archive/inputs.js';
import type { DocumentSource, InputOptions, SkippedFile } from '../../src/archive/inputs.js';
import { GongwenError } from '../../src/diagnostics.js';
import { encodeWithPython, makeDocx, makeTempDir, utf16 } from '../helpers/archive-files.js';

let root: { dir: string; remove(): Promise<void> };

beforeAll(async () => {
  root = await makeTempDir();
  const at = (path: string): string => join(root.dir, path);
  await mkdir(at('reports/2021/sub'), { recursive: true });
  await mkdir(at('reports/.git'), { recursive: true });
  await mkdir(at('reports/node_modules/x'), { recursive: true });
  await writeFile(at('reports/b.txt'), encodeWithPython('一、总体情况\n正文。', 'gb18030'));
  await writeFile(at('reports/a.md'), utf16('报告', 'le'));
  await writeFile(at('reports/README'), '无扩展名的报告'); // extensionless: taken
  await writeFile(at('reports/scan.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])); // a PNG image: skipped, said why
  await writeFile(at('reports/minutes.text'), '会议纪要'); // read by its content, whatever the extension
  await writeFile(at('reports/web.doc'), '<html><body><p>另存为网页的报告</p></body></html>'); // a .doc that is HTML: read
  const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0, 0x3e, 0]);
  await writeFile(at('reports/legacy.doc'), ole2); // Word 97–2003: skipped, said why
  await writeFile(at('reports/notes.wps'), ole2);
  await writeFile(at('reports/memo.rtf'), '{\\rtf1\\ansi 报告}');
  await symlink(at('reports/missing-target.txt'), at('reports/dangling.txt'));
  await symlink(at('reports'), at('reports/2021/up')); // a loop back to the folder being walked
  await symlink(at('reports/cycle-b'), at('reports/cycle-a')); // a link loop: cycle-a → cycle-b → cycle-a
  await symlink(at('reports/cycle-a'), at('reports/cycle-b'));
  execFileSync('mkfifo', [at('reports/pipe')]); // reading it would block forever
  await writeFile(at('reports/.hidden.txt'), '隐藏');
  await writeFile(at('reports/.git/HEAD.txt'), 'ref');
  await writeFile(at('reports/node_modules/x/index.txt'), 'dependency');
  await writeFile(at('reports/2021/c.docx'), await makeDocx([{ text: '一、总体情况' }]));
  await writeFile(at('reports/2021/sub/d.HTML'), '<html><body><p>网页</p></body></html>');
  await writeFile(
    at('reports/2021/dump.jsonl'),
    [
      JSON.stringify({ title: '甲', year: 2020, content: '第一篇' }),
      '',
      '{"title": "乙", "content": 12}',
      '{not json',
      JSON.stringify({ title: '丙', text: '第三篇' }),
      '[1, 2]',
      JSON.stringify({ title: '丁', url: 'https://example.org/d', year: null, content: '第四篇\r\n有两行' }),
    ].join('\r\n') + '\r\n',
  );
  await symlink(at('reports/2021'), at('reports/loop')); // a folder link: not followed (cycles)
  await symlink(at('reports/b.txt'), at('reports/z-link.txt')); // a file link: followed
  await writeFile(at('list.txt'), '\ufeff# reports to read\nreports/b.txt\n\nreports/2021/sub\nreports/missing.txt\n');
  await writeFile(at('报告[2021].txt'), '方括号文件名');
});

afterAll(async () => {
  await root.remove();
});

async function expand(inputs: string[], options: InputOptions = {}): Promise<DocumentSource[]> {
  const sources: DocumentSource[] = [];
  for await (const source of expandInputs(inputs, { cwd: root.dir, ...options })) sources.push(source);
  return sources;
}

async function loadError(source: DocumentSource | undefined): Promise<GongwenError> {
  expect(source).toBeDefined();
  try {
    await source!.load();
  } catch (error) {
    expect(error).toBeInstanceOf(GongwenError);
    return error as GongwenError;
  }
  throw new Error(`expected ${source!.id} to fail`);
}

describe('expandInputs', () => {
  it('walks a folder recursively in sorted order, reading every file by content, and says what it passes over and why', async () => {
    const skipped: SkippedFile[] = [];
    const ids = (await expand(['reports'], { onSkip: (file) => skipped.push(file) })).map((source) => source.id);
    expect(ids).toEqual([
      'reports/2021/c.docx',
      'reports/2021/dump.jsonl#1',
      'reports/2021/dump.jsonl#3',
      'reports/2021/dump.jsonl#4',
      'reports/2021/dump.jsonl#5',
      'reports/2021/dump.jsonl#6',
      'reports/2021/dump.jsonl#7',
      'reports/2021/sub/d.HTML',
      'reports/README',
      'reports/a.md',
      'reports/b.txt',
      'reports/minutes.text',
      'reports/web.doc',
    ]);
    const legacy = 'legacy binary Office file (Word 97–2003 .doc, WPS .wps, .xls, .ppt), not a format gongwen reads: save it as .docx';
    expect(skipped).toEqual([
      { id: 'reports/2021/up', source: 'reports', reason: 'symbolic link loop: leads back to reports' },
      { id: 'reports/cycle-a', source: 'reports', reason: 'symbolic link loop: the link leads back to itself' },
      { id: 'reports/cycle-b', source: 'reports', reason: 'symbolic link loop: the link leads back to itself' },
      { id: 'reports/dangling.txt', source: 'reports', reason: `dangling symbolic link: ${join(root.dir, 'reports/missing-target.txt')} does not exist` },
      { id: 'reports/legacy.doc', source: 'reports', reason: legacy },
      { id: 'reports/loop', source: 'reports', reason: 'same folder as reports/2021, read already' },
      { id: 'reports/memo.rtf', source: 'reports', reason: 'RTF document, not a format gongwen reads: save it as .docx or plain text' },
      { id: 'reports/notes.wps', source: 'reports', reason: legacy },
      { id: 'reports/pipe', source: 'reports', reason: 'not a regular file (a named pipe)' },
      { id: 'reports/scan.png', source: 'reports', reason: 'PNG image, not a report' },
      { id: 'reports/z-link.txt', source: 'reports', reason: 'same file as reports/b.txt, read already' },
    ]);
  });

  it('never reads the run\'s own output folder, inside an input folder or matched by a glob', async () => {
    await mkdir(join(root.dir, 'project/out'), { recursive: true });
    await writeFile(join(root.dir, 'project/report.txt'), '一、总体情况');
    await writeFile(join(root.dir, 'project/out/documents.jsonl'), '{"id":"x","hash":"y"}\n');
    await writeFile(join(root.dir, 'project/out/headings.csv'), '\ufeffdoc_id,depth\r\n');
    const skipped: SkippedFile[] = [];
    const walked = await expand(['project'], { exclude: ['project/out'], onSkip: (file) => skipped.push(file) });
    expect(walked.map((source) => source.id)).toEqual(['project/report.txt']);
    expect(skipped).toEqual([{ id: 'project/out', source: 'project', reason: 'the output folder of this run' }]);
    const globbed = await expand(['project/**/*'], { exclude: [join(root.dir, 'project/out')] });
    expect(globbed.map((source) => source.id)).toEqual(['project/report.txt']);
  });

  it('follows a link to a folder outside the walk', async () => {
    const outside = await makeTempDir();
    try {
      await writeFile(join(outside.dir, 'e.txt'), '外部报告');
      await mkdir(join(root.dir, 'linked'), { recursive: true });
      await symlink(outside.dir, join(root.dir, 'linked/archive'));
      const sources = await expand(['linked']);
      expect(sources.map((source) => source.id)).toEqual(['linked/archive/e.txt']);
      expect((await sources[0]!.load()).text).toBe('外部报告');
    } finally {
      await outside.remove();
    }
  });

  it('fails a legacy .doc named on the command line instead of passing over it', async () => {
    const [source] = await expand(['reports/legacy.doc']);
    expect((await loadError(source)).code).toBe('FORMAT');
  });

  it('loads each file with its format and encoding', async () => {
    const sources = await expand(['reports']);
    const loaded = new Map<string, unknown>();
    for (const source of sources.filter((candidate) => !candidate.id.includes('#'))) {
      const { text, format, encoding } = await source.load();
      loaded.set(source.id, { text, format, encoding });
    }
    expect(Object.fromEntries(loaded)).toEqual({
      'reports/2021/c.docx': { text: '一、总体情况', format: 'docx', encoding: null },
      'reports/2021/sub/d.HTML': { text: '网页', format: 'html', encoding: 'utf-8' },
      'reports/README': { text: '无扩展名的报告', format: 'text', encoding: 'utf-8' },
      'reports/a.md': { text: '报告', format: 'text', encoding: 'utf-16le' },
      'reports/b.txt': { text: '一、总体情况\n正文。', format: 'text', encoding: 'gb18030' },
      'reports/minutes.text': { text: '会议纪要', format: 'text', encoding: 'utf-8' },
      'reports/web.doc': { text: '另存为网页的报告', format: 'html', encoding: 'utf-8' },
    });
  });

  it('reads .jsonl records with their metadata; bad records fail on load with the reason', async () => {
    const sources = await expand(['reports/2021/dump.jsonl']);
    const byLine = new Map(sources.map((source) => [Number(source.id.split('#')[1]), source]));

    const first = byLine.get(1)!;
    expect(first).toMatchObject({ source: 'reports/2021/dump.jsonl', metadata: { title: '甲', year: 2020 } });
    expect(await first.load()).toEqual({ text: '第一篇', format: 'text', encoding: 'utf-8', warnings: [] });

    expect((await loadError(byLine.get(3))).message).toBe(
      'record at line 3 of reports/2021/dump.jsonl has a "content" field that is not a string',
    );
    expect(byLine.get(3)!.metadata).toEqual({ title: '乙' });
    const notJson = await loadError(byLine.get(4));
    expect(notJson.code).toBe('FORMAT');
    expect(notJson.message).toMatch(/^line 4 of reports\/2021\/dump.jsonl is not valid JSON: /);
    expect(await byLine.get(5)!.load()).toMatchObject({ text: '第三篇' }); // `text` when there is no `content`
    expect((await loadError(byLine.get(6))).message).toBe('line 6 of reports/2021/dump.jsonl is not a JSON object');
    expect(byLine.get(7)!.metadata).toEqual({ title: '丁', url: 'https://example.org/d', year: null });
    expect((await byLine.get(7)!.load()).text).toBe('第四篇\r\n有两行');
  });

  it('falls back to `text` when `content` is null or empty, and names both when neither holds text', async () => {
    await writeFile(
      join(root.dir, 'null-content.jsonl'),
      [
        JSON.stringify({ title: '甲', content: null, text: '一、总体情况' }),
        JSON.stringify({ title: '乙', content: '', text: '二、存在问题' }),
        JSON.stringify({ title: '丙', content: null, text: null }),
        JSON.stringify({ title: '丁', content: '' }),
      ].join('\n') + '\n',
    );
    const sources = await expand(['null-content.jsonl']);
    expect(await sources[0]!.load()).toMatchObject({ text: '一、总体情况' });
    expect(sources[0]!.metadata).toEqual({ title: '甲', content: null });
    expect(await sources[1]!.load()).toMatchObject({ text: '二、存在问题' });
    expect((await loadError(sources[2])).message).toBe(
      'record at line 3 of null-content.jsonl has no text: "content" is null, "text" is null',
    );
    expect(await sources[3]!.load()).toMatchObject({ text: '' }); // an empty report is still a report (empty-input warning)
    const explicit = await expand(['null-content.jsonl'], { textField: 'content' });
    expect((await loadError(explicit[0])).message).toBe('record at line 1 of null-content.jsonl has a "content" field that is not a string');
  });

  it('takes the text from --text-field only, when given', async () => {
    const sources = await expand(['reports/2021/dump.jsonl'], { textField: 'title' });
    expect(await sources[0]!.load()).toMatchObject({ text: '甲' });
    expect(sources[0]!.metadata).toEqual({ year: 2020, content: '第一篇' });
    const missing = await expand(['reports/2021/dump.jsonl'], { textField: 'body' });
    expect((await loadError(missing[0])).message).toBe('record at line 1 of reports/2021/dump.jsonl has no "body" field (choose one with --text-field)');
  });

  it('decodes .jsonl lines strictly: a bad line is its own error, the next lines still come', async () => {
    const path = join(root.dir, 'damaged.jsonl');
    await writeFile(
      path,
      Buffer.concat([
        Buffer.from(`${JSON.stringify({ content: '好' })}\n`),
        Buffer.from('{"content": "'),
        Buffer.from([0xe5, 0x00 + 0x41]),
        Buffer.from('"}\n'),
        Buffer.from(`${JSON.stringify({ content: '后' })}\n`),
      ]),
    );
    const sources = await expand(['damaged.jsonl']);
    expect(sources.map((source) => source.id)).toEqual(['damaged.jsonl#1', 'damaged.jsonl#2', 'damaged.jsonl#3']);
    expect((await loadError(sources[1])).code).toBe('DECODE');
    expect((await sources[2]!.load()).text).toBe('后');
  });

  it('reads a GB18030 .jsonl with --encoding', async () => {
    await writeFile(join(root.dir, 'gbk.jsonl'), encodeWithPython(`${JSON.stringify({ content: '一、总体情况', year: 2021 })}\n`, 'gb18030'));
    const [source] = await expand(['gbk.jsonl'], { encoding: 'gbk' });
    expect(await source!.load()).toMatchObject({ text: '一、总体情况', encoding: 'gb18030' });
    expect(source!.metadata).toEqual({ year: 2021 });
  });

  it('expands globs in sorted order, @lists line by line, and keeps the order of the inputs', async () => {
    const skipped: SkippedFile[] = [];
    const ids = (await expand(['reports/*.txt', '@list.txt', 'reports/2021/c.docx'], { onSkip: (file) => skipped.push(file) })).map((source) => source.id);
    // b.txt (also reached as z-link.txt) and the docx were already yielded: once only. dangling.txt matches no file.
    expect(ids).toEqual(['reports/b.txt', 'reports/2021/sub/d.HTML', 'reports/missing.txt', 'reports/2021/c.docx']);
    expect(skipped).toEqual([
      { id: 'reports/z-link.txt', source: 'reports/*.txt', reason: 'same file as reports/b.txt, read already' },
      { id: 'reports/b.txt', source: 'reports/b.txt', reason: 'same file as reports/b.txt, read already' },
    ]);
  });

  it('takes a literal file name that looks like a glob as a file', async () => {
    const [source] = await expand(['报告[2021].txt']);
    expect(await source!.load()).toMatchObject({ text: '方括号文件名' });
  });

  it('turns missing inputs into sources that fail with ENOENT', async () => {
    const sources = await expand(['nowhere.txt', 'nothing/*.txt', '@nolist.txt']);
    expect(sources.map((source) => source.id)).toEqual(['nowhere.txt', 'nothing/*.txt', '@nolist.txt']);
    for (const source of sources) expect((await loadError(source)).code).toBe('ENOENT');
    expect((await loadError(sources[1])).message).toBe('no file matches nothing/*.txt');
  });

  it('keeps ids as given: relative stays relative, absolute stays absolute', async () => {
    const [relative] = await expand(['./reports/b.txt']);
    expect(relative!.id).toBe('./reports/b.txt');
    const [absolute] = await expand([join(root.dir, 'reports/b.txt')]);
    expect(absolute!.id).toBe(join(root.dir, 'reports/b.txt'));
  });

  it('reads - from stdin as one document, or as JSON Lines', async () => {
    const stdin = Readable.from([encodeWithPython('一、总体情况\n', 'gb18030')]);
    const [document] = await expand(['-'], { stdin });
    expect(document!.id).toBe('-');
    expect(await document!.load()).toMatchObject({ text: '一、总体情况\n', encoding: 'gb18030', format: 'text' });

    const lines = Readable.from([Buffer.from('{"content":"甲","year":1}\n{"con'), Buffer.from('tent":"乙"}')]);
    const records = await expand(['-'], { stdin: lines, stdinFormat: 'jsonl' });
    expect(records.map((record) => record.id)).toEqual(['-#1', '-#2']);
    expect(await Promise.all(records.map(async (record) => (await record.load()).text))).toEqual(['甲', '乙']);
  });

  it('gives every source a plain-data task that loads the same document elsewhere (a worker)', async () => {
    for (const source of await expand(['reports'])) {
      const task = structuredClone(source.task);
      const [direct, viaTask] = await Promise.allSettled([source.load(), loadTask(task)]);
      expect(viaTask).toEqual(direct);
    }
  });

  it('is lazy: the first record comes before the rest of a large file is read', async () => {
    const path = join(root.dir, 'large.jsonl');
    const line = `${JSON.stringify({ content: '报告'.repeat(500) })}\n`;
    await writeFile(path, line.repeat(20_000)); // ~30 MB
    const iterator = expandInputs(['large.jsonl'], { cwd: root.dir });
    const before = process.memoryUsage().heapUsed;
    const first = await iterator.next();
    expect(first.value?.id).toBe('large.jsonl#1');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(20 * 1024 * 1024);
    await iterator.return(undefined);
  });
});
