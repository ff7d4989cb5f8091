/**
 * `--out DIR`: the tables an archive run produces.
 *
 *   documents.jsonl    one line per document: the AnalysisJson fields plus id, source, format, encoding, hash, metadata
 *   errors.jsonl       one line per document that could not be read or analysed: {id, source, error: {code, message}}
 *   skipped.jsonl      one line per file a folder walk passed over: {id, source, reason}
 *   headings.csv       doc_id, depth, marker, ordinal, text, role, offset
 *   slogans.csv        doc_id, text, canonical, count, quoted, known, offset, english
 *   placeholders.csv   doc_id, raw, kind, offset
 *   metrics.csv        doc_id and every MetricRecord field (snake_case), sentence as sentence_start, sentence_end
 *   extract.json       the folder's manifest: the gongwen version, and where relative sources resolve (manifest.ts)
 *
 * One run at a time: open() takes `DIR/extract.lock` (lock.ts) and keeps it
 * until close() or abort().
 *
 * Publication is all or nothing: everything is written to `NAME.partial` in
 * DIR and close() renames the whole set over the final names (publish.ts), so
 * a run that dies, or whose publication fails, leaves the previous complete
 * outputs as they were.
 *
 * Progress survives a kill, too. Each document is appended to the .partial
 * files as soon as it is written (one write per file per document, no
 * user-space buffering: the kernel keeps the bytes when the process dies),
 * then a line with the size of every .partial file is appended to
 * `extract.checkpoint`. That line is the commit point: `--resume` reads
 * documents.jsonl.partial up to the last complete checkpoint line — dropping
 * a document that was half written when the process died — and carries those
 * documents (carried.ts). Sizes, rather than filtering rows by doc_id, because
 * CSV rows may span lines (a quoted newline); the CSV rows of a carried
 * document are regenerated from its documents.jsonl line. (Not fsync'ed per
 * document: a kill -9 loses nothing, a power cut may lose the last seconds;
 * close() syncs before publishing.)
 *
 * `--resume` keeps one record per id, the newest: a carried document is
 * written again only when the run meets its id with the same content hash
 * (`carry`); a new content under that id replaces it, and a carried id the run
 * does not meet, or that now fails, is dropped. `summary` says which.
 *
 * errors.jsonl and skipped.jsonl always start empty, also with --resume:
 * every document not carried is attempted again and records its error again,
 * and the walk reports its skipped files again, so there are no duplicates.
 */
import { writeSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { GongwenError } from '../diagnostics.js';
import type { AnalysisJson, HeadingRecord, MetricRecord, PlaceholderRecord, SloganRecord } from '../extract/types.js';
import { CARRIED_FILE, CarriedDocuments, exists, removeCarried, type CarrySource } from './carried.js';
import type { DocumentFormat } from './formats.js';
import type { SkippedFile } from './inputs.js';
import { csvRecords } from './csv-records.js';
import { inertCell } from './csv-formulas.js';
import { lockFolder, type FolderLock } from './lock.js';
import { MANIFEST_FILE, manifestFor, manifestText } from './manifest.js';
import { PARTIAL, publishAll, removePrevious, rollForward, syncDirectory } from './publish.js';

/** A line of documents.jsonl. */
export interface DocumentRecord extends AnalysisJson {
  id: string;
  source: string;
  format: DocumentFormat;
  encoding: string | null;
  /** contentHash(text): what --resume recognises. */
  hash: string;
  metadata: Record<string, unknown>;
}

/** A line of errors.jsonl. */
export interface ErrorRecord {
  id: string;
  source: string;
  error: { code: string; message: string };
}

/** A line of skipped.jsonl: a file the input walk passed over, and why (see inputs.ts). */
export type SkippedRecord = SkippedFile;

export interface WriterOptions {
  /** Carry the documents of the previous (complete or interrupted) runs forward: see the top of this file. */
  resume?: boolean;
  /** Write CSV cells exactly, also those a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`): see csv-formulas.ts. Default: false. */
  rawCsv?: boolean;
  /** The folder relative `source` paths are relative to, recorded in extract.json (manifest.ts). Default: process.cwd(). */
  sourceBase?: string;
}

/** What a resumed run changed in documents.jsonl, known after close(). */
export interface WriterSummary {
  /** Documents written again unchanged from an earlier run. */
  carried: number;
  /** Ids whose earlier record was replaced by a new content. */
  replaced: string[];
  /** Ids whose earlier record was left out: its input is gone (not met by this run), or it now fails. */
  dropped: { id: string; reason: 'gone' | 'failed' }[];
}

/** In publishing order: documents.jsonl last (see publish.ts). */
export const OUTPUT_FILES = [
  'errors.jsonl',
  'skipped.jsonl',
  'headings.csv',
  'slogans.csv',
  'placeholders.csv',
  'metrics.csv',
  // Published with the documents it describes: a documents.jsonl never appears beside a stale one.
  'extract.json',
  'documents.jsonl',
] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];

