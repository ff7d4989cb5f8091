import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

import { runCli } from '../helpers/cli.js';

const run = (args: string[], input?: string) => runCli(args, input === undefined ? {} : { input });
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}.txt`, import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'gongwen-view-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('gongwen view', () => {
  it('writes the page of a seed report to -o and says where on stderr', async () => {
    const target = join(out, 'seed-004.html');
    const result = await run(['view', fixture('seed-004'), '-o', target]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^view: .*seed-004\.txt → .*seed-004\.html \(\d+ KB\)\n$/);
    const html = readFileSync(target, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>区委常委会工作报告</title>');
    // The lint messages (recommended preset): what an editor marks in seed-004 — 112 blanks, 11
    // half-width marks (`(2019—2022年)`, `X%;`…), `“三项建设"` and the variant `六项纪律`.
    const messagesByRule = new Map<string, Set<string>>();
    for (const [, id, rule] of html.matchAll(/data-message="(\d+)" data-tip="([a-z-]+):/g)) {
      messagesByRule.set(rule!, (messagesByRule.get(rule!) ?? new Set()).add(id!));
    }
    expect(Object.fromEntries([...messagesByRule].map(([rule, ids]) => [rule, ids.size]))).toEqual({
      'placeholder-left': 112,
      'half-width-punctuation': 11,
      'quote-balance': 1,
      'slogan-variant': 1,
    });
    expect(html.match(/href="#message-\d+"/g)).toHaveLength(125);
  });

  it('prints the page on stdout without -o, reading stdin with -', async () => {
    const result = await run(['view', '-'], '区委工作报告\n一、加强“两个维护”\n召开会议12次。\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('<mark class="slogan known"');
    expect(result.stdout).toContain('<mark class="metric stance-actual"');
    expect(result.stdout).toContain('<h2 id="heading-0" class="heading">');
  });

  it('exits 2 with one line for a missing file, a folder, binary input and an undecodable file', async () => {
    const missing = await run(['view', 'no-such-report.txt', '-o', join(out, 'x.html')]);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'gongwen: no-such-report.txt: no such file\n' });
    const folder = await run(['view', fileURLToPath(new URL('../../fixtures', import.meta.url))]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/^gongwen: .* is a folder[^\n]*\n$/);
    const binary = await run(['view', '-'], '\u0000\u0001\u0002binary\u0000');
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/^gongwen: [^\n]*binary[^\n]*\n$/);
    // UTF-8 with a character cut in half in the middle
    const good = readFileSync(fixture('seed-000'));
    const damaged = join(out, 'damaged.txt');
    writeFileSync(damaged, Buffer.concat([good.subarray(0, 300), Buffer.from([0xe4, 0xb8]), good.subarray(300)]));
    const undecodable = await run(['view', damaged, '-o', join(out, 'damaged.html')]);
    expect(undecodable.code).toBe(2);
    expect(undecodable.stderr).toMatch(/^gongwen: [^\n]*not valid utf-8 at byte \d+[^\n]*\n$/);
    expect(existsSync(join(out, 'damaged.html'))).toBe(false);
  });

  it('exits 2 when the page cannot be written, and on a second FILE', async () => {
    const unwritable = await run(['view', fixture('seed-000'), '-o', join(out, 'no-such-folder', 'x.html')]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/^gongwen: .*x\.html: cannot be written \(ENOENT\)\n$/);
    const two = await run(['view', fixture('seed-000'), fixture('seed-001')]);
    expect(two.code).toBe(2);
    expect(two.stderr).toBe('gongwen: gongwen view takes one FILE (or - for stdin)\n');
  });
});
