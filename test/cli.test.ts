import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWithPython, makeTempDir } from './helpers/archive-files.js';
import { readExpectedOutline } from './helpers/fixtures.js';
import { runCli } from './helpers/cli.js';

const run = (args: string[], input?: string) => runCli(args, input === undefined ? {} : { input });
import { makeDocxBomb } from './helpers/bombs.js';

// The CLI as users run it: the built dist/ (npm test builds first).
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}.txt`, import.meta.url));


describe('gongwen parse', () => {
  it('prints the outline of a seed report', async () => {
    const result = await run(['parse', fixture('seed-003')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readExpectedOutline('seed-003'));
  });

  it('reads stdin with -, and reports warnings on stderr as file:line:column', async () => {
    const result = await run(['parse', '-'], '一、甲\n二、乙\n四、丁\n');
    expect(result.stdout).toBe('一、 甲\n二、 乙\n四、 丁\n');
    expect(result.stderr).toMatch(/^<stdin>:3:1 {2}warning {2}.*numbering-gap$/m);
  });

  it('--json prints the tree', async () => {
    const result = await run(['parse', fixture('seed-004'), '--json']);
    const json = JSON.parse(result.stdout) as { title: string; tree: { type: string } };
    expect(json.title).toBe('区委常委会工作报告');
    expect(json.tree.type).toBe('RootNode');
  });

  it('exits 2 with a clear message for a missing file, a folder and binary input', async () => {
    const missing = await run(['parse', 'no-such-report.txt']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('gongwen: no-such-report.txt: no such file\n');
    const folder = await run(['parse', fileURLToPath(new URL('../fixtures', import.meta.url))]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/is a folder/);
    const binary = await run(['parse', '-'], '\u0000\u0001\u0002binary\u0000');
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/^gongwen: <stdin>: binary content/);
    // A short name is named too (a message that merely holds its letters does not count).
    const short = join(mkdtempSync(join(tmpdir(), 'gongwen-name-')), 'e');
    writeFileSync(short, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    expect((await run(['parse', short])).stderr).toBe(`gongwen: ${short}: binary content: NUL byte at offset 8\n`);
    // Every message names the input once.
    const corrupt = await run(['parse', fixture('seed-000').replace(/\.txt$/, '.outline.txt'), '--encoding', 'no-such-encoding']);
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr.match(/seed-000\.outline\.txt/g)).toHaveLength(1);
  });

  it('exits 2 on an unknown command', async () => {
    const result = await run(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('answers an unknown flag with its own usage, not Node\'s parseArgs text', async () => {
    const result = await run(['parse', fixture('seed-000'), '--josn']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^gongwen: Unknown option '--josn' for gongwen parse\nUsage:\n {2}gongwen parse FILE/);
    expect(result.stderr).not.toMatch(/To specify a positional argument/);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const result = await run(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `gongwen ${version}\n` });
  });
});

describe('gongwen analyze', () => {
  it('--json prints the documented JSON', async () => {
    const result = await run(['analyze', fixture('seed-000'), '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['title', 'year', 'docType', 'headings', 'enumerations', 'slogans', 'placeholders', 'placeholderCounts', 'metrics', 'targets', 'outcomes', 'warnings']);
    expect(json.title).toBe('2021年落实全面从严治党主体责任情况报告');
  });

  it('refuses --segmenter instead of ignoring it: the JSON does not depend on words', async () => {
    const result = await run(['analyze', fixture('seed-000'), '--segmenter', 'runs']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/takes no --segmenter/);
  });

  it('without --json prints a readable summary', async () => {
    const result = await run(['analyze', fixture('seed-000')]);
    expect(result.stdout).toMatch(/^slogans \(\d+\):$/m);
    expect(result.stdout).toMatch(/^ {2}两个维护 ×1$/m);
    expect(result.stdout).toMatch(/^placeholders: \d+ \(number \d+, year \d+, name \d+\)$/m);
  });
});

describe('input that cannot be read honestly: exit 2, one line', () => {
  let temp: { dir: string; remove(): Promise<void> };
  const at = (name: string): string => join(temp.dir, name);

  beforeAll(async () => {
    temp = await makeTempDir('gongwen-cli-');
    await writeFile(at('bomb.docx'), makeDocxBomb(600 * 1024 * 1024).bytes);
    await writeFile(at('lying-bomb.docx'), makeDocxBomb(600 * 1024 * 1024, { lie: true }).bytes);
    await writeFile(at('garbage.txt'), Buffer.from('abc\xff\xffdef', 'latin1'));
    await writeFile(at('gbk-stray.txt'), Buffer.concat([encodeWithPython('一、总体情况\n', 'gbk'), Buffer.from([0xff])]));
    await writeFile(at('utf16.txt'), Buffer.from('一、总体情况\n二、工作安排\n', 'utf16le'));
    await writeFile(at('report.txt'), '一、总体情况\n'.repeat(200));
  });

  afterAll(async () => {
    await temp.remove();
  });

  it('parse and analyze refuse a .docx zip bomb with TOO_LARGE (it used to die with a heap dump)', async () => {
    for (const [command, file] of [['parse', 'bomb.docx'], ['analyze', 'lying-bomb.docx']] as const) {
      const result = await run([command, at(file)]);
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr.startsWith(`gongwen: ${at(file)}: the .docx`)).toBe(true);
      expect(result.stderr).toMatch(/: the \.docx('s XML \(word\/document\.xml\))? inflates to [^\n]*, over [^\n]* \(raise it with --max-size\)\n$/);
    }
  });

  it('--max-size sets the limit, for files and stdin; a bad size is a usage error', async () => {
    const file = at('report.txt'); // 3,800 bytes
    expect((await run(['parse', file, '--max-size', '1KB'])).stderr).toBe(`gongwen: ${file} is 3.7 KB, over the limit of 1 KB per document (raise it with --max-size)\n`);
    expect((await run(['parse', file, '--max-size', '1MB'])).code).toBe(0);
    for (const command of ['analyze', 'lint', 'view']) {
      const result = await run([command, file, '--max-size', '1KB']);
      expect({ command, code: result.code, stderr: result.stderr }).toEqual({ command, code: 2, stderr: `gongwen: ${file} is 3.7 KB, over the limit of 1 KB per document (raise it with --max-size)\n` });
    }
    const piped = await run(['analyze', '-', '--max-size', '1KB', '--json'], '一、总体情况\n'.repeat(200));
    expect(piped).toMatchObject({ code: 2, stdout: '' });
    expect(piped.stderr).toBe('gongwen: <stdin> holds more than 1 KB, over the limit of 1 KB per document (raise it with --max-size)\n');
    const bad = await run(['parse', file, '--max-size', 'big']);
    expect(bad).toMatchObject({ code: 2, stderr: 'gongwen: --max-size takes a size such as 64MB, 512KB or 1GB, not "big"\n' });
  });

  it('exits 2 with DECODE for bytes in no encoding it can name, instead of printing Big5 mojibake', async () => {
    for (const file of ['garbage.txt', 'gbk-stray.txt']) {
      const result = await run(['parse', at(file)]);
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr.startsWith(`gongwen: ${at(file)}: neither UTF-8 nor GB18030 (invalid UTF-8 at byte `)).toBe(true);
      expect(result.stderr).toMatch(/\): the file is corrupt or in another encoding \(pass --encoding to choose one, e\.g\. --encoding big5\)\n$/);
    }
  });

  it('reads UTF-16 without a BOM', async () => {
    expect(await run(['parse', at('utf16.txt')])).toMatchObject({ code: 0, stdout: '一、 总体情况\n二、 工作安排\n' });
  });

  it('extract records the bomb as a TOO_LARGE error and goes on; --max-size applies per document', async () => {
    const out = at('out');
    const result = await run(['extract', at('bomb.docx'), at('report.txt'), at('garbage.txt'), '--out', out, '--jobs', '1']);
    expect(result.code).toBe(1);
    const errors = (await readFile(join(out, 'errors.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { id: string; error: { code: string } });
    expect(errors.map(({ id, error }) => [id, error.code])).toEqual([
      [at('bomb.docx'), 'TOO_LARGE'],
      [at('garbage.txt'), 'DECODE'],
    ]);
    expect((await readFile(join(out, 'documents.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1);

    const limited = await run(['extract', at('report.txt'), '--out', at('out-limited'), '--jobs', '0', '--max-size', '1KB']);
    expect(limited.code).toBe(1);
    expect(await readFile(join(at('out-limited'), 'errors.jsonl'), 'utf8')).toMatch(/"code":"TOO_LARGE"/);
  });
});
