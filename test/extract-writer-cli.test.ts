/**
 * `gongwen extract` and its output folder, as researchers run it (the built
 * CLI): one run per folder, all-or-nothing publication, --resume after the
 * inputs changed, and what a folder walk passes over.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFixture } from './helpers/fixtures.js';
import { encodeWithPython, makeTempDir } from './helpers/archive-files.js';

const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

interface Finished {
  code: number | null;
  stderr: string;
}

function start(args: string[], stdin: 'ignore' | 'pipe' = 'ignore'): { child: ChildProcess; finished: Promise<Finished> } {
  const child = spawn(process.execPath, [cli, ...args], { stdio: [stdin, 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { child, finished };
}

const run = (args: string[]): Promise<Finished> => start(args).finished;

/** Poll for a condition on the file system; generous bound for a loaded machine. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const lines = (path: string): string[] => readFileSync(path, 'utf8').split('\n').filter(Boolean);
const jsonLines = <T>(path: string): T[] => lines(path).map((line) => JSON.parse(line) as T);
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir('gongwen-writer-cli-');
});
afterEach(() => temp.remove());

describe('gongwen extract: one run per output folder', () => {
  it('refuses a second run while the first holds the folder, in one line, and the first finishes untouched', async () => {
    const out = `${temp.dir}/out`;
    writeFileSync(`${temp.dir}/other.txt`, readFixture('seed-001'));
    // The first run reads its document from stdin: it holds the lock until we end stdin.
    const first = start(['extract', '-', '--out', out, '--jobs', '0'], 'pipe');
    await waitFor(() => existsSync(`${out}/extract.lock`), 'the first run to take the lock');

    for (const args of [[`${temp.dir}/other.txt`], [`${temp.dir}/other.txt`, '--resume']]) {
      const second = await run(['extract', ...args, '--out', out]);
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(
        new RegExp(`^gongwen: ${out} is in use by another gongwen extract \\(pid ${first.child.pid}, since [0-9T:.Z-]+\\); wait for it to finish, or remove ${out}/extract.lock if that process is gone\\n$`),
      );
    }

    first.child.stdin!.end(readFixture('seed-000'));
    const finished = await first.finished;
    expect(finished.code).toBe(0);
    expect(jsonLines<{ id: string; hash: string }>(`${out}/documents.jsonl`).map(({ id, hash }) => [id, hash])).toEqual([['-', sha256(readFixture('seed-000'))]]);
    expect(existsSync(`${out}/extract.lock`)).toBe(false);
  });
});

describe('gongwen extract: two --resume runs started together', () => {
  it('never duplicate a document: one runs, the other is refused (or, if it came later, runs after it)', async () => {
    const folder = `${temp.dir}/reports`;
    mkdirSync(folder);
    const names = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'gwr-1954', 'gwr-1997', 'gwr-2019', 'gwr-2021'];
    for (const name of names) writeFileSync(`${folder}/${name}.txt`, readFixture(name));
    const out = `${temp.dir}/out`;
    expect((await run(['extract', `${folder}/seed-000.txt`, '--out', out, '--jobs', '1'])).code).toBe(0);

    const outcomes = await Promise.all([1, 2].map(() => run(['extract', folder, '--out', out, '--jobs', '1', '--resume'])));
    const codes = outcomes.map(({ code }) => code).sort();
    expect([[0, 0], [0, 2]]).toContainEqual(codes);
    for (const refused of outcomes.filter(({ code }) => code === 2)) expect(refused.stderr).toMatch(/^gongwen: .* is in use by another gongwen extract \(pid \d+/);
    const ids = jsonLines<{ id: string }>(`${out}/documents.jsonl`).map(({ id }) => id);
    expect(ids).toEqual(names.map((name) => `${folder}/${name}.txt`).sort());
  });
});

describe('gongwen extract: publishing all or nothing', () => {
  it('a folder where headings.csv goes: exit 2 with the real error, nothing published, and --resume finishes once it is moved', async () => {
    const out = `${temp.dir}/out`;
    writeFileSync(`${temp.dir}/a.txt`, readFixture('seed-000'));
    mkdirSync(`${out}/headings.csv`, { recursive: true });
    writeFileSync(`${out}/headings.csv/notes.txt`, 'someone saved a folder here');

    const failed = await run(['extract', `${temp.dir}/a.txt`, '--out', out, '--jobs', '0']);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toBe(
      `gongwen: cannot publish ${out}/headings.csv: it is a folder; move it away, then run again with --resume ` +
        `(this run is kept in ${out}/headings.csv.partial and the other .partial files)\n`,
    );
    for (const file of ['documents.jsonl', 'errors.jsonl', 'skipped.jsonl', 'metrics.csv']) expect(existsSync(`${out}/${file}`), file).toBe(false);
    expect(lines(`${out}/documents.jsonl.partial`)).toHaveLength(1);

    rmSync(`${out}/headings.csv`, { recursive: true });
    const resumed = await run(['extract', `${temp.dir}/a.txt`, '--out', out, '--jobs', '0', '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/^extract: 0 analyzed, 1 already done, 0 failed; 0 replaced, 0 dropped;/m);
    expect(readFileSync(`${out}/headings.csv`, 'utf8').split('\r\n').length).toBeGreaterThan(3);
  });
});

describe('gongwen extract --resume after the inputs changed', () => {
  it('keeps one record per id, the newest content; drops a deleted input; says so; and writes what a fresh run writes', async () => {
    const folder = `${temp.dir}/reports`;
    mkdirSync(folder);
    writeFileSync(`${folder}/a.txt`, readFixture('seed-000'));
    writeFileSync(`${folder}/b.txt`, readFixture('seed-001'));
    writeFileSync(`${folder}/c.txt`, readFixture('seed-002'));
    const out = `${temp.dir}/out`;
    expect((await run(['extract', folder, '--out', out, '--jobs', '1'])).code).toBe(0);

    writeFileSync(`${folder}/a.txt`, encodeWithPython(readFixture('seed-000'), 'gb18030')); // the same text, saved as GB18030
    writeFileSync(`${folder}/b.txt`, readFixture('seed-003')); // revised
    rmSync(`${folder}/c.txt`); // withdrawn
    const resumed = await run(['extract', folder, '--out', out, '--jobs', '1', '--resume', '--verbose']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`gongwen: replaced ${folder}/b.txt: its content changed\n`);
    expect(resumed.stderr).toContain(`gongwen: dropped ${folder}/c.txt: no longer among the inputs\n`);
    expect(resumed.stderr).toMatch(/^extract: 1 analyzed, 1 already done, 0 failed; 1 replaced, 1 dropped;/m);

    const documents = jsonLines<{ id: string; hash: string; encoding: string }>(`${out}/documents.jsonl`);
    expect(documents.map(({ id, hash, encoding }) => [id, hash, encoding])).toEqual([
      [`${folder}/a.txt`, sha256(readFixture('seed-000')), 'gb18030'], // carried, with the encoding met now
      [`${folder}/b.txt`, sha256(readFixture('seed-003')), 'utf-8'],
    ]);
    const fresh = `${temp.dir}/fresh`;
    expect((await run(['extract', folder, '--out', fresh, '--jobs', '1'])).code).toBe(0);
    for (const file of ['documents.jsonl', 'headings.csv', 'slogans.csv', 'placeholders.csv', 'metrics.csv', 'errors.jsonl', 'skipped.jsonl']) {
      expect(readFileSync(`${out}/${file}`, 'utf8'), file).toBe(readFileSync(`${fresh}/${file}`, 'utf8'));
    }
  });
});

describe('gongwen extract on a folder: files read by content, the rest reported', () => {
  it('reads .text, extensionless and HTML-in-.doc files; lists a legacy .doc, an image and a dangling link in skipped.jsonl', async () => {
    const folder = `${temp.dir}/reports`;
    mkdirSync(folder);
    writeFileSync(`${folder}/2021.text`, readFixture('seed-000'));
    writeFileSync(`${folder}/README`, readFixture('seed-001'));
    writeFileSync(`${folder}/web.doc`, `<html><body><p>${readFixture('seed-002').split('\n').join('</p><p>')}</p></body></html>`);
    writeFileSync(`${folder}/legacy.doc`, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]));
    writeFileSync(`${folder}/scan.png`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    symlinkSync(`${folder}/deleted.txt`, `${folder}/latest.txt`);
    const out = `${temp.dir}/out`;

    const quiet = await run(['extract', folder, '--out', out, '--jobs', '1']);
    expect(quiet.code).toBe(0); // passing over is not failing
    expect(quiet.stderr).toMatch(/^extract: 3 analyzed, 0 already done, 0 failed; 3 files skipped \(see skipped\.jsonl, or --verbose\);/m);
    expect(quiet.stderr).not.toContain('gongwen: skipped');
    const documents = jsonLines<{ id: string; format: string }>(`${out}/documents.jsonl`);
    expect(documents.map(({ id, format }) => [id.slice(folder.length + 1), format])).toEqual([
      ['2021.text', 'text'],
      ['README', 'text'],
      ['web.doc', 'html'],
    ]);
    expect(jsonLines<{ id: string; reason: string }>(`${out}/skipped.jsonl`).map(({ id, reason }) => [id.slice(folder.length + 1), reason])).toEqual([
      ['latest.txt', `dangling symbolic link: ${folder}/deleted.txt does not exist`],
      ['legacy.doc', 'legacy binary Office file (Word 97–2003 .doc, WPS .wps, .xls, .ppt), not a format gongwen reads: save it as .docx'],
      ['scan.png', 'PNG image, not a report'],
    ]);

    const verbose = await run(['extract', folder, '--out', out, '--jobs', '1', '--verbose']);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toContain(`gongwen: skipped ${folder}/legacy.doc: legacy binary Office file`);
    expect(verbose.stderr).toContain(`gongwen: skipped ${folder}/scan.png: PNG image, not a report\n`);
    expect(verbose.stderr).toMatch(/; 3 files skipped \(see skipped\.jsonl\);/);
  });
});

describe('gongwen extract with --out inside the input folder', () => {
  it('never reads its own outputs as reports, run after run', async () => {
    const folder = `${temp.dir}/reports`;
    mkdirSync(folder);
    writeFileSync(`${folder}/a.txt`, readFixture('seed-000'));
    const out = `${folder}/out`;
    for (const args of [[], ['--resume'], []]) {
      const result = await run(['extract', folder, '--out', out, '--jobs', '0', ...args]);
      expect(result.code, result.stderr).toBe(0);
      expect(jsonLines<{ id: string }>(`${out}/documents.jsonl`).map(({ id }) => id)).toEqual([`${folder}/a.txt`]);
      expect(jsonLines(`${out}/skipped.jsonl`)).toEqual([{ id: out, source: folder, reason: 'the output folder of this run' }]);
    }
  });
});
