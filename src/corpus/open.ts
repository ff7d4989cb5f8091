/**
 * openCorpus: a stream of analysed documents from what a researcher has.
 *
 *   out/                 a folder holding documents.jsonl (the output of `gongwen extract`)
 *   out/documents.jsonl  that file, or any .jsonl whose records are extract records
 *   anything else        raw inputs, as `gongwen extract` takes them (files, folders, globs,
 *                        @lists, .jsonl archives of texts): extracted by analyzeFiles, with
 *                        the extraction cache (cache.ts), so only the first pass extracts
 *
 * Memory stays flat in the number of documents: records are streamed one at a
 * time and nothing is kept per document once the consumer has let it go. Held
 * for the life of the corpus: for documents.jsonl sources, one byte offset
 * per line of each .jsonl file whose texts were asked for (source-text.ts).
 * A document in flight holds its record; over raw inputs, a .jsonl record's
 * text too (its `text()` returns it without reading again).
 *
 * Every call of `documents()` is a new pass, in input order.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { GongwenError } from '../diagnostics.js';
import { analyzeJson } from '../analyze.js';
import { analyzeFiles, documentRecord, type FileResult } from '../archive/analyze-files.js';
import { expandInputs, type DocumentSource, type InputOptions, type SkippedFile } from '../archive/inputs.js';
import type { DocumentRecord, ErrorRecord } from '../archive/output.js';
import { sourceBaseOf } from '../archive/manifest.js';
import { ExtractionCache, defaultCacheDir } from './cache.js';
import { parseWhere, type MetadataPredicate } from './filters.js';
import { SourceTexts } from './source-text.js';
import { TokenStore } from './token-store.js';
import type { Corpus, CorpusDocument } from './types.js';
import type { SegmenterChoice } from '../segment/segmenter.js';

export interface OpenCorpusOptions extends Omit<InputOptions, 'stdin' | 'stdinFormat' | 'onSkip'> {
  /** Keep only the documents whose metadata satisfies this (`year>=2013`, see filters.ts). */
  where?: string | MetadataPredicate;
  /** Worker threads extracting raw inputs (see analyzeFiles). Default: 1. */
  jobs?: number;
  /** Extraction cache folder for raw inputs, or false for none. Default: defaultCacheDir() (see cache.ts). */
  cache?: string | false;
  /** A document that could not be read or extracted. Default: a line on stderr. The pass goes on. */
  onError?: (error: ErrorRecord) => void;
  /** A file the expansion of raw inputs passed over (a format we do not read, a file reached twice…). Default: a line on stderr. */
  onSkip?: (skipped: SkippedFile) => void;
  /** Something the reader had to guess (an extract folder without extract.json). Default: a line on stderr. The pass goes on. */
  onWarning?: (message: string) => void;
}

/** What openCorpus makes of one input. */
type Input = { kind: 'records'; path: string; given: string } | { kind: 'raw'; given: string };

/** Open a corpus; nothing is read until `documents()` is iterated. */
export function openCorpus(inputs: string | readonly string[], options: OpenCorpusOptions = {}): Corpus {
  const list = typeof inputs === 'string' ? [inputs] : [...inputs];
  if (list.length === 0) throw new GongwenError('USAGE', 'a corpus needs at least one input: a gongwen extract folder, a documents.jsonl, or files, folders, .jsonl archives');
  if (list.includes('-')) throw new GongwenError('USAGE', 'a corpus is read more than once, which stdin cannot be: pass files, or run gongwen extract first and pass its folder');
  const accept: MetadataPredicate = typeof options.where === 'string' ? parseWhere(options.where) : (options.where ?? (() => true));
  const onError = options.onError ?? ((error: ErrorRecord) => process.stderr.write(`gongwen: ${error.id}: ${error.error.message}\n`));
  const onWarning = options.onWarning ?? ((message: string) => process.stderr.write(`gongwen: warning: ${message}\n`));
  const cwd = options.cwd ?? process.cwd();
  const texts = new SourceTexts({
    cwd,
    ...(options.textField ? { textField: options.textField } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
  });
  const cacheDir = options.cache === false ? false : (options.cache ?? defaultCacheDir(cwd));
  const cache = cacheDir === false ? null : new ExtractionCache(cacheDir);
  let classified: Promise<Input[]> | undefined;
  const tokenStores = new Map<SegmenterChoice, TokenStore>();

  return {
    tokenStore(segmenter) {
      let store = tokenStores.get(segmenter);
      if (store === undefined) tokenStores.set(segmenter, (store = new TokenStore({ dir: cacheDir, segmenter })));
      return store;
    },
    async *documents() {
      classified ??= Promise.all(list.map((given) => classify(given, cwd)));
      const plan = await classified;
      // Consecutive raw inputs go to analyzeFiles together, so `seen` deduplication and ordering match gongwen extract.
      for (let i = 0; i < plan.length; ) {
        const input = plan[i]!;
        if (input.kind === 'records') {
          const reader = await sourceReader(input.path, cwd, texts, onWarning);
          for await (const document of recordDocuments(input.path, reader, onError)) if (accept(document.metadata)) yield document;
          i++;
          continue;
        }
        const raw: string[] = [];
        while (i < plan.length && plan[i]!.kind === 'raw') raw.push(plan[i++]!.given);
        for await (const document of rawDocuments(raw, options, cache, onError)) if (accept(document.metadata)) yield document;
      }
    },
  };
}

/** A folder with documents.jsonl, a documents.jsonl, a .jsonl of extract records: records; anything else: raw input. */
async function classify(given: string, cwd: string): Promise<Input> {
  const path = resolve(cwd, given);
  let info;
  try {
    info = await stat(path);
  } catch {
    return { kind: 'raw', given }; // a glob, an @list, or missing: analyzeFiles says which
  }
  if (info.isDirectory()) {
    const documents = join(path, 'documents.jsonl');
    try {
      if ((await stat(documents)).isFile()) return { kind: 'records', path: documents, given };
    } catch {
      // a folder of reports
    }
    return { kind: 'raw', given };
  }
  if (basename(path) === 'documents.jsonl' || (path.toLowerCase().endsWith('.jsonl') && (await holdsExtractRecords(path)))) return { kind: 'records', path, given };
  return { kind: 'raw', given };
}

/** Whether the first record of a .jsonl file is a line of documents.jsonl (id, hash, headings…), not a text to analyse. */
async function holdsExtractRecords(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const first = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\ufeff/, '').split('\n').find((line) => line.trim() !== '');
    // An extract record starts with its id, source, format, encoding and hash: the prefix is enough to tell.
    return first !== undefined && /^\{"id":.*"hash":"[0-9a-f]{64}","metadata":/.test(first);
  } finally {
    await handle.close();
  }
}

