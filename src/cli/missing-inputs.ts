/**
 * A path named on the command line that does not exist is a usage mistake, not a document that
 * failed: `extract` and `corpus` refuse it up front with one line and exit 2, as `parse`, `lint`
 * and `view` do, instead of running over nothing and writing an empty table (exit 1). Globs, `-`
 * and `@list` entries are not checked here: a glob that matches nothing and a listed file that is
 * gone stay per-document errors, as the archive API reports them.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { GongwenError } from '../diagnostics.js';

export async function refuseMissingInputs(inputs: readonly string[], cwd = process.cwd()): Promise<void> {
  for (const input of inputs) {
    if (input === '-') continue;
    const path = input.startsWith('@') ? input.slice(1) : input;
    if (await exists(resolve(cwd, path))) continue;
    // A literal path wins over a pattern (`报告[2021].txt`), so a pattern is only passed on once it is not a file.
    if (!input.startsWith('@') && isDynamicPattern(input)) continue;
    throw new GongwenError('ENOENT', `${path}: no such file`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
