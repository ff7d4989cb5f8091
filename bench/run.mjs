#!/usr/bin/env node
// Benchmarks for gongwen on the shared archive. Run with `npm run bench` (builds first).
//
//   node bench/run.mjs [--reports N] [--skip-archive]
//
// Prints, in one run: raw segmenter throughput (cut only, same text), analyze
// throughput in one thread, analyzeFiles with 1 and 2 jobs, the start-up time
// of `gongwen analyze` on a small file, and a run of `gongwen extract` over a
// synthetic archive of N reports (default 10,000) made by repeating the shared
// one, with its peak RSS. Figures are medians of 3 where it says so.
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
const corpus = fileURLToPath(new URL('../../shared/corpora/government_work_reports.jsonl', import.meta.url));
const out = `${root}bench/out/`;
const { values } = parseArgs({ options: { reports: { type: 'string', default: '10000' }, 'skip-archive': { type: 'boolean', default: false } } });
if (!existsSync(corpus)) {
  console.error(`bench: ${corpus} not found (the shared archive sits beside this repository)`);
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

// --- analyze in this thread
const { analyze, parse } = await import(`${dist}index.js`);
analyze('预热。', { segmenter: 'nodejieba' });
analyze('预热。', { segmenter: 'node-rs-jieba' });
for (const segmenter of ['nodejieba', 'node-rs-jieba']) {
  const parseTime = timeIt(() => { for (const text of texts) parse(text, { segmenter }); });
  const analyzeTime = timeIt(() => { for (const text of texts) analyze(text, { segmenter }); });
  const raw = segmenter === 'nodejieba' ? nodejiebaCut : rsCut;
  row(`parse, 1 thread (${segmenter})`, `${(megabytes / parseTime).toFixed(2)} MB/s  (${(parseTime / raw).toFixed(2)}× raw cut)`);
  row(`analyze, 1 thread (${segmenter})`, `${(megabytes / analyzeTime).toFixed(2)} MB/s  (${(analyzeTime / raw).toFixed(2)}× raw cut)`);
}

// --- analyzeFiles over the archive with 1 and 2 jobs (worker threads load their segmenter once)
const { analyzeFiles } = await import(`${dist}archive/analyze-files.js`);
const archiveRun = async (jobs) => {
  const start = performance.now();
  let count = 0;
  for await (const result of analyzeFiles([corpus], { jobs })) if (result.status === 'done') count++;
  return { seconds: (performance.now() - start) / 1000, count };
};
const one = await archiveRun(1);
const two = await archiveRun(2);
row(`analyzeFiles, jobs 1 (${one.count} docs)`, `${(megabytes / one.seconds).toFixed(2)} MB/s`);
row(`analyzeFiles, jobs 2 (${two.count} docs, incl. worker start-up)`, `${(megabytes / two.seconds).toFixed(2)} MB/s  (${(one.seconds / two.seconds).toFixed(2)}× jobs 1)`);

// --- start-up of the CLI on one small file
const small = `${root}fixtures/seed-004.txt`;
const startup = median(Array.from({ length: 5 }, () => {
  const start = performance.now();
  execFileSync(process.execPath, [`${dist}cli/main.js`, 'analyze', small, '--json'], { stdio: 'ignore' });
  return (performance.now() - start) / 1000;
}));
row('gongwen analyze seed-004.txt --json (wall, median of 5)', `${startup.toFixed(2)} s`);
const startupRs = median(Array.from({ length: 5 }, () => {
  const start = performance.now();
  execFileSync(process.execPath, [`${dist}cli/main.js`, 'analyze', small, '--json', '--segmenter', 'node-rs-jieba'], { stdio: 'ignore' });
  return (performance.now() - start) / 1000;
}));
row('  same with --segmenter node-rs-jieba', `${startupRs.toFixed(2)} s`);

// --- a synthetic archive of N reports through `gongwen extract --jobs 2`, peak RSS of that process
if (!values['skip-archive']) {
  const reports = Number(values.reports);
  const synthetic = `${out}synthetic-${reports}.jsonl`;
  if (!existsSync(synthetic)) {
    const stream = createWriteStream(synthetic);
    for (let i = 0; i < reports; i++) {
      const record = records[i % records.length];
      if (!stream.write(JSON.stringify({ ...record, copy: Math.floor(i / records.length) }) + '\n')) await new Promise((resolve) => stream.once('drain', resolve));
    }
    await new Promise((resolve) => stream.end(resolve));
  }
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
