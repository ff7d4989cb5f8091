/**
 * `--out DIR`: the tables an archive run produces.
 *
 *   documents.jsonl    one line per document: the AnalysisJson fields plus id, source, format, encoding, hash, metadata
 *   errors.jsonl       one line per document that could not be read or analysed: {id, source, error: {code, message}}
 *   headings.csv       doc_id, depth, marker, ordinal, text, role, offset
 *   slogans.csv        doc_id, text, canonical, count, quoted, known, offset
 *   placeholders.csv   doc_id, raw, kind, offset
 *   metrics.csv        doc_id and every MetricRecord field (snake_case), sentence as sentence_start, sentence_end
 *
 * Publication is atomic per file: everything is written to `NAME.partial`
 * in DIR and renamed over `NAME` by `close()`, so a run that dies leaves the
 * previous complete outputs as they were.
 *
 * Progress survives a kill, too. Each document is appended to the .partial
 * files as soon as it is written (one write per file per document, no
 * user-space buffering: the kernel keeps the bytes when the process dies),
 * then a line with the size of every .partial file is appended to
 * `extract.checkpoint`. That line is the commit point. `--resume` truncates
 * the .partial files back to the last complete checkpoint line — dropping a
 * document that was half written when the process died, in whichever file —
 * and continues after it; the documents in documents.jsonl.partial count as
 * done. Sizes, rather than filtering rows by doc_id, because CSV rows may span
 * lines (a quoted newline) and re-parsing them would take a CSV parser; and
 * one small append per document costs next to nothing beside the analysis.
 * (Not fsync'ed per document: a kill -9 loses nothing, a power cut may lose
 * the last seconds; close() syncs before publishing.)
 *
 * errors.jsonl always starts empty, also with --resume: every document not
 * in documents.jsonl is attempted again (its load error cannot be matched to
 * a hash anyway) and records its error again, so there are no duplicates.
 */
import { constants, writeSync } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stringify } from 'csv-stringify/sync';
import { GongwenError } from '../diagnostics.js';
import type { AnalysisJson, HeadingRecord, MetricRecord, PlaceholderRecord, SloganRecord } from '../extract/types.js';
import type { DocumentFormat } from './formats.js';

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

export interface WriterOptions {
  /** Carry the rows of the previous (complete or interrupted) run forward and skip its documents. */
  resume?: boolean;
}

export const OUTPUT_FILES = ['documents.jsonl', 'errors.jsonl', 'headings.csv', 'slogans.csv', 'placeholders.csv', 'metrics.csv'] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];

const PARTIAL = '.partial';
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
 * RFC 4180: comma-separated, CRLF between records, a field quoted when it
 * holds a comma, a quote (doubled) or a line break. csv-stringify quotes CR/LF
 * only when they match its record delimiter, so `quoted_match` forces it for a
 * lone `\n` too. null → empty field, booleans → true/false (not 1/"").
 * A well-kept writer rather than string joins: quoting is where CSV goes wrong.
 */
