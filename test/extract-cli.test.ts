import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corporaDir, readFixture } from './helpers/fixtures.js';
import { encodeWithPython, makeDocx, makeTempDir } from './helpers/archive-files.js';

// `gongwen extract` as researchers run it: the built CLI (npm test builds first).
const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const corpus = `${corporaDir}government_work_reports.jsonl`;

function run(args: string[], options: { killWhen?: () => boolean } = {}): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = options.killWhen
      ? setInterval(() => {
          if (options.killWhen!()) child.kill('SIGKILL');
        }, 20)
      : null;
    child.on('close', (code, signal) => {
      if (poll) clearInterval(poll);
      resolve({ code, signal, stderr });
    });
  });
}

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean);

describe('gongwen extract on the national archive (fixtures/archive/)', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir('gongwen-extract-');
  });
  afterAll(() => temp.remove());

  it('writes one document per record, in input order, with metadata, and the four CSV tables', async () => {
    const result = await run(['extract', corpus, '--out', `${temp.dir}/two`, '--jobs', '2']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^extract: 72 analyzed, 0 already done, 0 failed;/m);
    const documents = lines(`${temp.dir}/two/documents.jsonl`).map((line) => JSON.parse(line) as { id: string; metadata: { year: unknown; title: string }; headings: unknown[]; hash: string });
    expect(documents.map((document) => document.id)).toEqual(Array.from({ length: 72 }, (_, index) => `${corpus}#${index + 1}`));
    expect(documents[0]!.metadata.title).toBe('2025年中华人民共和国国务院政府工作报告');
    expect(documents[0]!.headings.length).toBeGreaterThan(5);
    for (const table of ['headings', 'slogans', 'placeholders', 'metrics']) {
      expect(readFileSync(`${temp.dir}/two/${table}.csv`, 'utf8').startsWith('\ufeffdoc_id,')).toBe(true);
    }
    expect(readFileSync(`${temp.dir}/two/errors.jsonl`, 'utf8')).toBe('');
  });

  it('gives byte-identical output with 1 and with 2 jobs', async () => {
    const result = await run(['extract', corpus, '--out', `${temp.dir}/one`, '--jobs', '1']);
    expect(result.code).toBe(0);
    for (const file of ['documents.jsonl', 'headings.csv', 'metrics.csv', 'slogans.csv']) {
      expect(readFileSync(`${temp.dir}/one/${file}`, 'utf8')).toBe(readFileSync(`${temp.dir}/two/${file}`, 'utf8'));
    }
  });

  it('a killed run resumes with --resume: no duplicate, no loss, same output as an uninterrupted run', async () => {
    const out = `${temp.dir}/killed`;
    const partial = `${out}/documents.jsonl.partial`;
    const killed = await run(['extract', corpus, '--out', out, '--jobs', '1'], {
      killWhen: () => existsSync(partial) && statSync(partial).size > 0 && lines(partial).length >= 10,
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(`${out}/documents.jsonl`)).toBe(false); // nothing published by the killed run
    expect(existsSync(`${out}/extract.lock`)).toBe(true); // left by the killed run: stale, its pid is gone

    const resumed = await run(['extract', corpus, '--out', out, '--jobs', '2', '--resume']);
    expect(resumed.code).toBe(0);
    // The kill may land between a document's rows and its checkpoint: that one is redone, the rest kept.
    const skipped = Number(/(\d+) already done/.exec(resumed.stderr)![1]);
    expect(skipped).toBeGreaterThanOrEqual(9);
    expect(resumed.stderr).toMatch(new RegExp(`^extract: ${72 - skipped} analyzed, ${skipped} already done, 0 failed; 0 replaced, 0 dropped;`, 'm'));
    expect(existsSync(`${out}/extract.lock`)).toBe(false);
    const ids = lines(`${out}/documents.jsonl`).map((line) => (JSON.parse(line) as { id: string }).id);
    expect(new Set(ids).size).toBe(72);
    expect(readFileSync(`${out}/documents.jsonl`, 'utf8')).toBe(readFileSync(`${temp.dir}/two/documents.jsonl`, 'utf8'));
    expect(readFileSync(`${out}/metrics.csv`, 'utf8')).toBe(readFileSync(`${temp.dir}/two/metrics.csv`, 'utf8'));
  });
});

describe('gongwen extract on a folder of mixed files', () => {
  it('reads GB18030 text, UTF-8, docx and HTML alike, records a corrupt file, exits 1', async () => {
    const temp = await makeTempDir('gongwen-mixed-');
    try {
      const folder = `${temp.dir}/reports`;
      mkdirSync(`${folder}/sub`, { recursive: true });
      writeFileSync(`${folder}/a-utf8.txt`, readFixture('seed-003'));
      writeFileSync(`${folder}/b-gbk.txt`, encodeWithPython(readFixture('seed-003'), 'gb18030'));
      writeFileSync(`${folder}/sub/c.docx`, await makeDocx([{ text: '关于2022年工作的总结' }, { text: '一、总体情况' }, { text: '召开会议7次，做到“两个维护”。' }]));
      writeFileSync(`${folder}/sub/d.html`, '<!doctype html><html><head><style>p{}</style><script>var x="一、假标题"</script></head><body><p>一、主要做法</p><p>完成xx项任务。</p></body></html>');
      writeFileSync(`${folder}/sub/e-broken.docx`, Buffer.from('PK\u0003\u0004 truncated'));
      const result = await run(['extract', folder, '--out', `${temp.dir}/out`, '--jobs', '2']);
      expect(result.code).toBe(1);
      const documents = lines(`${temp.dir}/out/documents.jsonl`).map((line) => JSON.parse(line) as { id: string; format: string; encoding: string | null; hash: string; headings: Array<{ text: string }> });
      expect(documents.map((document) => [document.id.slice(folder.length + 1), document.format, document.encoding])).toEqual([
        ['a-utf8.txt', 'text', 'utf-8'],
        ['b-gbk.txt', 'text', 'gb18030'],
        ['sub/c.docx', 'docx', null],
        ['sub/d.html', 'html', 'utf-8'],
      ]);
      expect(documents[0]!.hash).toBe(documents[1]!.hash); // the same report in two encodings
      expect(documents[2]!.headings.map((heading) => heading.text)).toEqual(['总体情况']);
      expect(documents[3]!.headings.map((heading) => heading.text)).toEqual(['主要做法']);
      const errors = lines(`${temp.dir}/out/errors.jsonl`).map((line) => JSON.parse(line) as { id: string; error: { code: string } });
      expect(errors).toHaveLength(1);
      expect(errors[0]!.id.endsWith('e-broken.docx')).toBe(true);
      expect(errors[0]!.error.code).toBe('FORMAT');
    } finally {
      await temp.remove();
    }
  });
});
