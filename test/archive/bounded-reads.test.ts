/**
 * Every read is bounded: a path is read only when it is a regular file, its
 * bytes are counted while read (stat says 0 for /dev/zero), stdin and a .jsonl
 * line stop at the limit, and extract stops reading stdin on the first SIGTERM.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { expandInputs, loadTask } from '../../src/archive/inputs.js';
import { readRegularFile } from '../../src/archive/read-bounded.js';
import { cliPath, runCli as run } from '../helpers/cli.js';

const temp = () => mkdtempSync(join(tmpdir(), 'gongwen-bounded-'));
const onLinux = process.platform === 'linux';

/** An endless stream of zero bytes (as `< /dev/zero`), counting what was pulled from it. */
function zeros(chunk = 64 * 1024): Readable & { pulled: number } {
  const stream = new Readable({
    read() {
      // As a pipe does: the next chunk comes with the next turn of the event loop.
      setImmediate(() => {
        stream.pulled += chunk;
        stream.push(Buffer.alloc(chunk));
      });
    },
  }) as Readable & { pulled: number };
  stream.pulled = 0;
  return stream;
}

describe('reading a path', () => {
  it.skipIf(!onLinux)('refuses /dev/zero (a device stat calls 0 bytes) at once, instead of reading gigabytes', async () => {
    await expect(readRegularFile('/dev/zero', 1024 * 1024)).rejects.toThrow('/dev/zero is not a regular file (a device); only files are read');
    await expect(loadTask({ kind: 'file', path: '/dev/zero' })).rejects.toMatchObject({ code: 'UNREADABLE' });
    const parsed = await run(['parse', '/dev/zero']);
    expect(parsed).toMatchObject({ code: 2, stderr: 'gongwen: /dev/zero is not a regular file (a device); only files are read\n' });
  });

  it('refuses a named pipe without waiting for a writer', async () => {
    const fifo = join(temp(), 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    await expect(readRegularFile(fifo, 1024)).rejects.toThrow(`${fifo} is not a regular file (a named pipe)`);
    const sources = [];
    for await (const source of expandInputs([fifo])) sources.push(source);
    await expect(sources[0]!.load()).rejects.toThrow(`${fifo} is not a regular file (a named pipe); only files and folders are read`);
  });

  it.skipIf(!onLinux)('counts the bytes it reads, whatever stat says: a /proc file (size 0) past the limit is refused', async () => {
    const status = readFileSync('/proc/self/status');
    expect(status.length).toBeGreaterThan(200);
    await expect(readRegularFile('/proc/self/status', 100)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect((await readRegularFile('/proc/self/status', 1024 * 1024)).toString('utf8')).toMatch(/^Name:/);
  });

  it.skipIf(!onLinux)('a link to /dev/zero inside a linted folder is one message; the other files are linted', async () => {
    const folder = temp();
    symlinkSync('/dev/zero', join(folder, 'a-zero.txt'));
    writeFileSync(join(folder, 'b.txt'), '做到二个维护。\n');
    const result = await run(['lint', folder, '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`gongwen: ${join(folder, 'a-zero.txt')} is not a regular file (a device); only files are read\n`);
    expect((JSON.parse(result.stdout) as Array<{ filePath: string }>).map((file) => file.filePath)).toEqual([join(folder, 'b.txt')]);
  });
});

describe('reading stdin and JSON Lines', () => {
  it('stdin as one document stops reading at the limit (one chunk past it at most)', async () => {
    const stdin = zeros();
    const sources = [];
    for await (const source of expandInputs(['-'], { stdin, maxBytes: 1024 * 1024 })) sources.push(source);
    await expect(sources[0]!.load()).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('stdin holds more than 1 MB') });
    expect(stdin.pulled).toBeLessThanOrEqual(1024 * 1024 + 3 * 64 * 1024);
  });

  it('a .jsonl line longer than the limit is refused while it is read, and the records after it are read', async () => {
    const line = `{"text":"${'a'.repeat(3 * 1024 * 1024)}"}\n`;
    const stdin = Readable.from([Buffer.from(line.slice(0, 1000)), Buffer.from(line.slice(1000)), Buffer.from('{"text":"一、总体要求"}\n')]);
    const sources = [];
    for await (const source of expandInputs(['-'], { stdin, stdinFormat: 'jsonl', maxBytes: 1024 * 1024 })) sources.push(source);
    expect(sources.map((source) => source.id)).toEqual(['-#1', '-#2']);
    await expect(sources[0]!.load()).rejects.toThrow('line 1 of - is 3 MB, over the limit of 1 MB per document (raise it with --max-size)');
    expect((await sources[1]!.load()).text).toBe('一、总体要求');
  });

  it('an endless line from stdin holds memory flat: the bytes are counted and dropped', () => {
    // In a child with --expose-gc, so what is measured is what is held, not what the collector has not reached yet.
    const script = `
      import { Readable } from 'node:stream';
      import { expandInputs } from ${JSON.stringify(new URL('../../dist/archive/inputs.js', import.meta.url).href)};
      let pulled = 0;
      const stdin = new Readable({ read() { setImmediate(() => { pulled += 65536; this.push(pulled > 96 * 2 ** 20 ? null : Buffer.alloc(65536)); }); } });
      gc();
      const before = process.memoryUsage().arrayBuffers;
      let peak = 0;
      const timer = setInterval(() => { gc(); peak = Math.max(peak, process.memoryUsage().arrayBuffers - before); }, 20);
      const ids = [];
      for await (const source of expandInputs(['-'], { stdin, stdinFormat: 'jsonl', maxBytes: 2 ** 20 })) ids.push(source.id);
      clearInterval(timer);
      console.log(JSON.stringify({ ids, pulled, peak }));`;
    const { ids, pulled, peak } = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' })) as { ids: string[]; pulled: number; peak: number };
    expect(ids).toEqual(['-#1']);
    expect(pulled).toBeGreaterThan(96 * 2 ** 20); // it read all 96 MB…
    // …holding no more than the 1 MB line limit and the chunks in flight: 5–8 MB on a quiet machine, up
    // to 19 MB measured while the machine was loaded (the sampling timer runs late); unbounded would be ≥ 96 MB.
    expect(peak).toBeLessThan(32 * 2 ** 20);
  });

  it('extract - stops on the first SIGTERM while stdin is still open, and says how to finish', async () => {
    const out = join(temp(), 'out');
    const child = spawn(process.execPath, [cliPath, 'extract', '-', '--out', out], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.write('一、总体要求\n');
    // Ready once it holds the output folder's lock (its signal handlers are set right after).
    for (let waited = 0; !existsSync(join(out, 'extract.lock')) && waited < 20_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGTERM');
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 10_000);
      child.on('close', (exit) => {
        clearTimeout(timer);
        resolve(exit);
      });
    });
    expect(code).toBe(130);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(stderr).toContain('interrupted after 0 documents; run again with --resume to finish');
  });
});
