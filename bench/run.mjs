#!/usr/bin/env node
// The benchmarks of gongwen, each figure against its anchor, in one run. `npm run bench` (builds first).
//
//   node bench/run.mjs [--corpus PATH] [--reports N] [--skip-archive] [--python PATH]
//
// Prints, then sums up as the Markdown table of docs/benchmarks.md:
//   start-up     `gongwen --version` and `gongwen parse` of a seed, against `node -e 0`
//   extract      `gongwen extract --jobs 1` as a whole process over the national archive ×5, against
//                `analyzeJson` over the same texts in one process, and against a researcher's own
//                script (bench/peer.py: Python jieba + a few regexes, jieba's cache warm)
//   words        `analyze` and `parse` with each segmenter, against that segmenter's raw cut
//   words once   keyness, terms and kwic --word over N synthetic reports (default 10,000): the first
//                run (an empty token store) and the next ones, with peak RSS
// Wall-clock figures are medians where it says so; CPU seconds (user + system, every thread) are
// printed beside them, since the machine is shared and its load moves wall time more than CPU time.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeSynthetic } from './synthetic.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
const cli = `${dist}cli/main.js`;
const out = `${root}bench/out/`;
const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    reports: { type: 'string', default: '10000' },
    'skip-archive': { type: 'boolean', default: false },
    python: { type: 'string' },
  },
});
// The national archive is in the repository (fixtures/archive/).
const corpus = values.corpus ?? `${root}fixtures/archive/government_work_reports.jsonl`;
if (!existsSync(corpus)) {
  console.error(`bench: ${corpus} not found (fixtures/archive/ in this repository; or pass --corpus PATH)`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const records = readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const texts = records.map((record) => record.content);
const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const timeIt = (fn, runs = 3) => median(Array.from({ length: runs }, () => { const start = performance.now(); fn(); return (performance.now() - start) / 1000; }));
const line = (label, value) => console.log(`${label.padEnd(64)} ${value}`);
/** Rows of the summary table: what, figure, anchor, ratio, target, met. */
const summary = [];
const target = (what, figure, anchor, ratio, goal, met) => summary.push({ what, figure, anchor, ratio, goal, met: met === undefined ? '' : met ? 'yes' : '**no**' });

// A child reports its own peak RSS and CPU time (every thread) on exit: /usr/bin/time is not everywhere.
const usageHook = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nusage '+u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;
/** Runs `node …args` to its end: wall seconds, CPU seconds, peak RSS in MB, exit status, stderr. */
function runNode(args, options = {}) {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', usageHook, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const seconds = (performance.now() - start) / 1000;
  const usage = /usage (\d+) (\d+)/.exec(result.stderr ?? '');
  return { seconds, cpu: usage ? Number(usage[2]) / 1e6 : NaN, peak: usage ? Number(usage[1]) / 1024 : NaN, status: result.status, stderr: result.stderr ?? '', stdout: result.stdout ?? '' };
}
const s = (seconds) => `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`text: ${records.length} records of ${corpus}, ${megabytes.toFixed(2)} MB UTF-8\n`);

// ------------------------------------------------------------------ start-up
console.log('start-up (wall and CPU, medians of 11, the four commands in turn)');
const small = `${root}fixtures/seed-004.txt`;
/**
 * Wall time from plain runs (the usage hook costs an ES module load of its own); CPU time from hooked runs.
 * The commands take turns, round after round: on a shared machine the load moves between rounds, and
 * each command then meets it alike (run one after the other, `node -e 0` came out slower than `--version`).
 */
const startupCommands = { bare: ['-e', '0'], version: [cli, '--version'], parseSeed: [cli, 'parse', small], analyzeSeed: [cli, 'analyze', small, '--json'] };
const startupRuns = Object.fromEntries(Object.keys(startupCommands).map((name) => [name, { walls: [], cpu: [] }]));
for (let round = 0; round < 11; round++) {
  for (const [name, args] of Object.entries(startupCommands)) {
    const start = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    startupRuns[name].walls.push((performance.now() - start) / 1000);
    startupRuns[name].cpu.push(runNode(args, { stdio: ['ignore', 'ignore', 'pipe'] }).cpu);
  }
}
const [bare, version, parseSeed, analyzeSeed] = Object.values(startupRuns).map((run) => ({ seconds: median(run.walls), cpu: median(run.cpu) }));
line('node -e 0 (the anchor: Node itself)', `${s(bare.seconds)}  (CPU ${s(bare.cpu)})`);
line('gongwen --version', `${s(version.seconds)}  (CPU ${s(version.cpu)}; ${((version.seconds - bare.seconds) * 1000).toFixed(0)} ms over Node)`);
line('gongwen parse seed-004.txt (outline)', `${s(parseSeed.seconds)}  (CPU ${s(parseSeed.cpu)})`);
line('gongwen analyze seed-004.txt --json', `${s(analyzeSeed.seconds)}  (CPU ${s(analyzeSeed.cpu)})`);
const signed = (seconds) => `${seconds < 0 ? '−' : '+'}${Math.abs(seconds * 1000).toFixed(0)} ms`;
const overNode = (run) => `${signed(run.seconds - bare.seconds)} wall, ${signed(run.cpu - bare.cpu)} CPU`;
target('`gongwen --version`', `${s(version.seconds)} (CPU ${s(version.cpu)})`, `\`node -e 0\` ${s(bare.seconds)} (CPU ${s(bare.cpu)})`, overNode(version), '< 0.1 s', version.seconds < 0.1);
target('`gongwen parse seed-004.txt`', `${s(parseSeed.seconds)} (CPU ${s(parseSeed.cpu)})`, `\`node -e 0\` ${s(bare.seconds)} (CPU ${s(bare.cpu)})`, overNode(parseSeed), '< 0.3 s', parseSeed.seconds < 0.3);

// ------------------------------------------------------------------ extract against analyzeJson and the peer
console.log('\nextract: the national archive ×5');
const x5 = `${out}archive-x5.jsonl`;
await writeSynthetic(x5, records.length * 5, records);
const x5megabytes = statSync(x5).size / 1e6;
// analyzeJson over the same texts in one process (its own: the same start as extract's workers, the dictionary loaded by the first call).
const loop = `import { analyzeJson } from '${dist}index.js'; import { readFileSync } from 'node:fs';
const texts = readFileSync(${JSON.stringify(x5)}, 'utf8').split('\\n').filter(Boolean).map((line) => JSON.parse(line).content);
const cpu = process.cpuUsage(); const start = performance.now(); for (const text of texts) analyzeJson(text);
const used = process.cpuUsage(cpu); process.stdout.write(JSON.stringify({ seconds: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 }));`;
const inProcess = [];
const whole = [];
for (let run = 0; run < 3; run++) {
  inProcess.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', loop], { encoding: 'utf8' })));
  rmSync(`${out}extract-x5`, { recursive: true, force: true });
  whole.push(runNode([cli, 'extract', x5, '--out', `${out}extract-x5`, '--jobs', '1']));
}
const analyzeJsonTime = median(inProcess.map((run) => run.seconds));
const analyzeJsonCpu = median(inProcess.map((run) => run.cpu));
const extractTime = median(whole.map((run) => run.seconds));
const extractCpu = median(whole.map((run) => run.cpu));
line(`analyzeJson in one process, ${(x5megabytes).toFixed(1)} MB (median of 3)`, `${s(analyzeJsonTime)}  (CPU ${s(analyzeJsonCpu)})`);
line('gongwen extract --jobs 1, whole process (median of 3)', `${s(extractTime)}  (CPU ${s(extractCpu)}), ${(extractTime / analyzeJsonTime).toFixed(2)}× analyzeJson (CPU ${(extractCpu / analyzeJsonCpu).toFixed(2)}×)`);
target('`gongwen extract --jobs 1`, archive ×5, whole process', s(extractTime), `\`analyzeJson\` in-process ${s(analyzeJsonTime)}`, `${(extractTime / analyzeJsonTime).toFixed(2)}× (CPU ${(extractCpu / analyzeJsonCpu).toFixed(2)}×)`, '≤ 1.3×', extractTime / analyzeJsonTime <= 1.3);

const pythons = [values.python, 'python3', '/usr/bin/python3'].filter(Boolean);
const python = pythons.find((candidate) => spawnSync(candidate, ['-c', 'import jieba'], { stdio: 'ignore' }).status === 0);
if (python === undefined) {
  line('bench/peer.py (Python jieba + regexes)', 'skipped: no python3 with jieba (apt-get install python3-jieba)');
} else {
  // One run first on the plain archive: jieba builds its dictionary cache then ("cache warm").
  spawnSync(python, [`${root}bench/peer.py`, corpus, `${out}peer-warm`], { stdio: 'ignore' });
  const start = performance.now();
  const peer = spawnSync('/bin/sh', ['-c', `time -p ${python} ${root}bench/peer.py ${x5} ${out}peer-x5`], { encoding: 'utf8' });
  const peerTime = (performance.now() - start) / 1000;
  const times = Object.fromEntries([...peer.stderr.matchAll(/^(user|sys) ([\d.]+)/gm)].map((match) => [match[1], Number(match[2])]));
  const peerCpu = (times.user ?? NaN) + (times.sys ?? NaN);
  line('bench/peer.py on the same archive (Python jieba + regexes)', `${s(peerTime)}  (CPU ${s(peerCpu)}), exit ${peer.status}`);
  line('gongwen extract --jobs 1 against it', `${(peerTime / extractTime).toFixed(2)}× faster (CPU ${(peerCpu / extractCpu).toFixed(2)}×)`);
  target('`gongwen extract --jobs 1` against `bench/peer.py`', s(extractTime), `peer.py ${s(peerTime)}`, `${(peerTime / extractTime).toFixed(2)}× faster (CPU ${(peerCpu / extractCpu).toFixed(2)}×)`, '≥ 4×', peerTime / extractTime >= 4);
}
// What the machine allows two threads: the analyzeJson loop in two processes at once, against one alone.
const pair = await Promise.all([0, 1].map(() => new Promise((resolve) => {
  const child = spawn(process.execPath, ['--input-type=module', '-e', loop]);
  let text = '';
  child.stdout.on('data', (chunk) => (text += chunk));
  child.on('close', () => resolve(JSON.parse(text).seconds));
})));
line('two processes at once vs one (the machine’s ceiling for 2 jobs)', `${((2 * analyzeJsonTime) / Math.max(...pair)).toFixed(2)}× the throughput of one`);

// ------------------------------------------------------------------ analyze with words against the raw cut
console.log('\nwords: the segmenters (one thread, the national archive, medians of 3)');
const require = createRequire(import.meta.url);
const nodejieba = require('nodejieba');
nodejieba.cut('预热');
const { Jieba } = require('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict');
const rsJieba = Jieba.withDict(dict);
const lines = texts.flatMap((text) => text.split('\n'));
const { analyze, analyzeJson, parse } = await import(`${dist}index.js`);
// Each segmenter's raw cut, parse and analyze taken in turn, three rounds, medians: a shared machine's load
// moves between one measure and the next, and the ratios are what matter.
const cutWith = { nodejieba: (text) => nodejieba.cut(text, true), 'node-rs-jieba': (text) => rsJieba.cut(text, true) };
const rounds = { nodejieba: { raw: [], parse: [], analyze: [] }, 'node-rs-jieba': { raw: [], parse: [], analyze: [] } };
for (const segmenter of Object.keys(rounds)) analyze('预热。', { segmenter });
for (let round = 0; round < 3; round++) {
  for (const [segmenter, times] of Object.entries(rounds)) {
    times.raw.push(timeIt(() => { for (const text of lines) cutWith[segmenter](text); }, 1));
    times.parse.push(timeIt(() => { for (const text of texts) parse(text, { segmenter }); }, 1));
    times.analyze.push(timeIt(() => { for (const text of texts) analyze(text, { segmenter }); }, 1));
  }
}
const nodejiebaCut = median(rounds.nodejieba.raw);
for (const [segmenter, times] of Object.entries(rounds)) {
  const raw = median(times.raw);
  const parseTime = median(times.parse);
  const analyzeTime = median(times.analyze);
  line(`raw ${segmenter} cut (HMM on, per line)`, `${(megabytes / raw).toFixed(2)} MB/s`);
  line(`parse (${segmenter})`, `${(megabytes / parseTime).toFixed(2)} MB/s, ${(parseTime / raw).toFixed(2)}× its raw cut`);
  line(`analyze (${segmenter})`, `${(megabytes / analyzeTime).toFixed(2)} MB/s, ${(analyzeTime / raw).toFixed(2)}× its raw cut`);
  target(`\`analyze\` with words (${segmenter})`, `${(megabytes / analyzeTime).toFixed(2)} MB/s`, `raw cut ${(megabytes / raw).toFixed(2)} MB/s`, `${(analyzeTime / raw).toFixed(2)}×`, '≤ 1.5×', analyzeTime / raw <= 1.5);
}
const jsonTime = timeIt(() => { for (const text of texts) analyzeJson(text); });
line('analyzeJson (no word level: what extract runs)', `${(megabytes / jsonTime).toFixed(2)} MB/s, ${(jsonTime / nodejiebaCut).toFixed(2)}× the raw nodejieba cut`);
const { decode } = await import(`${dist}archive/decode.js`);
const utf8Files = texts.map((text) => Buffer.from(text, 'utf8'));
const decodeTime = timeIt(() => { for (const file of utf8Files) decode(file); });
line('decode UTF-8, per record', `${(megabytes / decodeTime).toFixed(0)} MB/s`);

// ------------------------------------------------------------------ words once over N reports
if (!values['skip-archive']) {
  const reports = Number(values.reports);
  console.log(`\nwords once: ${reports} synthetic reports (the national archive repeated, numbered in \`copy\`)`);
  const synthetic = `${out}synthetic-${reports}.jsonl`;
  await writeSynthetic(synthetic, reports, records);
  const extracted = `${out}extract-${reports}`;
  if (!existsSync(`${extracted}/documents.jsonl`)) {
    const run = runNode([cli, 'extract', synthetic, '--out', extracted, '--jobs', '2']);
    line(`gongwen extract, ${reports} reports (${(statSync(synthetic).size / 1e6).toFixed(0)} MB), jobs 2 (once, kept)`, `${s(run.seconds)} (CPU ${s(run.cpu)}), peak RSS ${run.peak.toFixed(0)} MB, exit ${run.status}`);
  }
  const store = `${out}words-cache`;
  const analyses = [
    ['keyness --target year>=2013 --reference year<=2012', ['keyness', '--target', 'year>=2013', '--reference', 'year<=2012']],
    ['terms --group year', ['terms', '--group', 'year']],
    ['terms (per report)', ['terms']],
    ['kwic --word 改革', ['kwic', '--word', '改革']],
  ];
  const corpusRun = (args) => runNode([cli, 'corpus', args[0], extracted, ...args.slice(1), '--cache-dir', store, '--out', `${out}corpus-${args[0]}.csv`]);
  rmSync(store, { recursive: true, force: true });
  for (const [label, args] of analyses.slice(0, 2)) {
    rmSync(store, { recursive: true, force: true });
    const first = corpusRun(args);
    line(`corpus ${label}: first run (empty token store)`, `${s(first.seconds)} (CPU ${s(first.cpu)}), peak RSS ${first.peak.toFixed(0)} MB, exit ${first.status}`);
  }
  for (const [label, args] of analyses) {
    const next = corpusRun(args);
    line(`corpus ${label}: next run`, `${s(next.seconds)} (CPU ${s(next.cpu)}), peak RSS ${next.peak.toFixed(0)} MB, exit ${next.status}`);
    target(`\`corpus ${label}\`, ${reports} reports, after the first run`, s(next.seconds), `peak RSS ${next.peak.toFixed(0)} MB`, '', '< 30 s, < 1 GB', next.seconds < 30 && next.peak < 1024 && next.status === 0);
  }
}

// ------------------------------------------------------------------ the table of docs/benchmarks.md
console.log('\n| what | measured | anchor | ratio | target | met |\n| --- | --- | --- | --- | --- | --- |');
for (const row of summary) console.log(`| ${row.what} | ${row.figure} | ${row.anchor} | ${row.ratio} | ${row.goal} | ${row.met} |`);
