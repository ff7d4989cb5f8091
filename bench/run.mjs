#!/usr/bin/env node
// Benchmarks for gongwen on the national archive (fixtures/archive/). Run with `npm run bench` (builds first).
//
//   node bench/run.mjs [--reports N] [--skip-archive]
//
// Prints, in one run: decoding throughput, raw segmenter throughput (cut only, same text), parse,
// analyze and analyzeJson throughput in one thread, analyzeFiles with 1 and 2
// worker threads (and the two-process ceiling of this machine), the start-up time
// of `gongwen analyze` on a small file, and a run of `gongwen extract` over a
// synthetic archive of N reports (default 10,000) made by repeating the shared
// one, with its peak RSS. Figures are medians of 3 where it says so.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { writeSynthetic } from './synthetic.mjs';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
const corpus = fileURLToPath(new URL('../fixtures/archive/government_work_reports.jsonl', import.meta.url));
const out = `${root}bench/out/`;
const { values } = parseArgs({ options: { reports: { type: 'string', default: '10000' }, 'skip-archive': { type: 'boolean', default: false } } });
if (!existsSync(corpus)) {
  console.error(`bench: ${corpus} not found (fixtures/archive/ in this repository)`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const records = readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const texts = records.map((record) => record.content);
const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const timeIt = (fn, runs = 3) => median(Array.from({ length: runs }, () => { const start = performance.now(); fn(); return (performance.now() - start) / 1000; }));
const row = (label, value) => console.log(`${label.padEnd(52)} ${value}`);

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
console.log(`text: ${records.length} records of government_work_reports.jsonl, ${megabytes.toFixed(2)} MB UTF-8\n`);

// --- raw segmenters: cut only, one call per line, HMM on (as gongwen cuts)
const require = createRequire(import.meta.url);
const nodejieba = require('nodejieba');
nodejieba.cut('预热');
const lines = texts.flatMap((text) => text.split('\n'));
const nodejiebaCut = timeIt(() => { for (const line of lines) nodejieba.cut(line, true); });
row('raw nodejieba cut (HMM on, per line)', `${(megabytes / nodejiebaCut).toFixed(2)} MB/s`);
const { Jieba } = require('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict');
const rsJieba = Jieba.withDict(dict);
const rsCut = timeIt(() => { for (const line of lines) rsJieba.cut(line, true); });
row('raw @node-rs/jieba cut (HMM on, per line)', `${(megabytes / rsCut).toFixed(2)} MB/s`);

// --- decoding (what extract does before analysis): UTF-8 and GB18030 bytes of the same text, per record
const { decode } = await import(`${dist}archive/decode.js`);
const utf8Files = texts.map((text) => Buffer.from(text, 'utf8'));
// Node cannot encode GB18030; python3 (on every machine of this project) can. Records are joined by NUL, absent from both.
const gbBytes = execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gb18030"))'], { input: texts.join('\0'), maxBuffer: 1 << 28 });
const gbFiles = [];
for (let start = 0; start <= gbBytes.length; ) {
  const end = gbBytes.indexOf(0, start);
  gbFiles.push(gbBytes.subarray(start, end === -1 ? gbBytes.length : end));
  start = end === -1 ? gbBytes.length + 1 : end + 1;
}
for (const [label, files] of [['UTF-8', utf8Files], ['GB18030 (detected with chardet)', gbFiles]]) {
  const bytes = files.reduce((sum, file) => sum + file.length, 0) / 1e6;
  const seconds = timeIt(() => { for (const file of files) decode(file); });
  row(`decode ${label}, ${files.length} files`, `${(bytes / seconds).toFixed(0)} MB/s`);
}

// --- analyze in this thread
const { analyze, analyzeJson, parse } = await import(`${dist}index.js`);
analyze('预热。', { segmenter: 'nodejieba' });
analyze('预热。', { segmenter: 'node-rs-jieba' });
for (const segmenter of ['nodejieba', 'node-rs-jieba']) {
  const parseTime = timeIt(() => { for (const text of texts) parse(text, { segmenter }); });
  const analyzeTime = timeIt(() => { for (const text of texts) analyze(text, { segmenter }); });
  const raw = segmenter === 'nodejieba' ? nodejiebaCut : rsCut;
  row(`parse, 1 thread (${segmenter})`, `${(megabytes / parseTime).toFixed(2)} MB/s  (${(parseTime / raw).toFixed(2)}× raw cut)`);
  row(`analyze, 1 thread (${segmenter})`, `${(megabytes / analyzeTime).toFixed(2)} MB/s  (${(analyzeTime / raw).toFixed(2)}× raw cut)`);
}
const jsonTime = timeIt(() => { for (const text of texts) analyzeJson(text); });
row('analyzeJson, 1 thread (no word level)', `${(megabytes / jsonTime).toFixed(2)} MB/s  (${(jsonTime / nodejiebaCut).toFixed(2)}× raw nodejieba cut)`);

// --- analyzeFiles over a 5× archive with 1 and 2 worker threads (start-up included)
const x5 = `${out}archive-x5.jsonl`;
await writeSynthetic(x5, records.length * 5, records);
const x5megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) * 5 / 1e6;
const { analyzeFiles } = await import(`${dist}archive/analyze-files.js`);
const archiveRun = async (jobs) => {
  const start = performance.now();
  let count = 0;
  for await (const result of analyzeFiles([x5], { jobs })) if (result.status === 'done') count++;
  return { seconds: (performance.now() - start) / 1000, count };
};
const one = await archiveRun(1);
const two = await archiveRun(2);
row(`analyzeFiles, 1 worker (${one.count} docs, ${x5megabytes.toFixed(1)} MB)`, `${(x5megabytes / one.seconds).toFixed(2)} MB/s`);
row(`analyzeFiles, 2 workers`, `${(x5megabytes / two.seconds).toFixed(2)} MB/s  (${(one.seconds / two.seconds).toFixed(2)}× 1 worker)`);
// What this machine allows: the same analyzeJson loop in one process, then in two processes at once.
const loop = `import { analyzeJson } from '${dist}index.js'; import { readFileSync } from 'node:fs';
const texts = readFileSync('${corpus}', 'utf8').split('\\n').filter(Boolean).map((line) => JSON.parse(line).content);
analyzeJson('预热。'); const start = performance.now(); for (let k = 0; k < 3; k++) for (const text of texts) analyzeJson(text);
console.log(performance.now() - start);`;
const alone = Number(execFileSync(process.execPath, ['--input-type=module', '-e', loop], { encoding: 'utf8' }));
const pair = await Promise.all([0, 1].map(() => new Promise((resolve) => {
  const child = spawn(process.execPath, ['--input-type=module', '-e', loop]);
  let text = '';
  child.stdout.on('data', (chunk) => (text += chunk));
  child.on('close', () => resolve(Number(text)));
})));
row('two processes at once vs one (hardware ceiling)', `${((2 * alone) / Math.max(...pair)).toFixed(2)}× the throughput of one`);

// --- start-up of the CLI on one small file
const small = `${root}fixtures/seed-004.txt`;
const startup = median(Array.from({ length: 5 }, () => {
  const start = performance.now();
  execFileSync(process.execPath, [`${dist}cli/main.js`, 'analyze', small, '--json'], { stdio: 'ignore' });
  return (performance.now() - start) / 1000;
}));
row('gongwen analyze seed-004.txt --json (wall, median of 5; no segmenter loaded)', `${startup.toFixed(2)} s`);
const startupParse = median(Array.from({ length: 5 }, () => {
  const start = performance.now();
  execFileSync(process.execPath, [`${dist}cli/main.js`, 'parse', small], { stdio: 'ignore' });
  return (performance.now() - start) / 1000;
}));
row('gongwen parse seed-004.txt (outline, wall, median of 5)', `${startupParse.toFixed(2)} s`);

// --- a synthetic archive of N reports through `gongwen extract --jobs 2`, peak RSS of that process
if (!values['skip-archive']) {
  const reports = Number(values.reports);
  const synthetic = `${out}synthetic-${reports}.jsonl`;
  await writeSynthetic(synthetic, reports, records);
  const size = statSync(synthetic).size / 1e6;
  rmSync(`${out}extract`, { recursive: true, force: true });
  const start = performance.now();
  // /usr/bin/time is not everywhere: the child reports its own peak RSS (worker threads included) on exit.
  const result = spawnSync(process.execPath, ['--import', `data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS '+process.resourceUsage().maxRSS+'\\n'))`, `${dist}cli/main.js`, 'extract', synthetic, '--out', `${out}extract`, '--jobs', '2'], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  const peak = Number(/maxRSS (\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024;
  row(`gongwen extract, ${reports} reports (${size.toFixed(0)} MB), jobs 2`, `${(size / seconds).toFixed(2)} MB/s, ${seconds.toFixed(0)} s, peak RSS ${peak.toFixed(0)} MB, exit ${result.status}`);
  console.log(result.stderr.split('\n').filter((line) => line.startsWith('extract:')).join('\n'));
}

