/**
 * `gongwen extract INPUT… --out DIR`: an archive into documents.jsonl,
 * errors.jsonl and CSV tables. Exit 0 when every document was analyzed, 1 when
 * any failed (see errors.jsonl), 130 when interrupted (finish with --resume).
 */
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { refuseMissingInputs } from './missing-inputs.js';
import { GongwenError } from '../diagnostics.js';
import { analyzeFiles } from '../archive/analyze-files.js';
import { ExtractWriter, type SkippedRecord } from '../archive/output.js';
import { ENCODING_OPTION, type Command } from './command.js';
import { MAX_SIZE_OPTION, maxBytesOption } from './max-size-option.js';

export const extractCommand: Command = {
  name: 'extract',
  usage: `gongwen extract INPUT… --out DIR [--jobs N] [--resume] [--text-field NAME] [--encoding LABEL]
                                [--stdin-jsonl] [--verbose] [--max-size SIZE] [--raw-csv]
    Analyze files, folders, globs, @lists, .jsonl archives or stdin (-) into DIR/documents.jsonl,
    errors.jsonl, skipped.jsonl and headings/slogans/placeholders/metrics.csv. Exit 1 if any
    document failed. One run per DIR at a time. --verbose lists skipped files, replaced and dropped ids.
    CSV cells starting =, +, -, @ get a leading ' so spreadsheets do not run them (--raw-csv: as they are).`,
  options: {
    ...ENCODING_OPTION,
    ...MAX_SIZE_OPTION,
    out: { type: 'string', short: 'o' },
    jobs: { type: 'string', short: 'j' },
    resume: { type: 'boolean', default: false },
    'text-field': { type: 'string' },
    'stdin-jsonl': { type: 'boolean', default: false },
    segmenter: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    'raw-csv': { type: 'boolean', default: false },
  },
  run: (inputs, values) => runExtract(inputs, values as ExtractCommandOptions),
};

interface ExtractCommandOptions {
  out?: string;
  jobs?: string;
  resume?: boolean;
  'text-field'?: string;
  encoding?: string;
  'stdin-jsonl'?: boolean;
  'max-size'?: string;
  /** Accepted by the argument parser for parse; refused here with a message rather than ignored. */
  segmenter?: string;
  /** List every skipped file, replaced and dropped id on stderr, not only their counts. */
  verbose?: boolean;
  /** CSV cells as they are, formulas included (see archive/csv-formulas.ts). */
  'raw-csv'?: boolean;
}

