/**
 * analyzeFiles: the archive pipeline behind `gongwen extract`, as an API.
 *
 *   inputs ─▶ expandInputs (files, folders, globs, @lists, stdin, .jsonl records)
 *          ─▶ load + decode + hash (main thread, in input order)
 *          ─▶ analyze (a pool of long-lived worker threads, `jobs` of them)
 *          ─▶ results in input order, whatever the parallelism
 *
 * A document that fails to load or to analyze is a result with an `error`;
 * the run goes on.
 */
import { fileURLToPath } from 'node:url';
import { analyzeJson } from '../analyze.js';
import type { AnalysisJson } from '../extract/types.js';
import { expandInputs, type DocumentSource, type InputOptions, type LoadedDocument } from './inputs.js';
import { contentHash } from './hash.js';
import { errorInfo, type DocumentRecord, type ErrorRecord } from './output.js';
import { runOrdered } from './pool.js';
import type { AnalyzeTask } from './analyze-worker.js';

export interface AnalyzeFilesOptions extends InputOptions {
  /** Worker threads (long-lived); 0 analyzes in the calling thread. Default: 1. */
  jobs?: number;
  signal?: AbortSignal;
  /** Documents to skip without analyzing them (e.g. already done, by hash). */
  skip?: (document: { id: string; hash: string }) => boolean;
}

export type FileResult =
  | { status: 'done'; record: DocumentRecord; bytes: number }
  | { status: 'skipped'; id: string; source: string; hash: string; bytes: number }
  | { status: 'failed'; error: ErrorRecord; bytes: number };

interface Loaded {
  source: DocumentSource;
  document?: LoadedDocument;
  hash?: string;
  skipped?: boolean;
  error?: unknown;
  bytes: number;
}

/** Worker threads cannot run TypeScript: from the sources (tests), use the built worker. */
const WORKER = import.meta.url.endsWith('.ts')
  ? fileURLToPath(new URL('../../dist/archive/analyze-worker.js', import.meta.url))
  : fileURLToPath(new URL('./analyze-worker.js', import.meta.url));

export async function* analyzeFiles(inputs: readonly string[], options: AnalyzeFilesOptions = {}): AsyncGenerator<FileResult> {
  const jobs = Math.max(0, Math.floor(options.jobs ?? 1));
  const loaded = loadAll(inputs, options);
  const toTask = (item: Loaded): AnalyzeTask => ({ text: item.document?.text ?? '' });

  if (jobs === 0) {
    for await (const item of loaded) {
      options.signal?.throwIfAborted();
      if (item.error !== undefined || item.skipped) {
        yield finish(item, undefined, item.error);
        continue;
      }
      try {
        yield finish(item, analyzeJson(item.document!.text));
      } catch (error) {
        yield finish(item, undefined, error);
      }
    }
    return;
  }

  // Items that need no analysis still pass through the pool (with empty text) so that order is kept.
  const outcomes = runOrdered<Loaded, AnalysisJson>(
    loaded,
    { filename: WORKER, task: (item) => (item.error !== undefined || item.skipped ? { text: '' } : toTask(item)) },
    { jobs, ...(options.signal ? { signal: options.signal } : {}) },
  );
  for await (const outcome of outcomes) {
    yield finish(outcome.item, outcome.result, outcome.item.error ?? outcome.error);
  }
}

async function* loadAll(inputs: readonly string[], options: AnalyzeFilesOptions): AsyncGenerator<Loaded> {
  for await (const source of expandInputs(inputs, options)) {
    try {
      const document = await source.load();
      const hash = contentHash(document.text);
      const bytes = Buffer.byteLength(document.text);
      yield { source, document, hash, bytes, skipped: options.skip?.({ id: source.id, hash }) ?? false };
    } catch (error) {
      yield { source, error, bytes: 0 };
    }
  }
}

function finish(item: Loaded, analysis: AnalysisJson | undefined, error?: unknown): FileResult {
  const { source } = item;
  if (error !== undefined || (!item.skipped && analysis === undefined)) {
    return { status: 'failed', error: { id: source.id, source: source.source, error: errorInfo(error ?? new Error('no result')) }, bytes: item.bytes };
  }
  if (item.skipped) return { status: 'skipped', id: source.id, source: source.source, hash: item.hash!, bytes: item.bytes };
  const document = item.document!;
  const loadWarnings = document.warnings.map(({ rule, message, offset }) => ({ rule, message, offset }));
  return {
    status: 'done',
    bytes: item.bytes,
    record: {
      id: source.id,
      source: source.source,
      format: document.format,
      encoding: document.encoding,
      hash: item.hash!,
      metadata: source.metadata,
      ...analysis!,
      warnings: [...loadWarnings, ...analysis!.warnings],
    },
  };
}
