/**
 * `npm publish --dry-run` is clean: npm corrects nothing in package.json (it used to drop the bin,
 * `./dist/cli/main.js`, as invalid), and the tarball holds what a user needs and nothing else.
 * Offline and without scripts: no registry, and no rebuild of dist/ under the other tests.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function dryRun(): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) =>
    execFile('npm', ['publish', '--dry-run', '--ignore-scripts', '--offline', '--json'], { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ stdout, stderr }),
    ),
  );
}

describe('npm publish --dry-run', () => {
  it('corrects nothing, and ships code, types, dicts with their provenance, docs, licence', async () => {
    const { stdout, stderr } = await dryRun();
    const warnings = stderr.split('\n').filter((line) => line.startsWith('npm warn') && !/requires you to be logged in/.test(line));
    expect(warnings).toEqual([]);
    const files = (JSON.parse(stdout) as { gongwen: { files: Array<{ path: string }> } }).gongwen.files.map((file) => file.path);
    for (const path of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dicts/README.md', 'dicts/slogans.yaml', 'docs/extractors.md']) {
      expect(files, path).toContain(path);
    }
    // Source maps would point at src/, which does not ship; tests, fixtures and benches stay in the repository.
    expect(files.filter((path) => path.endsWith('.map') || /^(src|test|fixtures|bench|eval)\//.test(path))).toEqual([]);
  });
});