/** Reads a record's text again from its source. */
type SourceReader = (record: DocumentRecord) => Promise<string>;

/**
 * The texts of the records of `path`: relative sources resolved against the
 * base its extract.json records (archive/manifest.ts), not against the
 * working folder of this process. A folder written before extract.json falls
 * back to the working folder, as those versions did, with one warning the
 * first time a relative source is read that way (the hash check still turns
 * a wrong file into an error).
 */
async function sourceReader(path: string, cwd: string, texts: SourceTexts, onWarning: (message: string) => void): Promise<SourceReader> {
  const { base, fallback } = await sourceBaseOf(path, cwd);
  let warned = fallback === undefined;
  return (record) => {
    if (!warned && record.source !== '-' && !isAbsolute(record.source)) {
      warned = true;
      onWarning(`${fallback}: its relative sources are read from the working folder ${cwd}, as older versions did; if texts are missing or have changed, run gongwen from the folder extract ran in, or extract again`);
    }
    return texts.read(record, base);
  };
}

async function* recordDocuments(path: string, read: SourceReader, onError: (error: ErrorRecord) => void): AsyncGenerator<CorpusDocument> {
  let lineNumber = 0;
  for await (const raw of utf8Lines(path)) {
    lineNumber++;
    const line = lineNumber === 1 ? raw.replace(/^\ufeff/, '') : raw;
    if (line.trim() === '') continue;
    let record: DocumentRecord;
    const fail = (problem: string) => onError({ id: `${path}#${lineNumber}`, source: path, error: { code: 'FORMAT', message: `line ${lineNumber} of ${path}: ${problem}` } });
    let parsed: unknown;
    try {
      // The head only when the line has the shape extract writes (recordHead): the whole record
      // (headings, metrics…, 90 % of the line) is parsed only if an analysis reads it.
      parsed = recordHead(line) ?? JSON.parse(line);
    } catch {
      // Not the engine's message: it quotes the line, and a line is not ours to echo.
      fail('not valid JSON');
      continue;
    }
    const fields = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    const headOnly = fields !== null && !Object.hasOwn(fields, 'slogans');
    if (fields === null || typeof fields.id !== 'string' || typeof fields.hash !== 'string' || typeof fields.source !== 'string' || (!headOnly && !Array.isArray(fields.slogans))) {
      fail(fields === null ? `not a record of gongwen extract (${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`}, not an object)` : 'not a record of gongwen extract (no string "id", "hash" or "source", or no "slogans")');
      continue;
    }
    record = fields as unknown as DocumentRecord;
    if (headOnly) {
      const head = record;
      let whole: DocumentRecord | undefined;
      const analysis = (): DocumentRecord => (whole ??= JSON.parse(line) as DocumentRecord);
      const document = toDocument(head, () => read(head));
      yield Object.defineProperty(document, 'analysis', { get: analysis, enumerable: true });
      continue;
    }
    yield toDocument(record, () => read(record));
  }
}

/**
 * The fields of a documents.jsonl line before its analysis tables (id,
 * source, format, encoding, hash, metadata, title, year, docType), parsed
 * without the rest: gongwen extract writes them first, then `"headings":`.
 * The first `,"headings":` outside a string ends them (a quote inside a JSON
 * string is escaped); one inside the metadata leaves an object unclosed, and
 * the prefix does not parse: null, and the caller parses the whole line.
 */
function recordHead(line: string): DocumentRecord | null {
  const end = line.indexOf(',"headings":');
  // Without its slogans table it is not a record of gongwen extract: the whole line is parsed, and refused.
  if (end === -1 || line.indexOf('"slogans":[', end) === -1) return null;
  try {
    const head = JSON.parse(`${line.slice(0, end)}}`) as DocumentRecord;
    return typeof head === 'object' && head !== null && !Array.isArray(head) ? head : null;
  } catch {
    return null;
  }
}

/** The lines of a UTF-8 file, split on the bytes (\n, a trailing \r dropped): without readline's per-chunk decoding and regular expression. */
async function* utf8Lines(path: string): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buffer = chunk as Buffer;
    let start = 0;
    for (let newline = buffer.indexOf(0x0a); newline !== -1; newline = buffer.indexOf(0x0a, start)) {
      pending.push(buffer.subarray(start, newline));
      yield lineText(pending);
      pending = [];
      start = newline + 1;
    }
    if (start < buffer.length) pending.push(buffer.subarray(start));
  }
  if (pending.length > 0) yield lineText(pending);
}

function lineText(parts: Buffer[]): string {
  const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  return bytes.toString('utf8', 0, bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length);
}

async function* rawDocuments(inputs: string[], options: OpenCorpusOptions, cache: ExtractionCache | null, onError: (error: ErrorRecord) => void): AsyncGenerator<CorpusDocument> {
  const inputOptions: InputOptions = {
    ...(options.textField ? { textField: options.textField } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
  };
  // A second expansion, in step with analyzeFiles' (same inputs, same order): it gives each
  // result its source, hence the metadata of a cached (skipped) document and its text.
  const sources = expandInputs(inputs, inputOptions)[Symbol.asyncIterator]();
  const sourceFor = async (id: string): Promise<DocumentSource | undefined> => {
    for (;;) {
      const next = await sources.next();
      if (next.done) return undefined;
      if (next.value.id === id) return next.value;
    }
  };
  // Only analyzeFiles' expansion reports passed-over files: the second one would tell them twice.
  const onSkip = options.onSkip ?? ((skipped: SkippedFile) => process.stderr.write(`gongwen: skipped ${skipped.id}: ${skipped.reason}\n`));
  const results = analyzeFiles(inputs, {
    ...inputOptions,
    onSkip,
    jobs: options.jobs ?? 1,
    ...(cache ? { skip: ({ hash }: { hash: string }) => cache.has(hash) } : {}),
  });
  try {
    yield* paired(results, sourceFor, cache, onError);
  } finally {
    // Stopped early (compare found its two reports) or done: close the second expansion's open file.
    await sources.return(undefined);
  }
}

async function* paired(
  results: AsyncIterable<FileResult>,
  sourceFor: (id: string) => Promise<DocumentSource | undefined>,
  cache: ExtractionCache | null,
  onError: (error: ErrorRecord) => void,
): AsyncGenerator<CorpusDocument> {
  for await (const result of results) {
    if (result.status === 'failed') {
      onError(result.error);
      continue;
    }
    const id = result.status === 'done' ? result.record.id : result.id;
    const source = await sourceFor(id);
    if (!source) throw new Error(`openCorpus: the inputs changed while they were read (no source for ${id})`);
    const text = async () => (await source.load()).text;
    let record: DocumentRecord;
    if (result.status === 'done') {
      record = result.record;
      await cache?.put(record);
    } else {
      const cached = await cache!.get(result.hash);
      if (cached) record = { ...cached, id, source: result.source, metadata: source.metadata };
      else {
        // Gone, malformed or not the user's own: extracted again, and the entry rewritten.
        record = await extractHere(source, result.hash);
        await cache!.put(record);
      }
    }
    yield toDocument(record, text);
  }
}

/** A cache entry that vanished between `has` and `get`, or could not be trusted: extract in this thread. */
async function extractHere(source: DocumentSource, hash: string): Promise<DocumentRecord> {
  const loaded = await source.load();
  const loadWarnings = loaded.warnings.map(({ rule, message, offset }) => ({ rule, message, offset }));
  return documentRecord(source, { format: loaded.format, encoding: loaded.encoding, hash, loadWarnings, analysis: analyzeJson(loaded.text) });
}

/** The record as a CorpusDocument: `year`, `docType`, `title` filled into the metadata from the analysis when the input has none. */
function toDocument(record: DocumentRecord, text: () => Promise<string>): CorpusDocument {
  const metadata: Record<string, unknown> = { ...record.metadata };
  for (const field of ['year', 'docType', 'title'] as const) if (metadata[field] === undefined || metadata[field] === null) metadata[field] = record[field];
  return { id: record.id, metadata, analysis: record, text, hash: record.hash };
}
