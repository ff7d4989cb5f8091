/**
 * An output that is one of the inputs is refused before any work (it replaced
 * the input, exit 0), and outputs are written whole (temp file, fsync, rename).
 */
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './helpers/cli.js';

const temp = () => mkdtempSync(join(tmpdir(), 'gongwen-outputs-'));
const REPORT = '一、总体要求\n坚持稳中求进。\n';

describe('an output that is an input', () => {
  it('view r.txt -o r.txt (or ./r.txt, or a link to it) is refused and the report kept', async () => {
    const folder = temp();
    writeFileSync(join(folder, 'r.txt'), REPORT);
    symlinkSync(join(folder, 'r.txt'), join(folder, 'link.html'));
    for (const output of ['r.txt', './r.txt', 'link.html']) {
      const result = await run(['view', 'r.txt', '-o', output], { cwd: folder });
      expect(result).toMatchObject({ code: 2, stderr: `gongwen: -o ${output} is the input r.txt: writing it would replace the input; choose another file\n` });
    }
    expect(readFileSync(join(folder, 'r.txt'), 'utf8')).toBe(REPORT);
  });

  it('corpus … --out x.jsonl over the input x.jsonl, or over the documents.jsonl of an input folder, is refused', async () => {
    const folder = temp();
    const jsonl = `${JSON.stringify({ id: 'a', text: REPORT })}\n`;
    writeFileSync(join(folder, 'x.jsonl'), jsonl);
    const direct = await run(['corpus', 'slogans', 'x.jsonl', '--out', 'x.jsonl', '--no-cache'], { cwd: folder });
    expect(direct).toMatchObject({ code: 2, stderr: 'gongwen: --out x.jsonl is the input x.jsonl: writing it would replace the input; choose another file\n' });
    expect(readFileSync(join(folder, 'x.jsonl'), 'utf8')).toBe(jsonl);
    const extracted = join(folder, 'out');
    expect((await run(['extract', join(folder, 'x.jsonl'), '--out', extracted])).code).toBe(0);
    const before = readFileSync(join(extracted, 'documents.jsonl'), 'utf8');
    const inFolder = await run(['corpus', 'slogans', 'out', '--out', 'out/documents.jsonl', '--no-cache'], { cwd: folder });
    expect(inFolder.code).toBe(2);
    expect(inFolder.stderr).toBe('gongwen: --out out/documents.jsonl is the documents.jsonl of the input out: writing it would replace the input; choose another file\n');
    expect(readFileSync(join(extracted, 'documents.jsonl'), 'utf8')).toBe(before);
  });

  it('view -o writes the page whole and leaves no temporary file', async () => {
    const folder = temp();
    writeFileSync(join(folder, 'r.txt'), REPORT);
    writeFileSync(join(folder, 'r.html'), 'old page');
    const result = await run(['view', 'r.txt', '-o', 'r.html'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(readFileSync(join(folder, 'r.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readdirSync(folder).sort()).toEqual(['r.html', 'r.txt']);
  });
});
