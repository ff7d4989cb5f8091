/**
 * An output must not be one of the inputs: `view r.txt -o r.txt` or `corpus …
 * --out x.jsonl` over x.jsonl replaced the input with the output, exit 0.
 * Paths are compared by their real paths (links and `./` resolved; an output
 * that does not exist yet by its folder's real path), and a folder input by
 * the documents.jsonl read from it.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { GongwenError } from '../diagnostics.js';

function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/** Throws USAGE when `output` (given with `flag`) is one of `inputs`, or the documents.jsonl of an input folder. */
export function refuseOutputOverInput(output: string, inputs: readonly string[], flag: string): void {
  if (output === '-') return;
  const target = realPath(output);
  for (const input of inputs) {
    if (input === '-' || input.startsWith('@')) continue;
    const real = realPath(input);
    const isFolder = (() => {
      try {
        return statSync(real).isDirectory();
      } catch {
        return false;
      }
    })();
    if (target === real || (isFolder && target === join(real, 'documents.jsonl'))) {
      const what = target === real ? `the input ${input}` : `the documents.jsonl of the input ${input}`;
      throw new GongwenError('USAGE', `${flag} ${output} is ${what}: writing it would replace the input; choose another file`);
    }
  }
}
