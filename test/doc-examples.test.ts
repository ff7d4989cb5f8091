/**
 * Doc-tests: the examples of README.md and docs/*.md run as written. A fenced block runs when the
 * line before it is an HTML comment (docs/tests.md#doc-tests describes the convention):
 *
 *   <!-- doctest -->          a ```sh block: each command line runs in bash (pipefail) and must exit
 *                             0, or 1 where the command reports findings (lint); a ```ts block is
 *                             compiled with tsc under `strict` with the others, then run with node
 *   <!-- doctest: vitest -->  a ```ts block is a vitest test file (its first line, `// path`, says
 *                             where): it runs in a scratch project with vitest
 *
 * Unmarked blocks are not run, so pages other engineers add are left alone until they opt in.
 * Everything runs in a workspace that looks like a user's project: `gongwen` installed (a link to
 * this checkout), report.txt (fixtures/seed-004), draft.txt (seed-000), reports/ (the 2017 and 2019
 * 政府工作报告), fixtures/ (this repository's). Whatever a command writes must not be corrupted by
 * npm's banner: every .json/.sarif file written parses, and no piped or redirected command uses
 * `npm run` without `-s`.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const vitest = join(root, 'node_modules/vitest/vitest.mjs');

interface Example {
  page: string;
  line: number;
  lang: string;
  mode: 'run' | 'vitest';
  code: string;
}

/** The marked fenced blocks of a Markdown page. */
export function markedExamples(page: string, markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  for (let index = 1; index < lines.length; index++) {
    const fence = /^```(\w+)\s*$/.exec(lines[index]!);
    const marker = /^<!-- doctest(?::\s*(vitest))?\s*-->$/.exec(lines[index - 1]!.trim());
    if (!fence || !marker) continue;
    const end = lines.indexOf('```', index + 1);
    if (end < 0) throw new Error(`${page}:${index + 1}: unclosed code block`);
    examples.push({ page, line: index + 1, lang: fence[1]!, mode: marker[1] === 'vitest' ? 'vitest' : 'run', code: lines.slice(index + 1, end).join('\n') });
  }
  return examples;
}

const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
const examples = pages.flatMap((page) => markedExamples(page, readFileSync(join(root, page), 'utf8')));
/** Every shell line of every page, marked or not: none may pipe npm's banner into a file or a pipe. */
const allShellLines = pages.flatMap((page) =>
  readFileSync(join(root, page), 'utf8')
    .split('\n')
    .map((text, index) => ({ page, line: index + 1, text })),
);

let workspace = '';

function run(file: string, args: string[], cwd = workspace): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A user's project: gongwen installed (a link to this checkout), the example files beside it. */
function populate(dir: string): void {
  const copy = (from: string, to: string) => {
    mkdirSync(join(dir, to, '..'), { recursive: true });
    copyFileSync(join(root, from), join(dir, to));
  };
  copy('fixtures/seed-004.txt', 'report.txt');
  copy('fixtures/seed-000.txt', 'draft.txt');
  copy('fixtures/gwr-2017.txt', 'reports/gwr-2017.txt');
  copy('fixtures/gwr-2019.txt', 'reports/gwr-2019.txt');
  symlinkSync(join(root, 'fixtures'), join(dir, 'fixtures'));
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules/gongwen'));
  // What npm installs for a bin: an executable that runs dist/cli/main.js. A link to the file itself
  // would need its execute bit, which tsc does not set (a fresh clone's build leaves it 0644).
  writeFileSync(join(dir, 'node_modules/.bin/gongwen'), `#!/bin/sh\nexec node ${JSON.stringify(join(root, 'dist/cli/main.js'))} "$@"\n`, { mode: 0o755 });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'doctest-workspace', private: true, type: 'module', dependencies: { gongwen: 'file:..' } }));
}

beforeAll(() => {
  // Inside the checkout, so that tools resolve this repository's node_modules as a user's project would its own.
  workspace = mkdtempSync(join(root, '.doctest-'));
  populate(workspace);
});

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

