/**
 * analyzeFiles: the archive pipeline behind `gongwen extract`, as an API.
 *
 *   inputs ─▶ expandInputs (files, folders, globs, @lists, stdin, .jsonl records)   calling thread
 *          ─▶ load + decode + hash, skip?, analyze (analyze-worker.ts)              `jobs` worker threads
 *          ─▶ results in input order, whatever the parallelism                      calling thread
 *
 * The calling thread only reads the inputs (a file is sent as its path, a
 * .jsonl record as its text) and hands the results over: reading and decoding
 * a document, docx and PDF parsing included, run in the workers alongside the
 * analysis. A source that failed before loading (a missing file, a record
 * that is not JSON) never reaches a worker. `jobs` 0 runs the same worker
 * module in the calling thread, and so does `jobs` 1 for a document known to be
 * small (IN_CALLING_THREAD_MAX_BYTES): one thread of analysis either way, without
 * a second heap, module graph and slogan dictionary, or a copy of each text
 * there and of each result back. That thread cost ~1 s of CPU over the
 * national archive ×5 (360 documents), a quarter of the whole run. A larger
 * document goes to a worker thread, started when the first one is met: there
 * a document that exhausts memory (a hostile outline takes ~1,400× its size)
 * fails alone instead of ending the run.
 *
 * `skip` (`--resume`) needs the hash, computed where the text is:
 * - a .jsonl record's text is in the calling thread already (JSON.parse put
 *   it there): it is hashed and `skip` decided there, and a skipped record is
 *   not sent at all;
 * - a file's text only exists once the worker has decoded it: the worker
 *   hashes it and asks `skip` (questions.ts) before analysing it, so a file
 *   already done is decoded again, never analysed again.
 * Asking for every record instead would cost more than hashing it here: on
 * bench/out/archive-x5.jsonl (360 records, `--jobs 1`), hashing takes ~20 ms
 * of the calling thread; asking took ~40 ms of it and ~0.25 s of wall time,
 * the worker waiting for each answer.
 *
 * A document that fails to load or to analyze is a result with an `error`;
 * the run goes on.
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DocumentFormat } from './formats.js';
import { contentHash } from './hash.js';
import { resolveMaxBytes } from './limits.js';
import { expandInputs, type DocumentSource, type InputOptions, type SourceTask } from './inputs.js';
import { errorInfo, parseSerializedAnalysis, type DocumentHead, type DocumentRecord, type ErrorRecord, type SerializedAnalysis } from './output.js';
import { runOrdered, type Outcome, type WorkerModule } from './pool.js';
import type { AnalyzeResult, AnalyzeTask, SkipQuestion } from './analyze-worker.js';
import type { AnalysisJson, WarningRecord } from '../extract/types.js';

export interface AnalyzeFilesOptions extends InputOptions {
  /** Worker threads (long-lived); 0 analyzes in the calling thread. Default: 1. */
  jobs?: number;
  signal?: AbortSignal;
  /** Documents to skip without analyzing them (e.g. already done, by hash). Called in the calling thread, before the analysis. */
  skip?: (document: { id: string; hash: string }) => boolean;
  /** The size limit of one document, in bytes (limits.ts; default 64 MiB): a larger one is a TOO_LARGE failure, and the run goes on. */
  maxBytes?: number;
  /**
   * Serialize each analysis for the outputs where it is made (`serialized` of a done result, for
   * ExtractWriter.writeSerialized): the calling thread then never rebuilds it as objects, and
   * `record` is parsed from it only if read. What `gongwen extract` uses.
   */
  serialized?: boolean;
  /** With `serialized`: CSV cells as they are (--raw-csv), not made inert for spreadsheets. */
  rawCsv?: boolean;
}

export type FileResult =
  | { status: 'done'; record: DocumentRecord; bytes: number; serialized?: { head: DocumentHead; analysis: SerializedAnalysis } }
  /** `skip` said so; `metadata`, `format` and `encoding` as met now (they may have changed while the text did not). */
  | {
      status: 'skipped';
      id: string;
      source: string;
      metadata: Record<string, unknown>;
      format: DocumentFormat;
      encoding: string | null;
      hash: string;
      bytes: number;
    }
  | { status: 'failed'; error: ErrorRecord; bytes: number };

/**
 * The worker module. Threads cannot run TypeScript: from the sources (tests),
 * threads use the built one, and the calling thread (`jobs` 0) the source.
 */
const THREAD_WORKER = import.meta.url.endsWith('.ts')
  ? fileURLToPath(new URL('../../dist/archive/analyze-worker.js', import.meta.url))
  : fileURLToPath(new URL('./analyze-worker.js', import.meta.url));
const CALLING_THREAD_WORKER = new URL(import.meta.url.endsWith('.ts') ? './analyze-worker.ts' : './analyze-worker.js', import.meta.url).href;

/**
 * With one job, a document of at most this many bytes (known before reading it:
 * a record's text, a file's size) is analysed in the calling thread. 512 KiB is
 * three times the longest national report (171 KB); at the worst ratio measured
 * (a file of bare `一、` headings, ~1,400× its size) it stays under 1 GB of heap,
 * and a typical report analyses in well under a second, so a SIGTERM waits
 * no longer than that for the document in hand.
 */
export const IN_CALLING_THREAD_MAX_BYTES = 512 * 1024;