const CHECKPOINT = 'extract.checkpoint';

// ---------------------------------------------------------------- CSV tables

type Column<T> = readonly [name: string, value: (record: T) => unknown];

const HEADING_COLUMNS: readonly Column<HeadingRecord>[] = [
  ['depth', (h) => h.depth],
  ['marker', (h) => h.marker],
  ['ordinal', (h) => h.ordinal],
  ['text', (h) => h.text],
  ['role', (h) => h.role],
  ['offset', (h) => h.offset],
];

const SLOGAN_COLUMNS: readonly Column<SloganRecord>[] = [
  ['text', (s) => s.text],
  ['canonical', (s) => s.canonical],
  ['count', (s) => s.count],
  ['quoted', (s) => s.quoted],
  ['known', (s) => s.known],
  ['offset', (s) => s.offset],
  // Records cached before the glossary have no english field: an empty cell, not "undefined".
  ['english', (s) => s.english ?? null],
];

const PLACEHOLDER_COLUMNS: readonly Column<PlaceholderRecord>[] = [
  ['raw', (p) => p.raw],
  ['kind', (p) => p.kind],
  ['offset', (p) => p.offset],
];

/** Keyed by MetricRecord's fields, so a field added to the contract fails to compile until it has its column. */
const METRIC_FIELDS: { [K in keyof MetricRecord]: readonly Column<MetricRecord>[] } = {
  raw: [['raw', (m) => m.raw]],
  number: [['number', (m) => m.number]],
  value: [['value', (m) => m.value]],
  valueHigh: [['value_high', (m) => m.valueHigh]],
  unit: [['unit', (m) => m.unit]],
  unitKind: [['unit_kind', (m) => m.unitKind]],
  qualifier: [['qualifier', (m) => m.qualifier]],
  comparison: [['comparison', (m) => m.comparison]],
  predicate: [['predicate', (m) => m.predicate]],
  subject: [['subject', (m) => m.subject]],
  stance: [['stance', (m) => m.stance]],
  indicator: [['indicator', (m) => m.indicator]],
  placeholder: [['placeholder', (m) => m.placeholder]],
  offset: [['offset', (m) => m.offset]],
  sentence: [
    ['sentence_start', (m) => m.sentence.start],
    ['sentence_end', (m) => m.sentence.end],
  ],
};
const METRIC_COLUMNS: readonly Column<MetricRecord>[] = Object.values(METRIC_FIELDS).flat();

/**
 * Every CSV file starts with a UTF-8 byte order mark: without it Excel (the
 * tool most researchers open a .csv with) reads UTF-8 as the ANSI code page
 * and shows the Chinese as mojibake. pandas, R and csv-parse skip the BOM.
 */
const BOM = '\ufeff';

/** A CSV table: its file, its header line and its rows for one document. */
interface Table {
  file: TableFile;
  header: string;
  rows(id: string, analysis: AnalysisJson, raw: boolean): string;
}

