#!/usr/bin/env node
// Times of every `gongwen corpus` analysis over a synthetic archive (default 10,000 reports, the
// shared 政府工作报告 repeated, each copy numbered in `copy`, as bench/run.mjs makes it), with
// the peak RSS of each run. Run after `npm run build`:
//
//   node bench/corpus.mjs [--reports N] [--raw]
//
// Each analysis runs as the CLI (a fresh process, start-up included) over the output of
// `gongwen extract` (made once, kept in bench/out/). --raw also times slogans straight over the
// .jsonl archive: once with a cold extraction cache (extraction included) and once warm.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { writeSynthetic } from './synthetic.mjs';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli/main.js`;
const corpus = fileURLToPath(new URL('../fixtures/archive/government_work_reports.jsonl', import.meta.url));
const out = `${root}bench/out/`;
const { values } = parseArgs({ options: { reports: { type: 'string', default: '10000' }, raw: { type: 'boolean', default: false } } });
if (!existsSync(corpus)) {
  console.error(`bench: ${corpus} not found (fixtures/archive/ in this repository)`);
  process.exit(2);
}
if (!existsSync(cli)) {
  console.error('bench: run npm run build first');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const reports = Number(values.reports);
const synthetic = `${out}synthetic-${reports}.jsonl`;
await writeSynthetic(synthetic, reports, readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)));
const extracted = `${out}corpus-extract-${reports}`;
// The child reports its own peak RSS (worker threads included) on exit.
const rssHook = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS '+process.resourceUsage().maxRSS+'\\n'))`;

function timed(args, env = {}) {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', rssHook, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const seconds = (performance.now() - start) / 1000;
  const peak = Number(/maxRSS (\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024;
  if (result.status !== 0) console.error(result.stderr.split('\n')[0]);
  return { seconds, peak, status: result.status, stderr: result.stderr };
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
console.log(`archive: ${reports} reports, ${(statSync(synthetic).size / 1e6).toFixed(0)} MB (${synthetic})`);
if (!existsSync(`${extracted}/documents.jsonl`)) {
  const run = timed(['extract', synthetic, '--out', extracted, '--jobs', '2']);
  console.log(`extract (once, --jobs 2): ${run.seconds.toFixed(0)} s, peak RSS ${run.peak.toFixed(0)} MB`);
}
console.log(`documents.jsonl: ${(statSync(`${extracted}/documents.jsonl`).size / 1e6).toFixed(0)} MB\n`);

const row = (label, run, rows) => console.log(`${label.padEnd(72)} ${run.seconds.toFixed(1).padStart(6)} s  ${run.peak.toFixed(0).padStart(5)} MB  ${rows}`);
const analyses = [
  ['slogans --top 20 (reads every text: characters per group)', ['slogans', extracted, '--top', '20']],
  ['metrics --subject 国内生产总值 --stance target --comparison 增长', ['metrics', extracted, '--subject', '国内生产总值', '--stance', 'target', '--comparison', '增长']],
  ['targets --series copy', ['targets', extracted, '--series', 'copy']],
  ['kwic --formula 两个维护 (texts of matching reports)', ['kwic', extracted, '--formula', '两个维护']],
  ['kwic --word 改革 (every text)', ['kwic', extracted, '--word', '改革']],
  ['compare --a "copy=138,year=2024" --b "copy=138,year=2025" (to the last copy)', ['compare', extracted, '--a', `copy=${Math.floor((reports - 1) / 72)},year=2024`, '--b', `copy=${Math.floor((reports - 1) / 72)},year=2025`]],
];
console.log(`${'analysis (gongwen corpus …, CSV to a file)'.padEnd(72)} ${'time'.padStart(8)}  ${'peak RSS'.padStart(8)}  rows`);
for (const [label, args] of analyses) {
  const target = `${out}corpus-${args[0]}.csv`;
  const run = timed(['corpus', ...args, '--out', target]);
  row(label, run, /(\d+) rows/.exec(run.stderr)?.[1] ?? `exit ${run.status}`);
}

if (values.raw) {
  const cache = `${out}corpus-cache`;
  rmSync(cache, { recursive: true, force: true });
  const cold = timed(['corpus', 'slogans', synthetic, '--top', '20', '--cache-dir', cache, '--jobs', '2', '--out', `${out}corpus-raw.csv`]);
  row('slogans over the raw .jsonl, cold cache (extraction, --jobs 2)', cold, /(\d+) rows/.exec(cold.stderr)?.[1] ?? `exit ${cold.status}`);
  const warm = timed(['corpus', 'slogans', synthetic, '--top', '20', '--cache-dir', cache, '--jobs', '2', '--out', `${out}corpus-raw.csv`]);
  row('slogans over the raw .jsonl, warm cache', warm, /(\d+) rows/.exec(warm.stderr)?.[1] ?? `exit ${warm.status}`);
}

