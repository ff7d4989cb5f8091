/** `gongwen lint` as users run it: the built dist/ (npm test builds first). */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from './helpers.js';
import { runCli as run } from '../helpers/cli.js';



const temp = () => mkdtempSync(join(tmpdir(), 'gongwen-lint-'));
const NO_BLANKS = ['--rule', 'placeholder-left:off'];

describe('gongwen lint', () => {
  it('reports file:line:column, severity, message and rule id (vfile-reporter); exit 1 on an error', async () => {
    const result = await run(['lint', fixturePath('seed-004'), ...NO_BLANKS]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^12:1716-12:1720\s+error\s+“六项纪律” is a variant of “六大纪律”.*\s+slogan-variant\s+gongwen-lint$/m);
    expect(result.stdout).toMatch(/^9:398-9:399\s+warning\s+.*quote-balance/m);
    expect(result.stdout).toMatch(/1 error, ⚠ 12 warnings/);
  });

  it('exit 0 with warnings only; --max-warnings N turns too many warnings into exit 1', async () => {
    const args = ['lint', fixturePath('seed-004'), ...NO_BLANKS, '--rule', 'slogan-variant:warn'];
    expect((await run(args)).code).toBe(0);
    expect((await run([...args, '--max-warnings', '13'])).code).toBe(0);
    const tooMany = await run([...args, '--max-warnings', '12']);
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toContain('13 warnings, more than --max-warnings 12');
  });

  it('--quiet hides the warnings but --max-warnings still counts them', async () => {
    const args = ['lint', fixturePath('seed-004'), ...NO_BLANKS, '--rule', 'slogan-variant:warn', '--quiet'];
    const result = await run([...args, '--max-warnings', '12']);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('warning');
    expect(result.stderr).toContain('13 warnings, more than --max-warnings 12');
  });

  it('lints a file named twice once', async () => {
    const result = await run(['lint', fixturePath('seed-004'), fixturePath('seed-004'), ...NO_BLANKS, '--format', 'json']);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(1);
  });

  it('--quiet shows errors only', async () => {
    const result = await run(['lint', fixturePath('seed-004'), ...NO_BLANKS, '--quiet']);
    expect(result.stdout).toContain('slogan-variant');
    expect(result.stdout).not.toContain('warning');
  });

  it('--format json: ESLint-shaped, with offsets and fixes', async () => {
    const result = await run(['lint', fixturePath('seed-000'), '--format', 'json']);
    const [file] = JSON.parse(result.stdout) as Array<{ filePath: string; errorCount: number; fixableCount: number; messages: Array<{ ruleId: string; line: number; fix?: { range: [number, number]; text: string } }> }>;
    expect(file!.filePath).toBe(fixturePath('seed-000'));
    const debris = file!.messages.filter((message) => message.ruleId === 'debris');
    expect(debris.map((message) => message.line)).toEqual([4, 16, 21]);
    const text = readFixture('seed-000');
    expect(text.slice(...debris[0]!.fix!.range)).toBe('##paidbegin##');
    expect(file!.fixableCount).toBe(3);
  });

  it('--format sarif: SARIF 2.1.0 with rules, levels and regions GitHub code scanning reads', async () => {
    const result = await run(['lint', 'fixtures/seed-004.txt', ...NO_BLANKS, '--format', 'sarif'], { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    const sarif = JSON.parse(result.stdout) as { version: string; runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; ruleIndex: number; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endColumn: number } } }> }> }> };
    expect(sarif.version).toBe('2.1.0');
    const run0 = sarif.runs[0]!;
    expect(run0.tool.driver.name).toBe('gongwen-lint');
    const variant = run0.results.find((entry) => entry.ruleId === 'slogan-variant')!;
    expect(variant.level).toBe('error');
    expect(run0.tool.driver.rules[variant.ruleIndex]!.id).toBe('slogan-variant');
    expect(variant.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'fixtures/seed-004.txt', uriBaseId: '%SRCROOT%' }, region: expect.objectContaining({ startLine: 12, startColumn: 1716, endColumn: 1720 }) });
  });

  it('--fix repairs the certain ones in place; the file then lints clean of them', async () => {
    const folder = temp();
    const path = join(folder, 'seed-004.txt');
    copyFileSync(fixturePath('seed-004'), path);
    const fixed = await run(['lint', path, ...NO_BLANKS, '--fix']);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('《中央巡视工作规划（2019—2022年）》');
    expect(text).toContain('“三项建设”，');
    expect(text).toContain('同比增长X%；规模以上');
    expect(text.length).toBe(readFixture('seed-004').length);
    // Left: the variant 六项纪律 (reported, not fixed without fixVariants).
    expect(fixed.stdout).toMatch(/slogan-variant/);
    expect(fixed.stdout).not.toMatch(/half-width-punctuation|quote-balance/);
    const again = await run(['lint', path, ...NO_BLANKS, '--rule', 'slogan-variant:off']);
    expect(again).toMatchObject({ code: 0, stdout: '' });
  });

  it('lints a folder (sorted, dotfiles skipped) and stdin; - --fix writes the fixed text to stdout', async () => {
    const folder = temp();
    writeFileSync(join(folder, 'b.txt'), '一、工作回顾\n二、存在问题\n四、下步打算\n');
    writeFileSync(join(folder, 'a.txt'), '做到二个维护。\n');
    writeFileSync(join(folder, '.hidden.txt'), '做到二个维护。\n');
    const result = await run(['lint', folder, '--format', 'json']);
    expect((JSON.parse(result.stdout) as Array<{ filePath: string }>).map((file) => file.filePath)).toEqual([join(folder, 'a.txt'), join(folder, 'b.txt')]);
    const piped = await run(['lint', '-', '--fix'], { input: '做到二个维护，增强“4个意识”。\n' });
    expect(piped.stdout).toBe('做到两个维护，增强“四个意识”。\n');
    const clean = await run(['lint', '-', '--fix'], { input: '做到两个维护。\n' });
    expect(clean).toMatchObject({ code: 0, stdout: '做到两个维护。\n' });
  });

  it('does not rewrite a GBK file with --fix, and says so', async () => {
    const folder = temp();
    const path = join(folder, 'gbk.txt');
    // 做到二个维护。 in GBK
    const bytes = Buffer.from([0xd7, 0xf6, 0xb5, 0xbd, 0xb6, 0xfe, 0xb8, 0xf6, 0xce, 0xac, 0xbb, 0xa4, 0xa1, 0xa3, 0x0a]);
    writeFileSync(path, bytes);
    const result = await run(['lint', path, '--fix', '--encoding', 'gbk']);
    expect(readFileSync(path)).toEqual(bytes);
    expect(result.stderr).toContain('not fixed (only UTF-8 text files are rewritten)');
    expect(result.stdout).toContain('二个维护');
  });

  it.each([
    [['lint', 'no-such-report.txt'], /^gongwen: no-such-report\.txt: no such file\n$/],
    [['lint'], /^gongwen: gongwen lint needs a FILE/],
    [['lint', 'fixtures/seed-000.txt', '--format', 'xml'], /^gongwen: --format takes stylish, json or sarif, not "xml"\n$/],
    [['lint', 'fixtures/seed-000.txt', '--rule', 'debris'], /^gongwen: --rule takes ID:off, ID:warn or ID:error, not "debris"\n$/],
    [['lint', 'fixtures/seed-000.txt', '--max-warnings', 'many'], /^gongwen: --max-warnings takes a whole number/],
    [['lint', 'fixtures/seed-000.txt', '--max-warnings', ''], /^gongwen: --max-warnings takes a whole number/],
    [['lint', 'fixtures/seed-000.txt', '--config', 'no-such.json'], /^gongwen: .*no-such\.json: no such config file\n$/],
    [['lint', 'fixtures/seed-000.txt', '--config', 'package.json'], /^gongwen: .*package\.json: no "gongwen" field to read the lint config from\n$/],
  ])('bad usage %j: exit 2 and one line', async (args, message) => {
    const result = await run(args, { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('a binary file: exit 2, the same one line as parse', async () => {
    const folder = temp();
    writeFileSync(join(folder, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    const lint = await run(['lint', join(folder, 'image.txt')]);
    const parse = await run(['parse', join(folder, 'image.txt')]);
    expect(lint.code).toBe(2);
    expect(lint.stderr).toBe(parse.stderr);
    expect(lint.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an invalid .gongwenrc.json: exit 2, one line naming the file and the key', async () => {
    const folder = temp();
    writeFileSync(join(folder, '.gongwenrc.json'), '{"rules": {"debris": "loud"}}');
    writeFileSync(join(folder, 'r.txt'), '做到两个维护。\n');
    const result = await run(['lint', join(folder, 'r.txt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`gongwen: ${join(folder, '.gongwenrc.json')}: rules.debris: "loud" is not off, warn or error\n`);
  });

  it('follows the config found from the file’s folder up', async () => {
    const folder = temp();
    writeFileSync(join(folder, '.gongwenrc.yaml'), 'rules:\n  slogan-variant: off\n');
    writeFileSync(join(folder, 'r.txt'), '做到二个维护。\n');
    expect(await run(['lint', join(folder, 'r.txt')])).toMatchObject({ code: 0, stdout: '' });
  });
});
