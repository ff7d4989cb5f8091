/** A path named on the command line that does not exist: exit 2 and one line, in every command. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const out = mkdtempSync(join(tmpdir(), 'gongwen-missing-'));
const missing = join(out, 'no-such-report.txt');

describe('a missing input', () => {
  it.each([
    ['parse', ['parse', missing]],
    ['analyze', ['analyze', missing]],
    ['lint', ['lint', missing]],
    ['view', ['view', missing]],
    ['extract', ['extract', missing, '--out', join(out, 'extract')]],
    ['corpus slogans', ['corpus', 'slogans', missing]],
    ['corpus kwic', ['corpus', 'kwic', missing, '--word', '改革']],
    ['extract @list', ['extract', `@${missing}`, '--out', join(out, 'extract-list')]],
  ])('%s: exit 2, one line naming the file, nothing on stdout', async (_name, args) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`gongwen: ${missing}: no such file\n`);
  });

  it('extract writes no output folder for it', async () => {
    await runCli(['extract', missing, '--out', join(out, 'none')]);
    expect(existsSync(join(out, 'none'))).toBe(false);
  });
});