/** The CSV tables: every row starts with its document's id. */
export type TableFile = 'headings.csv' | 'slogans.csv' | 'placeholders.csv' | 'metrics.csv';

function table<T>(file: TableFile, columns: readonly Column<T>[], records: (analysis: AnalysisJson) => readonly T[]): Table {
  return {
    file,
    header: BOM + csvRecords([['doc_id', ...columns.map(([name]) => name)]]),
    rows(id, analysis, raw) {
      const rows = records(analysis).map((row) => [id, ...columns.map(([, value]) => value(row))]);
      // A text cell that would start a formula gets a leading ' (csv-formulas.ts), unless --raw-csv.
      return csvRecords(raw ? rows : rows.map((row) => row.map((cell) => (typeof cell === 'string' ? inertCell(cell) : cell))));
    },
  };
}

const TABLES: readonly Table[] = [
  table('headings.csv', HEADING_COLUMNS, (analysis) => analysis.headings),
  table('slogans.csv', SLOGAN_COLUMNS, (analysis) => analysis.slogans),
  table('placeholders.csv', PLACEHOLDER_COLUMNS, (analysis) => analysis.placeholders),
  table('metrics.csv', METRIC_COLUMNS, (analysis) => analysis.metrics),
];

// ---------------------------------------------------------------- documents.jsonl

/** AnalysisJson's fields, so a document line holds exactly the contract (an Analysis may carry a tree too). */
const ANALYSIS_FIELDS: { [K in keyof AnalysisJson]: true } = {
  title: true,
  year: true,
  docType: true,
  headings: true,
  enumerations: true,
  slogans: true,
  placeholders: true,
  placeholderCounts: true,
  metrics: true,
  targets: true,
  outcomes: true,
  warnings: true,
};

/** What a documents.jsonl line holds before the analysis: which document, and how it was read. */
export type DocumentHead = Pick<DocumentRecord, 'id' | 'source' | 'format' | 'encoding' | 'hash' | 'metadata'>;

/**
 * A document's analysis as the outputs hold it, serialized once, where it was
 * analysed (a worker thread of analyzeFiles), and encoded to UTF-8 there: the
 * calling thread writes these bytes as they are, instead of receiving the
 * analysis as objects (a structured clone) to serialize and encode it again.
 * One buffer of its own (a clone of it is one copy): the JSON, then each
 * table's rows, in TABLES' order.
 */
export interface SerializedAnalysis {
  bytes: Uint8Array;
  /** JSON of the AnalysisJson fields, in the contract's order (the rest of the documents.jsonl line): its length in `bytes`. */
  jsonLength: number;
  /** The document's rows of each CSV table (doc_id first), their lengths in `bytes` (0: no rows). */
  rowLengths: Record<TableFile, number>;
}

/** `analysis` (its warnings those of the whole document, reading's first) serialized for the outputs, its CSV rows under `id`. */
export function serializeAnalysis(id: string, analysis: AnalysisJson, rawCsv = false): SerializedAnalysis {
  const fields: Record<string, unknown> = {};
  for (const field of Object.keys(ANALYSIS_FIELDS) as (keyof AnalysisJson)[]) fields[field] = analysis[field];
  const parts = [JSON.stringify(fields), ...TABLES.map((table) => table.rows(id, analysis, rawCsv))];
  const { lengths, encoded } = encodeOnce(parts);
  // allocUnsafeSlow: a buffer of its own, not a slice of Node's shared pool (a clone copies the whole backing store).
  const bytes = Buffer.allocUnsafeSlow(lengths.reduce((sum, length) => sum + length, 0));
  if (encoded !== undefined) encoded.copy(bytes, 0, 0, bytes.length);
  else {
    let at = 0;
    parts.forEach((part) => (at += bytes.write(part, at, 'utf8')));
  }
  const rowLengths = {} as Record<TableFile, number>;
  TABLES.forEach((table, i) => (rowLengths[table.file] = lengths[i + 1]!));
  return { bytes, jsonLength: lengths[0]!, rowLengths };
}

