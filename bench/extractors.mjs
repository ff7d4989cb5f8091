#!/usr/bin/env node
// Benchmark of the per-paragraph extractors on the national archive (fixtures/archive/), with an output snapshot.
//
//   npx tsc -p tsconfig.build.json && node bench/extractors.mjs [--runs 5] [--corpus all] [--snapshot PATH] [--update] [--dist DIR]
//
// Imports the compiled modules from dist/extract (it builds nothing), splits every record of
// the archive into paragraphs (lines) and times findSlogans, findPlaceholders and findMetrics
// separately over all of them: median of --runs runs, in ms per MB of UTF-8 text. findMetrics
// gets what analyze() gives it: the paragraph's sentences (split after 。！？；) and the
// slogans' spans as `exclude` (computed outside the timing).
//
// It also writes every output to a JSON snapshot (default /tmp/extractors-before.json) on
// the first run, or compares against it on later runs and prints IDENTICAL or the first
// difference. --update rewrites the snapshot. --corpus all adds cpc_congress_reports.jsonl
// (more text for the comparison; the figures then cover both files). --dist times another
// build of the same modules (an older checkout's dist/, for a before/after on one machine).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpora = fileURLToPath(new URL('../fixtures/archive/', import.meta.url));
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    corpus: { type: 'string', default: 'gwr' },
    snapshot: { type: 'string' },
    update: { type: 'boolean', default: false },
    dist: { type: 'string', default: `${root}dist` },
  },
});
const runs = Number(values.runs);
const files = ['government_work_reports.jsonl', ...(values.corpus === 'all' ? ['cpc_congress_reports.jsonl'] : [])];
const snapshotPath = values.snapshot ?? (values.corpus === 'all' ? '/tmp/extractors-before-all.json' : '/tmp/extractors-before.json');

const { findSlogans } = await import(`${values.dist}/extract/slogans.js`);
const { findPlaceholders } = await import(`${values.dist}/extract/placeholders.js`);
const { findMetrics } = await import(`${values.dist}/extract/metrics.js`);

// --- paragraphs, with their absolute offsets in the record
const texts = files.flatMap((file) =>
  readFileSync(`${corpora}${file}`, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).content),
);
const paragraphs = [];
for (const text of texts) {
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') paragraphs.push({ text: line, offset: start, sentences: sentencesOf(line, start) });
    start += line.length + 1;
  }
}
const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;

function sentencesOf(line, offset) {
  const sentences = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if ('。！？；'.includes(line[i])) {
      sentences.push({ start: offset + start, end: offset + i + 1 });
      start = i + 1;
    }
  }
  if (start < line.length) sentences.push({ start: offset + start, end: offset + line.length });
  return sentences;
}

// What analyze() passes as `exclude`: the slogans' spans.
for (const paragraph of paragraphs) {
  paragraph.exclude = findSlogans(paragraph.text, paragraph.offset).slogans.map((s) => ({ start: s.offset, end: s.offset + s.length }));
}

// --- timing
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const extractors = {
  findSlogans: (p) => findSlogans(p.text, p.offset),
  findPlaceholders: (p) => findPlaceholders(p.text, p.offset),
  findMetrics: (p) => findMetrics(p.text, p.offset, p.sentences, { sectionRole: 'other', exclude: p.exclude }),
};
let sink = 0;
const time = (fn) => {
  const start = performance.now();
  for (const paragraph of paragraphs) sink += fn(paragraph) === null ? 1 : 0;
  return performance.now() - start;
};
for (let round = 0; round < 2; round++) for (const fn of Object.values(extractors)) time(fn); // warm-up
console.log(`node ${process.version}; ${texts.length} records, ${paragraphs.length} paragraphs, ${megabytes.toFixed(2)} MB UTF-8; median of ${runs}`);
let total = 0;
for (const [name, fn] of Object.entries(extractors)) {
  const ms = median(Array.from({ length: runs }, () => time(fn)));
  total += ms;
  console.log(`${name.padEnd(18)} ${(ms / megabytes).toFixed(2).padStart(7)} ms/MB  ${(megabytes / (ms / 1000)).toFixed(1).padStart(7)} MB/s`);
}
console.log(`${'together'.padEnd(18)} ${(total / megabytes).toFixed(2).padStart(7)} ms/MB  ${(megabytes / (total / 1000)).toFixed(1).padStart(7)} MB/s`);
if (sink < 0) console.log(sink);

// --- snapshot: one line of JSON per paragraph
const lines = paragraphs.map((p) =>
  JSON.stringify({
    offset: p.offset,
    slogans: extractors.findSlogans(p),
    placeholders: extractors.findPlaceholders(p),
    metrics: extractors.findMetrics(p),
  }),
);
if (!existsSync(snapshotPath) || values.update) {
  writeFileSync(snapshotPath, `${lines.join('\n')}\n`);
  console.log(`snapshot written to ${snapshotPath} (${lines.length} paragraphs)`);
} else {
  const before = readFileSync(snapshotPath, 'utf8').split('\n');
  before.pop();
  let difference = -1;
  for (let i = 0; i < Math.max(before.length, lines.length); i++) {
    if (before[i] !== lines[i]) {
      difference = i;
      break;
    }
  }
  if (difference < 0) {
    console.log(`snapshot: IDENTICAL (${lines.length} paragraphs, ${snapshotPath})`);
  } else {
    console.log(`snapshot: DIFFERENT at paragraph ${difference}: ${paragraphs[difference]?.text.slice(0, 120)}`);
    const a = before[difference] ?? '';
    const b = lines[difference] ?? '';
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    console.log(`  before: …${a.slice(Math.max(0, at - 80), at + 160)}`);
    console.log(`  after:  …${b.slice(Math.max(0, at - 80), at + 160)}`);
    process.exitCode = 1;
  }
}
