/**
 * Types for tool authors: a consumer file (test/consumer/nlcst-utilities.ts) that hands the report
 * tree to nlcst-to-string, nlcst-search and unist-util-visit with type tests and a type guard,
 * without a cast, compiles with `tsc` under `strict` (and `skipLibCheck: false`, so our .d.ts is
 * checked too) against the built package.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

describe('a strict consumer of the tree', () => {
  it('type-checks nlcst and unist utilities on the tree with no cast', async () => {
    const source = await import('node:fs').then((fs) => fs.readFileSync(new URL('consumer/nlcst-utilities.ts', import.meta.url), 'utf8'));
    expect(source).not.toMatch(/\bas (unknown|never|any|Nodes|Root)\b|<any>/);
    const result = await run(process.execPath, [tsc, '-p', 'test/consumer/tsconfig.json'], { cwd: root }).catch((error: { stdout: string; code: number }) => error);
    expect(result.stdout).toBe('');
  });
});