// A block runs several commands, each a process start; a loaded CI machine needs the room.
describe('documentation examples', { timeout: 300_000 }, () => {
  it('are found: the README has marked shell and TypeScript examples', () => {
    const readme = examples.filter((example) => example.page === 'README.md');
    expect(readme.filter((example) => example.lang === 'sh').length).toBeGreaterThan(0);
    expect(readme.filter((example) => example.lang === 'ts').length).toBeGreaterThan(0);
  });

  it('never pipe or redirect `npm run` output without -s (npm prints a banner on stdout)', () => {
    const command = (text: string) => text.replace(/\s#.*$/, '');
    const offending = allShellLines.filter(({ text }) => /\bnpm run (?!-s\b)/.test(command(text)) && /(^|[^|])[|>](?![|>=])/.test(command(text)));
    expect(offending.map(({ page, line, text }) => `${page}:${line}: ${text}`)).toEqual([]);
  });

  it('the README opens with the two set-up commands CI runs (npm ci, npm test)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const first = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    const commands = first.split('\n').map((line) => line.replace(/#.*$/, '').trim()).filter(Boolean);
    expect(commands).toEqual(['npm ci && npx gongwen parse fixtures/seed-000.txt', 'npm test']);
    const ci = readFileSync(join(root, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  for (const example of examples.filter((candidate) => candidate.lang === 'sh' && candidate.mode === 'run')) {
    it(`${example.page}:${example.line} (sh) runs`, async () => {
      // Each block in a project of its own: blocks write out/, fix files in place.
      const dir = join(workspace, `sh-${example.page.replace(/\W+/g, '-')}-${example.line}`);
      mkdirSync(dir);
      populate(dir);
      for (const command of example.code.split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()).filter((line) => line && !line.startsWith('#'))) {
        const result = await run('bash', ['-o', 'pipefail', '-c', command], dir);
        expect(result.code, `${command}\n${result.stderr}`).toBeLessThanOrEqual(/\bgongwen lint\b/.test(command) ? 1 : 0);
        expect(result.stderr, command).not.toMatch(/\n\s+at |Error:/);
      }
      for (const file of readdirSync(dir).filter((name) => /\.(json|sarif)$/.test(name) && name !== 'package.json')) {
        expect(() => JSON.parse(readFileSync(join(dir, file), 'utf8')), file).not.toThrow();
      }
    });
  }

  const typescript = examples.filter((candidate) => candidate.lang === 'ts' && candidate.mode === 'run');
  // Compiled once, together, by whichever test asks first.
  let compiled: Promise<{ code: number; stdout: string; stderr: string }> | null = null;
  const compile = () => (compiled ??= compileTypeScript());
  async function compileTypeScript() {
    const files = typescript.map((example) => {
      const name = `${example.page.replace(/\W+/g, '-')}-${example.line}.ts`;
      writeFileSync(join(workspace, name), example.code);
      return name;
    });
    writeFileSync(
      join(workspace, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], types: ['node'], strict: true, skipLibCheck: true, outDir: 'js' }, files }),
    );
    return run(process.execPath, [tsc, '-p', 'tsconfig.json']);
  }

  it('TypeScript examples compile under strict, with no cast needed', async () => {
    expect((await compile()).stdout).toBe('');
  });

  for (const example of typescript) {
    it(`${example.page}:${example.line} (ts) runs`, async () => {
      const name = `${example.page.replace(/\W+/g, '-')}-${example.line}.js`;
      await compile();
      expect(existsSync(join(workspace, 'js', name)), 'compiled').toBe(true);
      const result = await run(process.execPath, [join('js', name)]);
      expect(result.code, result.stderr).toBe(0);
    });
  }

  for (const example of examples.filter((candidate) => candidate.mode === 'vitest')) {
    it(`${example.page}:${example.line} (vitest recipe) writes its snapshot beside the report and then holds`, async () => {
      const project = join(workspace, `vitest-${example.line}`);
      const path = /^\/\/ (\S+)/.exec(example.code)![1]!;
      mkdirSync(join(project, path, '..'), { recursive: true });
      writeFileSync(join(project, path), example.code);
      // A loaded CI machine parses slower than vitest's default 5 s allow.
      writeFileSync(join(project, 'vitest.config.ts'), 'export default { test: { testTimeout: 60_000 } };\n');
      // The report the recipe names, as a drafting office would have it: a 区委常委会工作报告.
      const report = /'\.\.\/(reports\/[^']+\.txt)'/.exec(example.code)![1]!;
      mkdirSync(join(project, 'reports'), { recursive: true });
      copyFileSync(join(root, 'fixtures/seed-004.txt'), join(project, report));
      const env = { ...process.env, CI: '' };
      const vitestRun = () =>
        new Promise<{ code: number; output: string }>((resolve) =>
          execFile(process.execPath, [vitest, 'run'], { cwd: project, env }, (error, stdout, stderr) => resolve({ code: error ? 1 : 0, output: stdout + stderr })),
        );
      const first = await vitestRun();
      expect(first.code, first.output).toBe(0);
      expect(first.output).not.toMatch(/not awaited/i);
      const snapshot = join(project, report.replace(/\.txt$/, '.outline.txt'));
      expect(relative(project, snapshot)).toBe('reports/2024-changweihui.outline.txt');
      expect(readFileSync(snapshot, 'utf8')).toBe(readFileSync(join(root, 'fixtures/seed-004.outline.txt'), 'utf8'));
      expect((await vitestRun()).code).toBe(0);
      // A change in how the report reads is a failure, not a silent update.
      writeFileSync(snapshot, readFileSync(snapshot, 'utf8').replace('一、', '二、'));
      expect((await vitestRun()).code).toBe(1);
    });
  }
});
