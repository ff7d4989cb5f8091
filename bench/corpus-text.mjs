#!/usr/bin/env node
// The corpus text analyses (keyness, terms, reuse) on a synthetic archive of N reports
// (default 10,000) made, as in bench/run.mjs, by repeating the shared government reports;
// each analysis in its own process, timed, with that process's peak RSS. Also the load
// time of natural's root against the submodules we use, and what each prints on stdout.
//
//   npm run build && node bench/corpus-text.mjs [--reports N] [--only reuse,keyness,terms,terms-per-report]
//
// The corpus streams the JSON Lines file (one pass = one read of the file); `analysis` is
// not computed (these three never read it; the corpus throws if one does).
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { writeSynthetic } from './synthetic.mjs';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
const shared = fileURLToPath(new URL('../fixtures/archive/government_work_reports.jsonl', import.meta.url));
const out = `${root}bench/out/`;
const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '10000' },
    only: { type: 'string', default: 'natural,reuse,keyness,terms,terms-per-report' },
    child: { type: 'string' },
    archive: { type: 'string' },
  },
});

if (values.child) {
  await runChild(values.child, values.archive);
} else {
  await runParent();
}

async function runParent() {
  if (!existsSync(shared)) {
    console.error(`bench: ${shared} not found (fixtures/archive/ in this repository)`);
    process.exit(2);
  }
  if (!existsSync(`${dist}corpus/analyses/reuse.js`)) {
    console.error('bench: build first (npm run build)');
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  const reports = Number(values.reports);
  const archive = `${out}synthetic-${reports}.jsonl`;
  await writeSynthetic(archive, reports, readFileSync(shared, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)));
  const megabytes = statSync(archive).size / 1e6;
  const only = new Set(values.only.split(','));
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  console.log(`archive: ${reports} reports, ${megabytes.toFixed(0)} MB of JSON Lines (${archive})\n`);

  if (only.has('natural')) {
    for (const [label, specifier] of [
      ['natural (package root)', 'natural'],
      ['natural/lib/natural/tfidf/tfidf.js', 'natural/lib/natural/tfidf/tfidf.js'],
      ['natural/lib/natural/distance/dice_coefficient.js', 'natural/lib/natural/distance/dice_coefficient.js'],
    ]) {
      const times = [];
      let stdout = '';
      for (let run = 0; run < 3; run++) {
        const child = spawnSync(process.execPath, ['-e', `const t = process.hrtime.bigint(); require(${JSON.stringify(specifier)}); process.stderr.write(String(Number(process.hrtime.bigint() - t) / 1e6));`], { cwd: root, encoding: 'utf8' });
        times.push(Number(child.stderr));
        stdout = child.stdout;
      }
      times.sort((a, b) => a - b);
      console.log(`${`load ${label}`.padEnd(60)} ${times[1].toFixed(0)} ms (median of 3), ${Buffer.byteLength(stdout)} bytes on stdout`);
    }
    console.log('');
  }

  for (const name of ['reuse', 'keyness', 'terms', 'terms-per-report']) {
    if (!only.has(name)) continue;
    const start = performance.now();
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, '--archive', archive], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const seconds = (performance.now() - start) / 1000;
    const peak = Number(/maxRSS (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1024;
    const summary = child.stderr.split('\n').find((line) => line.startsWith('result:')) ?? child.stderr.trim().split('\n').slice(-3).join(' | ');
    console.log(`${name.padEnd(18)} ${seconds.toFixed(1).padStart(6)} s  ${(megabytes / seconds).toFixed(1).padStart(5)} MB/s  peak RSS ${peak.toFixed(0)} MB  exit ${child.status}  ${summary}`);
  }
}

/** One analysis over the archive, in this process; reports on stderr (stdout stays empty). */
async function runChild(name, archive) {
  process.on('exit', () => process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\n`));
  const corpus = jsonlCorpus(archive);
  const phases = [];
  const start = performance.now();
  let rows;
  if (name === 'reuse') {
    const { findReuse } = await import(`${dist}corpus/analyses/reuse.js`);
    const result = await findReuse(corpus);
    const reused = result.documents.rows.reduce((sum, row) => sum + row.reused_characters, 0);
    const characters = result.documents.rows.reduce((sum, row) => sum + row.characters, 0);
    rows = `${result.passages.rows.length} reused paragraphs, ${(100 * reused / characters).toFixed(1)} % of the text`;
  } else if (name === 'keyness') {
    const { keynessAnalysis } = await import(`${dist}corpus/analyses/keyness.js`);
    const options = keynessAnalysis.fromFlags({ target: 'year>=2013', reference: 'year>=1978 and year<=2012' }, []);
    const table = await keynessAnalysis.run(corpus, options);
    rows = `${table.rows.length} rows, top ${table.rows[0]?.word}`;
  } else if (name === 'terms' || name === 'terms-per-report') {
    const { termsAnalysis } = await import(`${dist}corpus/analyses/terms.js`);
    const options = termsAnalysis.fromFlags(name === 'terms' ? { group: 'year' } : {}, []);
    const table = await termsAnalysis.run(corpus, options);
    rows = `${table.rows.length} rows${name === 'terms' ? ' (--group year)' : ' (per report)'}`;
  } else {
    throw new Error(`unknown analysis ${name}`);
  }
  phases.push(`${((performance.now() - start) / 1000).toFixed(1)} s in the analysis, ${corpus.passes} passes`);
  process.stderr.write(`result: ${rows}; ${phases.join(', ')}\n`);
}

/** A Corpus streaming a JSON Lines file: each pass reads the file again. */
function jsonlCorpus(path) {
  const corpus = {
    passes: 0,
    async *documents() {
      corpus.passes++;
      const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
      let line = 0;
      for await (const text of lines) {
        line++;
        if (text.trim() === '') continue;
        const { content, ...metadata } = JSON.parse(text);
        yield {
          id: `${path}#${line}`,
          metadata,
          get analysis() {
            // These analyses never read it; were one to, the timing would leave out analyzeJson: fail instead.
            throw new Error('bench: an analysis read `analysis`, which this corpus does not compute');
          },
          text: async () => content,
        };
      }
    },
  };
  return corpus;
}