/**
 * A file's size says little of what a .docx or a .pdf unpacks to (up to the XML
 * cap, ~70× that in mammoth's memory): a worker thread reads those. Only a
 * hint, by the name; a misnamed one is still read by its content, wherever it runs.
 */
const PACKED = /\.(docx|pdf)$/i;

/** Bytes of a source known without reading it, or undefined (a file that cannot be stat'ed: the worker says why). */
function knownSize(task: SourceTask): number | undefined {
  switch (task.kind) {
    case 'record':
      return Buffer.byteLength(task.text);
    case 'bytes':
      return task.bytes.byteLength;
    case 'file':
      try {
        return statSync(task.path).size;
      } catch {
        return undefined;
      }
    case 'error':
      return undefined;
  }
}

/** A source on its way to a worker, with what the calling thread decided already. */
interface Pending {
  source: DocumentSource;
  /** Hashed in the calling thread (a .jsonl record, when there is a `skip` to decide). */
  hash?: string;
  /** `skip` said so: not sent to a worker. */
  skipped?: { hash: string; bytes: number; encoding: string };
}

export async function* analyzeFiles(inputs: readonly string[], options: AnalyzeFilesOptions = {}): AsyncGenerator<FileResult> {
  const jobs = Math.max(0, Math.floor(options.jobs ?? 1));
  const { skip } = options;
  const maxBytes = resolveMaxBytes(options.maxBytes);
  const worker: WorkerModule<Pending> = {
    filename: THREAD_WORKER,
    callingThreadFilename: CALLING_THREAD_WORKER,
    ...(jobs === 1
      ? {
          inCallingThread: ({ source }: Pending) => {
            const size = knownSize(source.task);
            return size !== undefined && size <= IN_CALLING_THREAD_MAX_BYTES && !(source.task.kind === 'file' && PACKED.test(source.task.path));
          },
        }
      : {}),
    task: ({ source, hash }): AnalyzeTask => ({
      source: source.task,
      maxBytes,
      ...(hash === undefined ? {} : { hash }),
      ...(options.serialized === true ? { serializeAs: source.id, ...(options.rawCsv === true ? { rawCsv: true } : {}) } : {}),
    }),
    passThrough: ({ source, skipped }) => skipped !== undefined || source.task.kind === 'error',
    // Only a document whose hash is not known yet asks (see the top of this file).
    answerer: ({ source, hash }) =>
      skip === undefined || hash !== undefined ? undefined : (question) => skip({ id: source.id, hash: (question as SkipQuestion).hash }),
  };
  const outcomes = runOrdered<Pending, AnalyzeResult>(pending(expandInputs(inputs, options), skip), worker, {
    jobs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  for await (const outcome of outcomes) yield finish(outcome);
}

async function* pending(sources: AsyncIterable<DocumentSource>, skip: AnalyzeFilesOptions['skip']): AsyncGenerator<Pending> {
  for await (const source of sources) {
    if (skip === undefined || source.task.kind !== 'record') {
      yield { source };
      continue;
    }
    const { text } = source.task;
    const hash = contentHash(text);
    const skipped = { hash, bytes: Buffer.byteLength(text), encoding: source.task.encoding };
    yield skip({ id: source.id, hash }) ? { source, hash, skipped } : { source, hash };
  }
}

function finish({ item: { source, skipped }, result, error }: Outcome<Pending, AnalyzeResult>): FileResult {
  const failed = (info: { code: string; message: string }, bytes = 0): FileResult => ({
    status: 'failed',
    error: { id: source.id, source: source.source, error: info },
    bytes,
  });
  if (source.task.kind === 'error') return failed({ code: source.task.code, message: source.task.message });
  if (skipped !== undefined) {
    return { status: 'skipped', id: source.id, source: source.source, metadata: source.metadata, format: 'text', ...skipped };
  }
  // A worker that died or a cancelled task: no result.
  if (result === undefined) return failed(errorInfo(error ?? new Error('no result')));
  switch (result.status) {
    case 'failed':
      return failed(result.error, result.bytes);
    case 'skipped':
      return {
        status: 'skipped',
        id: source.id,
        source: source.source,
        metadata: source.metadata,
        format: result.format,
        encoding: result.encoding,
        hash: result.hash,
        bytes: result.bytes,
      };
    case 'done': {
      if ('analysis' in result) return { status: 'done', bytes: result.bytes, record: documentRecord(source, result) };
      const head: DocumentHead = { id: source.id, source: source.source, format: result.format, encoding: result.encoding, hash: result.hash, metadata: source.metadata };
      const { serialized } = result;
      let record: DocumentRecord | undefined;
      return {
        status: 'done',
        bytes: result.bytes,
        serialized: { head, analysis: serialized },
        get record() {
          return (record ??= { ...head, ...parseSerializedAnalysis(serialized) });
        },
      };
    }
  }
}

/** The documents.jsonl record of an analysed source: its identity, how it was read, the analysis, reading's warnings first. */
export function documentRecord(
  source: DocumentSource,
  read: { format: DocumentRecord['format']; encoding: DocumentRecord['encoding']; hash: string; loadWarnings: WarningRecord[]; analysis: AnalysisJson },
): DocumentRecord {
  const { analysis } = read;
  return {
    id: source.id,
    source: source.source,
    format: read.format,
    encoding: read.encoding,
    hash: read.hash,
    metadata: source.metadata,
    ...analysis,
    warnings: [...read.loadWarnings, ...analysis.warnings],
  };
}