/**
 * Encoding `parts` once: into a buffer reused from document to document,
 * then copied out at its exact size (a copy is cheaper than the pass over
 * every string that measuring the UTF-8 length first took: ~50 ms of 360
 * documents). Over SCRATCH_MAX (a rare, huge analysis) the scratch buffer is
 * not grown, so a large document leaves no large buffer behind: only the
 * lengths are measured, and the caller encodes (`encoded` undefined).
 */
const SCRATCH_MAX = 8 * 1024 * 1024;
let scratch: Buffer | undefined;

function encodeOnce(parts: readonly string[]): { lengths: number[]; encoded?: Buffer } {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  const most = 3 * parts.reduce((sum, part) => sum + part.length, 0);
  if (most > SCRATCH_MAX) return { lengths: parts.map((part) => Buffer.byteLength(part, 'utf8')) };
  if (scratch === undefined || scratch.length < most) scratch = Buffer.allocUnsafeSlow(Math.max(most, 1 << 20));
  const into = scratch;
  let at = 0;
  const lengths = parts.map((part) => {
    const length = into.write(part, at, 'utf8');
    at += length;
    return length;
  });
  return { lengths, encoded: into };
}

/** The analysis JSON of a SerializedAnalysis, parsed. */
export function parseSerializedAnalysis(analysis: SerializedAnalysis): AnalysisJson {
  return JSON.parse(Buffer.from(analysis.bytes.buffer, analysis.bytes.byteOffset, analysis.jsonLength).toString('utf8')) as AnalysisJson;
}

/** The head of a record. */
export function documentHead(document: DocumentHead): DocumentHead {
  return { id: document.id, source: document.source, format: document.format, encoding: document.encoding, hash: document.hash, metadata: document.metadata };
}

/** The documents.jsonl line: the head's fields, then the analysis's (one JSON object), as byte chunks. */
function documentLine(head: DocumentHead, analysis: SerializedAnalysis): Uint8Array[] {
  const headJson = JSON.stringify(documentHead(head));
  if (analysis.jsonLength <= 2) return [Buffer.from(`${headJson}\n`, 'utf8')]; // `{}`
  // The analysis JSON without its `{`, after the head without its `}`: `{…head…,"title":…}`.
  return [Buffer.from(`${headJson.slice(0, -1)},`, 'utf8'), analysis.bytes.subarray(1, analysis.jsonLength), NEWLINE];
}

const NEWLINE = Buffer.from('\n');

/** `{code, message}` for errors.jsonl from anything thrown. */
export function errorInfo(error: unknown): { code: string; message: string } {
  if (error instanceof GongwenError) return { code: error.code, message: error.message };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : 'ERROR', message: error.message };
  }
  // Already described (analyzeFiles' results), or a GongwenError that lost its class crossing a thread.
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    const { code, message } = error as { code?: unknown; message: string };
    return { code: typeof code === 'string' ? code : 'ERROR', message };
  }
  return { code: 'ERROR', message: String(error) };
}

// ---------------------------------------------------------------- the writer

type Sizes = Record<OutputFile, number>;

export class ExtractWriter {
  /** Documents available to carry from earlier runs (0 without --resume). */
  readonly resumed: number;
  /** WriterOptions.rawCsv. */
  private rawCsv = false;
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown;
  private closed = false;
  private finished = false;
  /** Carried ids met by this run: written again, replaced, or failed. */
  private readonly met = new Map<string, 'carried' | 'replaced' | 'failed'>();
  private result: WriterSummary | undefined;

  private constructor(
    readonly dir: string,
    private readonly lock: FolderLock,
    private readonly handles: Map<OutputFile, FileHandle>,
    private readonly sizes: Sizes,
    private readonly checkpoint: FileHandle,
    private readonly carried: CarriedDocuments,
  ) {
    this.resumed = carried.size;
  }