async function runExtract(inputs: string[], options: ExtractCommandOptions): Promise<number> {
  if (inputs.length === 0) throw new GongwenError('USAGE', 'gongwen extract needs at least one INPUT (file, folder, glob, @list, .jsonl or -)');
  if (!options.out) throw new GongwenError('USAGE', 'gongwen extract needs --out DIR');
  if (options.segmenter) throw new GongwenError('USAGE', 'gongwen extract takes no --segmenter: its output does not depend on words');
  const jobs = options.jobs === undefined ? availableParallelism() : Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 0) throw new GongwenError('USAGE', `--jobs takes a whole number ≥ 0 (0: no worker threads), not "${options.jobs}"`);
  const limits = maxBytesOption(options['max-size']);
  await refuseMissingInputs(inputs);

  const writer = await ExtractWriter.open(options.out, { resume: options.resume ?? false, rawCsv: options['raw-csv'] ?? false });
  const controller = new AbortController();
  const onSignal = () => controller.abort(new GongwenError('USAGE', 'interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const progress = process.stderr.isTTY ? await startProgress(inputs) : null;
  const started = performance.now();
  const counts = { done: 0, skipped: 0, failed: 0, bytes: 0 };
  /** Files the walk passed over: counted, and kept for listing only with --verbose (a walk may pass over many). */
  const passedOver = { count: 0, listed: [] as SkippedRecord[] };
  try {
    const results = analyzeFiles(inputs, {
      jobs,
      serialized: true,
      ...(options['raw-csv'] ? { rawCsv: true } : {}),
      signal: controller.signal,
      ...(options['text-field'] ? { textField: options['text-field'] } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options['stdin-jsonl'] ? { stdinFormat: 'jsonl' as const } : {}),
      ...limits,
      // Only a resumed run has documents to skip: without one, the calling thread need not hash every record (the worker does).
      ...(options.resume ? { skip: ({ id, hash }: { id: string; hash: string }) => writer.isDone(hash, id) } : {}),
      exclude: [options.out],
      onSkip: (skipped) => {
        passedOver.count++;
        if (options.verbose) passedOver.listed.push(skipped);
        // A failed write fails every later one too, and close() rethrows it: nothing is lost by not awaiting here.
        writer.writeSkipped(skipped).catch(() => undefined);
      },
    });
    for await (const result of results) {
      counts.bytes += result.bytes;
      if (result.status === 'done') {
        counts.done++;
        await (result.serialized ? writer.writeSerialized(result.serialized.head, result.serialized.analysis) : writer.writeDocument(result.record));
      } else if (result.status === 'skipped') {
        counts.skipped++;
        await writer.carry(result.id, { source: result.source, metadata: result.metadata, format: result.format, encoding: result.encoding });
      } else {
        counts.failed++;
        await writer.writeError(result.error);
        if (!progress) process.stderr.write(`gongwen: ${result.error.id}: ${result.error.error.message}\n`);
      }
      progress?.update(counts);
    }
    await writer.close();
  } catch (error) {
    await writer.abort();
    progress?.stop();
    if (controller.signal.aborted) {
      process.stderr.write(`gongwen: interrupted after ${counts.done} documents; run again with --resume to finish\n`);
      return 130;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  progress?.stop();
  const seconds = (performance.now() - started) / 1000;
  const megabytes = counts.bytes / 1e6;
  const { replaced, dropped } = writer.summary;
  if (options.verbose) {
    for (const skipped of passedOver.listed) process.stderr.write(`gongwen: skipped ${skipped.id}: ${skipped.reason}\n`);
    for (const id of replaced) process.stderr.write(`gongwen: replaced ${id}: its content changed\n`);
    for (const { id, reason } of dropped) {
      process.stderr.write(`gongwen: dropped ${id}: ${reason === 'gone' ? 'no longer among the inputs' : 'it fails now (see errors.jsonl)'}\n`);
    }
  }
  const resumed = options.resume ? `; ${replaced.length} replaced, ${dropped.length} dropped` : '';
  const passed = passedOver.count > 0 ? `; ${passedOver.count} files skipped (see skipped.jsonl${options.verbose ? '' : ', or --verbose'})` : '';
  process.stderr.write(
    `extract: ${counts.done} analyzed, ${counts.skipped} already done, ${counts.failed} failed${passed}${resumed}; ` +
      `${megabytes.toFixed(1)} MB in ${seconds.toFixed(1)} s (${(megabytes / seconds).toFixed(2)} MB/s, ${jobs} jobs) → ${options.out}\n`,
  );
  const gone = dropped.filter(({ reason }) => reason === 'gone').length;
  if (gone > 0 && counts.done > 0) {
    // Ids are the input paths as written: `reports/` and `/home/me/reports` (or another working
    // folder) name the same files differently, so every earlier record reads as gone and every
    // file as new ("1600 dropped" with all 1,600 present). Say so rather than leave it a riddle.
    process.stderr.write(
      `gongwen: ${gone} earlier documents were not met under their ids; ids are the input paths as written, ` +
        `so resume with the same inputs, spelt the same way, from the same folder as the first run\n`,
    );
  }
  return counts.failed > 0 ? 1 : 0;
}

/**
 * Progress on a terminal. A percentage and an ETA only when the total is known before the run:
 * every input is a file named on the command line. A folder, glob, @list or stdin is walked while
 * the documents are analysed, so its total is unknown until the end; the bar used to take the
 * bytes found so far as the total and showed 100% and "ETA 0s" from the 20th of 1,600 documents
 * on. For those it shows an honest count (documents, MB, rate) and no percentage.
 */
async function startProgress(inputs: string[]): Promise<{ update(counts: { done: number; skipped: number; failed: number; bytes: number }): void; stop(): void }> {
  const total = await knownTotalBytes(inputs);
  const documents = '{documents} docs ({failed} failed)';
  // Loaded here: only a run on a terminal shows a bar.
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({
    format:
      total === null
        ? `${documents} | {value} MB | {rate} MB/s | total not known while the inputs are walked`
        : `{bar} {percentage}% | ${documents} | {value} of {total} MB | {rate} MB/s | ETA {eta_formatted}`,
    hideCursor: true,
    stream: process.stderr,
  });
  const started = performance.now();
  const toMegabytes = (bytes: number) => Math.round(bytes / 1e5) / 10;
  bar.start(total === null ? 0 : Math.max(0.1, toMegabytes(total)), 0, { documents: 0, failed: 0, rate: '0' });
  return {
    update(counts) {
      const megabytes = toMegabytes(counts.bytes);
      const rate = megabytes / ((performance.now() - started) / 1000);
      bar.update(megabytes, { documents: counts.done + counts.skipped + counts.failed, failed: counts.failed, rate: rate.toFixed(2) });
    },
    stop: () => bar.stop(),
  };
}

/** The summed size of the inputs when every one is a plain file, else null (folders, globs, @lists and stdin are found as the run goes). */
export async function knownTotalBytes(inputs: readonly string[]): Promise<number | null> {
  let total = 0;
  for (const input of inputs) {
    if (input === '-' || input.startsWith('@')) return null;
    try {
      const info = await stat(input);
      if (!info.isFile()) return null;
      total += info.size;
    } catch {
      return null; // a glob
    }
  }
  return total;
}