function csv(rows: unknown[][]): string {
  return stringify(rows, {
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}

/**
 * Every CSV file starts with a UTF-8 byte order mark: without it Excel (the
 * tool most researchers open a .csv with) reads UTF-8 as the ANSI code page
 * and shows the Chinese as mojibake. pandas, R and csv-parse skip the BOM.
 */
const BOM = '\ufeff';

/** A CSV table: its file, its header line and its rows for one document. */
interface Table {
  file: OutputFile;
  header: string;
  rows(document: DocumentRecord): string;
}

function table<T>(file: OutputFile, columns: readonly Column<T>[], records: (document: DocumentRecord) => readonly T[]): Table {
  return {
    file,
    header: BOM + csv([['doc_id', ...columns.map(([name]) => name)]]),
    rows(document) {
      const rows = records(document);
      return rows.length === 0 ? '' : csv(rows.map((row) => [document.id, ...columns.map(([, value]) => value(row))]));
    },
  };
}

const TABLES: readonly Table[] = [
  table('headings.csv', HEADING_COLUMNS, (document) => document.headings),
  table('slogans.csv', SLOGAN_COLUMNS, (document) => document.slogans),
  table('placeholders.csv', PLACEHOLDER_COLUMNS, (document) => document.placeholders),
  table('metrics.csv', METRIC_COLUMNS, (document) => document.metrics),
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

function documentLine(document: DocumentRecord): string {
  const line: Record<string, unknown> = {
    id: document.id,
    source: document.source,
    format: document.format,
    encoding: document.encoding,
    hash: document.hash,
    metadata: document.metadata,
  };
  for (const field of Object.keys(ANALYSIS_FIELDS) as (keyof AnalysisJson)[]) line[field] = document[field];
  return JSON.stringify(line) + '\n';
}

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
  /** Documents carried forward from the previous run (0 without --resume). */
  readonly resumed: number;
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown;
  private closed = false;

  private constructor(
    readonly dir: string,
    private readonly handles: Map<OutputFile, FileHandle>,
    private readonly sizes: Sizes,
    private readonly checkpoint: FileHandle,
    private readonly doneHashes: Set<string>,
    private readonly donePairs: Set<string>,
    resumed: number,
  ) {
    this.resumed = resumed;
  }

  static async open(dir: string, options: WriterOptions = {}): Promise<ExtractWriter> {
    await mkdir(dir, { recursive: true });
    await finishInterruptedClose(dir);

    const continued = options.resume === true && (await restorePartials(dir));
    if (!continued) {
      await removeLeftovers(dir);
      for (const file of OUTPUT_FILES) {
        const final = join(dir, file);
        if (options.resume === true && file !== 'errors.jsonl' && (await exists(final))) {
          await copyFile(final, join(dir, file + PARTIAL));
        } else {
          const table = TABLES.find((candidate) => candidate.file === file);
          await writeNew(join(dir, file + PARTIAL), table === undefined ? '' : table.header);
        }
      }
    }
    // errors.jsonl restarts empty in every case (see the top of this file).
    await writeNew(join(dir, 'errors.jsonl' + PARTIAL), '');

    const handles = new Map<OutputFile, FileHandle>();
    const sizes = {} as Sizes;
    for (const file of OUTPUT_FILES) {
      const path = join(dir, file + PARTIAL);
      sizes[file] = (await stat(path)).size;
      handles.set(file, await open(path, 'a'));
    }
    const doneHashes = new Set<string>();
    const donePairs = new Set<string>();
    const resumed = options.resume === true ? await readDone(join(dir, 'documents.jsonl' + PARTIAL), doneHashes, donePairs) : 0;

    // A new checkpoint replaces the old one in one rename: a kill here leaves either, never an empty one.
    await writeNew(join(dir, CHECKPOINT + '.new'), JSON.stringify(sizes) + '\n');
    await rename(join(dir, CHECKPOINT + '.new'), join(dir, CHECKPOINT));
    const checkpoint = await open(join(dir, CHECKPOINT), 'a');
    return new ExtractWriter(dir, handles, sizes, checkpoint, doneHashes, donePairs, resumed);
  }

  /**
   * Whether a previous run already wrote this content. With `id`, only when
   * it was written under that id: a duplicate report under another path is
   * then still written, as a fresh run would.
   */
  isDone(hash: string, id?: string): boolean {
    return id === undefined ? this.doneHashes.has(hash) : this.donePairs.has(pairKey(id, hash));
  }

  /** Append a document to documents.jsonl and its rows to the CSV tables. */
  writeDocument(document: DocumentRecord): Promise<void> {
    return this.enqueue(async () => {
      const writes = new Map<OutputFile, string>([['documents.jsonl', documentLine(document)]]);
      for (const table of TABLES) writes.set(table.file, table.rows(document));
      this.commit(writes);
      this.doneHashes.add(document.hash);
      this.donePairs.add(pairKey(document.id, document.hash));
    });
  }

  /** Append a failed document to errors.jsonl. */
  writeError(entry: { id: string; source: string; error: unknown }): Promise<void> {
    return this.enqueue(async () => {
      const record: ErrorRecord = { id: entry.id, source: entry.source, error: errorInfo(entry.error) };
      this.commit(new Map([['errors.jsonl', JSON.stringify(record) + '\n']]));
    });
  }

  /** Publish: sync, then rename every .partial file over its final name. */
  async close(): Promise<void> {
    await this.finish();
    if (this.failure !== undefined) {
      await this.closeHandles();
      throw this.failure;
    }
    for (const handle of this.handles.values()) await handle.datasync();
    await this.checkpoint.appendFile(JSON.stringify({ ...this.sizes, commit: true }) + '\n');
    await this.checkpoint.datasync();
    await this.closeHandles();
    await publish(this.dir);
  }

  /**
   * Stop without publishing (Ctrl-C, a fatal error): the previous outputs stay
   * as they were, and the .partial files stay for a later --resume.
   */
  async abort(): Promise<void> {
    await this.finish();
    await this.closeHandles();
  }

  private async finish(): Promise<void> {
    if (this.closed) throw new Error('ExtractWriter is closed');
    this.closed = true;
    await this.queue;
  }

  private async closeHandles(): Promise<void> {
    for (const handle of this.handles.values()) await handle.close();
    await this.checkpoint.close();
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
  private commit(writes: Map<OutputFile, string>): void {
    for (const [file, text] of writes) {
      if (text === '') continue;
      this.sizes[file] += append(this.handles.get(file)!, text);
    }
    append(this.checkpoint, JSON.stringify(this.sizes) + '\n');
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

/** Append `text` to a file opened for appending, however many writes it takes; returns its size in bytes. */
function append(handle: FileHandle, text: string): number {
  const bytes = Buffer.from(text, 'utf8');
  for (let written = 0; written < bytes.length; ) written += writeSync(handle.fd, bytes, written, bytes.length - written);
  return bytes.length;
}

function pairKey(id: string, hash: string): string {
  return `${hash}\u0000${id}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function writeNew(path: string, content: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}

/** The last complete line of the checkpoint that records every file's size. */
async function lastCheckpoint(dir: string): Promise<(Sizes & { commit?: boolean }) | undefined> {
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
      if (OUTPUT_FILES.every((file) => typeof parsed[file] === 'number')) return parsed as Sizes & { commit?: boolean };
    } catch {
      // not a complete line
    }
  }
  return undefined;
}

/** A close() killed between its renames: finish them, the run was complete. */
async function finishInterruptedClose(dir: string): Promise<void> {
  const checkpoint = await lastCheckpoint(dir);
  if (checkpoint?.commit !== true) return;
  await publish(dir);
}

async function publish(dir: string): Promise<void> {
  for (const file of OUTPUT_FILES) {
    const partial = join(dir, file + PARTIAL);
    if (await exists(partial)) await rename(partial, join(dir, file));
  }
  await rm(join(dir, CHECKPOINT), { force: true });
  await syncDirectory(dir);
}

/** Make the renames durable (POSIX); not possible everywhere (Windows), and not needed for correctness after a mere kill. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

/**
 * Continue an interrupted run: cut every .partial file back to the sizes of
 * the last complete checkpoint line. False when there is nothing usable to
 * continue (no checkpoint, a .partial file missing or shorter than recorded):
 * the caller then starts again from the final files.
 */
async function restorePartials(dir: string): Promise<boolean> {
  const checkpoint = await lastCheckpoint(dir);
  if (checkpoint === undefined) return false;
  // errors.jsonl is not carried forward: open() empties it.
  const carried = OUTPUT_FILES.filter((file) => file !== 'errors.jsonl');
  for (const file of carried) {
    try {
      if ((await stat(join(dir, file + PARTIAL))).size < checkpoint[file]) return false;
    } catch {
      return false;
    }
  }
  for (const file of carried) {
    const handle = await open(join(dir, file + PARTIAL), 'r+');
    try {
      await handle.truncate(checkpoint[file]);
    } finally {
      await handle.close();
    }
  }
  return true;
}

async function removeLeftovers(dir: string): Promise<void> {
  // The checkpoint first: partial files without a checkpoint are never continued.
  await rm(join(dir, CHECKPOINT), { force: true });
  for (const file of OUTPUT_FILES) await rm(join(dir, file + PARTIAL), { force: true });
}

/**
 * Hashes (and id+hash pairs) of the documents already written; returns how
 * many. Streamed: documents.jsonl may be gigabytes.
 */
async function readDone(path: string, hashes: Set<string>, pairs: Set<string>): Promise<number> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let count = 0;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let record: { id?: unknown; hash?: unknown };
    try {
      record = JSON.parse(line) as { id?: unknown; hash?: unknown };
    } catch {
      throw new GongwenError('UNREADABLE', `cannot resume: line ${lineNumber} of ${path} is not JSON`);
    }
    if (typeof record.hash !== 'string' || typeof record.id !== 'string') continue;
    hashes.add(record.hash);
    pairs.add(pairKey(record.id, record.hash));
    count++;
  }
  return count;
}