  static async open(dir: string, options: WriterOptions = {}): Promise<ExtractWriter> {
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw new GongwenError('OUTPUT', `cannot create the output folder ${dir}: ${messageOf(error)}`, { cause: error });
    }
    const lock = await lockFolder(dir);
    try {
      return await ExtractWriter.openLocked(dir, lock, options);
    } catch (error) {
      await lock.release();
      throw error instanceof GongwenError ? error : new GongwenError('OUTPUT', `cannot prepare ${dir}: ${messageOf(error)}`, { cause: error });
    }
  }

  private static async openLocked(dir: string, lock: FolderLock, options: WriterOptions): Promise<ExtractWriter> {
    // A publish killed after its commit: finish it, that run was complete.
    if ((await lastCheckpoint(dir))?.commit === true) {
      await rollForward(dir, OUTPUT_FILES);
      await rm(join(dir, CHECKPOINT), { force: true });
      await removeCarried(join(dir, CARRIED_FILE)); // that run carried what it could: its carried file is spent
    }
    await removePrevious(dir, OUTPUT_FILES);

    const carried = options.resume === true ? await gatherCarried(dir) : CarriedDocuments.none();
    if (options.resume !== true) await removeCarried(join(dir, CARRIED_FILE));
    try {
      // The checkpoint first: partial files without a checkpoint are never continued.
      await rm(join(dir, CHECKPOINT), { force: true });
      const manifest = manifestText(manifestFor(dir, options.sourceBase ?? process.cwd()));
      for (const file of OUTPUT_FILES) {
        const table = TABLES.find((candidate) => candidate.file === file);
        await writeNew(join(dir, file + PARTIAL), file === MANIFEST_FILE ? manifest : table === undefined ? '' : table.header);
      }
      const handles = new Map<OutputFile, FileHandle>();
      const sizes = {} as Sizes;
      for (const file of OUTPUT_FILES) {
        const path = join(dir, file + PARTIAL);
        sizes[file] = (await stat(path)).size;
        handles.set(file, await open(path, 'a'));
      }
      // A new checkpoint replaces the old one in one rename: a kill here leaves either, never an empty one.
      await writeNew(join(dir, CHECKPOINT + '.new'), JSON.stringify(sizes) + '\n');
      await rename(join(dir, CHECKPOINT + '.new'), join(dir, CHECKPOINT));
      const checkpoint = await open(join(dir, CHECKPOINT), 'a');
      const writer = new ExtractWriter(dir, lock, handles, sizes, checkpoint, carried);
      writer.rawCsv = options.rawCsv === true;
      return writer;
    } catch (error) {
      await carried.close();
      throw error;
    }
  }

  /**
   * Whether an earlier run already wrote this content. With `id`, only when
   * it was written under that id: a duplicate report under another path is
   * then still written, as a fresh run would. A document done is then written
   * with `carry`, not analysed again.
   */
  isDone(hash: string, id?: string): boolean {
    return id === undefined ? this.carried.hasHash(hash) : this.carried.hashOf(id) === hash;
  }

  /**
   * Write an earlier run's document again, at this place in the output, with
   * `update`'s fields (as met now: only the text's hash decided that the
   * analysis can be reused).
   */
  carry(id: string, update: Partial<Pick<DocumentRecord, 'source' | 'metadata' | 'format' | 'encoding'>> = {}): Promise<void> {
    return this.enqueue(async () => {
      const document = { ...(await this.carried.read(id)), ...update };
      this.commit(documentWrites(document, serializeAnalysis(document.id, document, this.rawCsv)));
      this.met.set(id, 'carried');
    });
  }

  /** Append a document to documents.jsonl and its rows to the CSV tables. */
  writeDocument(document: DocumentRecord): Promise<void> {
    return this.writeSerialized(documentHead(document), serializeAnalysis(document.id, document, this.rawCsv));
  }

  /** writeDocument for an analysis serialized already (analyzeFiles with `serialized`). */
  writeSerialized(head: DocumentHead, analysis: SerializedAnalysis): Promise<void> {
    return this.enqueue(async () => {
      this.commit(documentWrites(head, analysis));
      const earlier = this.carried.hashOf(head.id);
      if (earlier !== undefined) this.met.set(head.id, earlier === head.hash ? 'carried' : 'replaced');
    });
  }

  /** Append a failed document to errors.jsonl. */
  writeError(entry: { id: string; source: string; error: unknown }): Promise<void> {
    return this.enqueue(async () => {
      const record: ErrorRecord = { id: entry.id, source: entry.source, error: errorInfo(entry.error) };
      this.commit(new Map([['errors.jsonl', JSON.stringify(record) + '\n']]));
      if (this.carried.hashOf(entry.id) !== undefined && !this.met.has(entry.id)) this.met.set(entry.id, 'failed');
    });
  }

  /** Append a file the input walk passed over to skipped.jsonl. */
  writeSkipped(entry: SkippedRecord): Promise<void> {
    return this.enqueue(async () => {
      const record: SkippedRecord = { id: entry.id, source: entry.source, reason: entry.reason };
      this.commit(new Map([['skipped.jsonl', JSON.stringify(record) + '\n']]));
    });
  }

  /** What this run carried, replaced and dropped; available once close() has published. */
  get summary(): WriterSummary {
    if (this.result === undefined) throw new Error('ExtractWriter.summary is known after close()');
    return this.result;
  }

  /**
   * Publish: sync, then rename the whole set of .partial files over the final
   * names (publish.ts). A write that failed earlier, or a publish that fails,
   * rejects with that error, the previous outputs in place.
   */
  async close(): Promise<void> {
    await this.finish();
    try {
      if (this.failure !== undefined) throw this.failure;
      for (const handle of this.handles.values()) await handle.datasync();
      await this.closeHandles();
      await publishAll(this.dir, OUTPUT_FILES, {
        commit: async () => {
          await this.checkpoint.appendFile(JSON.stringify({ ...this.sizes, commit: true }) + '\n');
          await this.checkpoint.datasync();
        },
        revert: async () => {
          await this.checkpoint.appendFile(JSON.stringify(this.sizes) + '\n');
          await this.checkpoint.datasync();
        },
      });
      // The carried file before the journal: a kill in between then rolls forward (a no-op) rather than carrying stale documents.
      await this.carried.close();
      await removeCarried(join(this.dir, CARRIED_FILE));
      await this.checkpoint.close();
      await rm(join(this.dir, CHECKPOINT), { force: true });
      await syncDirectory(this.dir);
      this.result = this.tally();
    } finally {
      await this.release();
    }
  }

  /**
   * Stop without publishing (Ctrl-C, a fatal error): the previous outputs stay
   * as they were, and the .partial files stay for a later --resume. Never
   * throws, and does nothing after close(): it is what a caller's error path
   * runs, and must not hide the error that brought it there.
   */
  async abort(): Promise<void> {
    if (this.closed) {
      await this.release();
      return;
    }
    this.closed = true;
    await this.queue;
    await this.release();
  }

  private tally(): WriterSummary {
    const summary: WriterSummary = { carried: 0, replaced: [], dropped: [] };
    for (const id of this.carried.ids()) {
      const fate = this.met.get(id);
      if (fate === 'carried') summary.carried++;
      else if (fate === 'replaced') summary.replaced.push(id);
      else summary.dropped.push({ id, reason: fate === 'failed' ? 'failed' : 'gone' });
    }
    return summary;
  }

  private async finish(): Promise<void> {
    if (this.closed) throw new Error('ExtractWriter is closed');
    this.closed = true;
    await this.queue;
  }

  /** Close every handle and release the lock; safe to call more than once. */
  private async release(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.closeHandles();
    await this.checkpoint.close().catch(() => undefined);
    await this.carried.close().catch(() => undefined);
    await this.lock.release();
  }

  private async closeHandles(): Promise<void> {
    for (const handle of this.handles.values()) await handle.close().catch(() => undefined);
  }

  /**
   * One document's writes, then its checkpoint line: the commit point.
   * Synchronous (writeSync on the handles' descriptors): they are small
   * appends to the page cache, and an asynchronous write costs more than the
   * write itself (a promise and a thread-pool round trip each): 360
   * documents' appends took ~100 ms of CPU asynchronously, ~35 ms so.
   * Not batched across documents: a kill would then lose every document of
   * the batch, where now it loses at most the one being written.
   */
  private commit(writes: Map<OutputFile, string | Uint8Array[]>): void {
    let file: string = CHECKPOINT;
    try {
      for (const [name, content] of writes) {
        file = name + PARTIAL;
        for (const chunk of typeof content === 'string' ? [Buffer.from(content, 'utf8')] : content) this.sizes[name] += append(this.handles.get(name)!, chunk);
      }
      file = CHECKPOINT;
      append(this.checkpoint, Buffer.from(JSON.stringify(this.sizes) + '\n', 'utf8'));
    } catch (error) {
      throw new GongwenError('OUTPUT', `cannot write ${join(this.dir, file)}: ${messageOf(error)}`, { cause: error });
    }
  }

  /** Writes run one at a time in call order; after a failed write (disk full) every later call fails with it. */
  private enqueue(operation: () => Promise<void>): Promise<void> {
    if (this.closed) return Promise.reject(new Error('ExtractWriter is closed'));
    const run = this.queue.then(() => {
      if (this.failure !== undefined) throw this.failure;
      return operation().catch((error: unknown) => {
        this.failure = error;
        throw error;
      });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function documentWrites(head: DocumentHead, analysis: SerializedAnalysis): Map<OutputFile, Uint8Array[]> {
  const writes = new Map<OutputFile, Uint8Array[]>([['documents.jsonl', documentLine(head, analysis)]]);
  let at = analysis.jsonLength;
  for (const table of TABLES) {
    const length = analysis.rowLengths[table.file];
    writes.set(table.file, length === 0 ? [] : [analysis.bytes.subarray(at, at + length)]);
    at += length;
  }
  return writes;
}

/** Append `bytes` to a file opened for appending, however many writes it takes; returns their length. */
function append(handle: FileHandle, bytes: Uint8Array): number {
  for (let written = 0; written < bytes.length; ) written += writeSync(handle.fd, bytes, written, bytes.length - written);
  return bytes.length;
}

async function writeNew(path: string, content: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}

/** The last complete line of the checkpoint (a line cut by a kill is ignored). */
async function lastCheckpoint(dir: string): Promise<(Partial<Sizes> & { commit?: boolean }) | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, CHECKPOINT), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  lines.pop(); // the part after the last '\n': empty, or a line cut by the kill
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      const parsed = JSON.parse(lines[i]!) as Record<string, unknown>;
      if (typeof parsed['documents.jsonl'] === 'number') return parsed as Partial<Sizes> & { commit?: boolean };
    } catch {
      // not a complete line
    }
  }
  return undefined;
}

/**
 * The documents earlier runs left to carry (see carried.ts): an interrupted
 * run's documents.jsonl.partial up to its last checkpoint, over the carried
 * file of an interrupted resumed run or else the published documents.jsonl.
 */
async function gatherCarried(dir: string): Promise<CarriedDocuments> {
  const sources: CarrySource[] = [];
  const carriedPath = join(dir, CARRIED_FILE);
  if (await exists(carriedPath)) sources.push({ path: carriedPath });
  else if (await exists(join(dir, 'documents.jsonl'))) sources.push({ path: join(dir, 'documents.jsonl') });
  const checkpoint = await lastCheckpoint(dir);
  const partial = join(dir, 'documents.jsonl' + PARTIAL);
  const limit = checkpoint?.['documents.jsonl'];
  if (limit !== undefined && (await exists(partial)) && (await stat(partial)).size >= limit) sources.push({ path: partial, limit });
  return CarriedDocuments.gather(carriedPath, sources);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
