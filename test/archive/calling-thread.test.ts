/**
 * `gongwen extract --jobs 1` analyses a small document in the calling thread
 * (no worker thread: no second heap, no copy of each text and result across
 * threads) and a document over IN_CALLING_THREAD_MAX_BYTES in a worker thread,
 * started only then. Which thread ran is seen from outside, in the modules the
 * process loads: piscina is loaded only when a thread is started. The outputs
 * are byte for byte those of `--jobs 2` (worker threads only), which
 * extract-identical.test.ts holds to the former writer.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CALLING_THREAD_MAX_BYTES } from '../../src/archive/analyze-files.js';
import { cliPath } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/archive-files.js';

const moduleLog = fileURLToPath(new URL('../helpers/module-log.mjs', import.meta.url));
const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
// The ten national reports of the fixtures (30–171 KB each).
const national = readdirSync(fixtures)
  .filter((name) => /^gwr-\d+\.txt$/.test(name))
  .sort()
  .map((name) => readFileSync(join(fixtures, name), 'utf8'));
const OUTPUTS = ['documents.jsonl', 'headings.csv', 'slogans.csv', 'placeholders.csv', 'metrics.csv'];

describe('extract --jobs 1: small documents in the calling thread, large ones in a worker thread', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir('gongwen-calling-thread-');
  });
  afterAll(() => temp.remove());

  /** Runs extract over `texts` as a .jsonl archive: the packages it loaded, and its outputs. */
  function extract(name: string, texts: string[], jobs: string): { packages: string[]; outputs: Record<string, string> } {
    const archive = join(temp.dir, `${name}.jsonl`);
    writeFileSync(archive, texts.map((content, n) => JSON.stringify({ n, content })).join('\n') + '\n');
    const out = join(temp.dir, `${name}-out-${jobs}`);
    const log = join(temp.dir, `${name}-${jobs}.modules`);
    execFileSync(process.execPath, ['--import', moduleLog, cliPath, 'extract', archive, '--out', out, '--jobs', jobs], {
      env: { ...process.env, GONGWEN_MODULE_LOG: log },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const packages = [...new Set(readFileSync(log, 'utf8').split('\n').flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? []))];
    return { packages, outputs: Object.fromEntries(OUTPUTS.map((file) => [file, readFileSync(join(out, file), 'utf8')])) };
  }

  it('national reports (under the limit) start no worker thread, and write what worker threads write', () => {
    expect(national.every((text) => Buffer.byteLength(text) <= IN_CALLING_THREAD_MAX_BYTES)).toBe(true);
    const one = extract('national', national, '1');
    expect(one.packages).not.toContain('piscina');
    const threads = extract('national', national, '2');
    expect(threads.packages).toContain('piscina');
    expect(one.outputs).toEqual(threads.outputs);
    expect(one.outputs['metrics.csv']!.split('\r\n').length).toBeGreaterThan(100);
  });

  it('a report over the limit goes to a worker thread, between reports analysed in the calling thread', () => {
    // The ten national reports end to end: one document of ~675 KB.
    const long = national.join('\n\n');
    expect(Buffer.byteLength(long)).toBeGreaterThan(IN_CALLING_THREAD_MAX_BYTES);
    const texts = [national[0]!, long, national[1]!];
    const one = extract('mixed', texts, '1');
    expect(one.packages).toContain('piscina');
    expect(one.outputs).toEqual(extract('mixed', texts, '2').outputs);
    expect(one.outputs['documents.jsonl']!.trim().split('\n')).toHaveLength(3);
  });
});
