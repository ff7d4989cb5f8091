import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readExpectedOutline } from './helpers/fixtures.js';

// The CLI as users run it: the built dist/ (npm test builds first).
const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}.txt`, import.meta.url));

async function run(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = execFile(process.execPath, [cli, ...args], { maxBuffer: 64 * 1024 * 1024 });
  if (input !== undefined) child.stdin!.end(input);
  else child.stdin!.end();
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number>((resolve) => child.on('close', (exitCode) => resolve(exitCode ?? -1)));
  return { code, stdout, stderr };
}

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
    expect(json.tree.type).toBe('Root');
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
    expect(Object.keys(json)).toEqual(['title', 'year', 'docType', 'headings', 'enumerations', 'slogans', 'placeholders', 'placeholderCounts', 'metrics', 'warnings']);
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
