/**
 * `--resume`: the documents earlier runs wrote into DIR, available for reuse.
 *
 * At the start of a resumed run they are gathered into one file,
 * `DIR/extract.carried.jsonl` (lines of documents.jsonl), with an index
 * id → where its line is and its content hash. They come from, newest first:
 *   1. documents.jsonl.partial of an interrupted run, up to its last checkpoint;
 *   2. extract.carried.jsonl of an interrupted resumed run (it holds what
 *      that run could still carry), else the published documents.jsonl.
 * One line per id, the newest winning. The file is written beside and renamed
 * into place, so a kill while it is built leaves the previous one; and it is
 * deleted only once the run's outputs are published, so a resumed run that is
 * killed loses nothing it could carry.
 *
 * The run then re-emits a carried document at its place in the input order
 * (its CSV rows regenerated from the line: the tables are derived from
 * documents.jsonl), so a resumed run's output equals a fresh run's; and a
 * carried id the run never re-emits (its input is gone, changed or now
 * failing) is left out. Only the index is in memory (an id, a hash and two
 * numbers per document); the lines stay on disk.
 */
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { GongwenError } from '../diagnostics.js';
import type { DocumentRecord } from './output.js';

export const CARRIED_FILE = 'extract.carried.jsonl';

interface CarriedEntry {
  hash: string;
  offset: number;
  length: number;
}

/** A part of a documents.jsonl file to carry from: the whole file, or its first `limit` bytes. */
export interface CarrySource {
  path: string;
  limit?: number;
}

export class CarriedDocuments {
  private constructor(
    private readonly handle: FileHandle | undefined,
    private readonly index: Map<string, CarriedEntry>,
    private readonly hashes: Set<string>,
  ) {}

  /** Nothing carried (a fresh run). */
  static none(): CarriedDocuments {
    return new CarriedDocuments(undefined, new Map(), new Set());
  }

  /**
   * Merge `sources` (oldest first; a later source's line replaces an earlier
   * one with the same id) into `path`, via `path.new` and a rename, and open it.
   */
  static async gather(path: string, sources: readonly CarrySource[]): Promise<CarriedDocuments> {
    // Pass 1, newest source first: which line of which source holds each id's newest record. Within a
    // source the last line wins (a documents.jsonl written before the lock existed may repeat an id).
    const newer = new Set<string>();
    const keptLines: Map<string, number>[] = [];
    for (let i = sources.length - 1; i >= 0; i--) {
      const lastLine = new Map<string, number>();
      let line = 0;
      for await (const { record } of documentLines(sources[i]!)) lastLine.set(record.id, line++);
      for (const id of newer) lastLine.delete(id);
      for (const id of lastLine.keys()) newer.add(id);
      keptLines[i] = lastLine;
    }

    // Pass 2: copy those lines, oldest source first.
    const building = `${path}.new`;
    const output = await open(building, 'w');
    const index = new Map<string, CarriedEntry>();
    const hashes = new Set<string>();
    let offset = 0;
    try {
      for (let i = 0; i < sources.length; i++) {
        const keep = keptLines[i]!;
        let line = 0;
        for await (const { record, bytes } of documentLines(sources[i]!)) {
          if (keep.get(record.id) !== line++) continue;
          const copied = Buffer.concat([bytes, NEWLINE]);
          await output.write(copied);
          index.set(record.id, { hash: record.hash, offset, length: bytes.length });
          hashes.add(record.hash);
          offset += copied.length;
        }
      }
      await output.datasync();
    } finally {
      await output.close();
    }
    await rename(building, path);
    return new CarriedDocuments(await open(path, 'r'), index, hashes);
  }

  get size(): number {
    return this.index.size;
  }

  ids(): IterableIterator<string> {
    return this.index.keys();
  }

  hashOf(id: string): string | undefined {
    return this.index.get(id)?.hash;
  }

  hasHash(hash: string): boolean {
    return this.hashes.has(hash);
  }

  /** The carried document with this id, read back from the file. */
  async read(id: string): Promise<DocumentRecord> {
    const entry = this.index.get(id);
    if (entry === undefined || this.handle === undefined) throw new Error(`no carried document ${id}`);
    const buffer = Buffer.alloc(entry.length);
    for (let read = 0; read < entry.length; ) {
      const { bytesRead } = await this.handle.read(buffer, read, entry.length - read, entry.offset + read);
      if (bytesRead === 0) throw new GongwenError('OUTPUT', `${CARRIED_FILE} was cut short while the run used it`);
      read += bytesRead;
    }
    return JSON.parse(buffer.toString('utf8')) as DocumentRecord;
  }

  async close(): Promise<void> {
    await this.handle?.close();
  }
}

const NEWLINE = Buffer.from('\n');

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function removeCarried(path: string): Promise<void> {
  await rm(`${path}.new`, { force: true });
  await rm(path, { force: true });
}

/**
 * The lines of a documents.jsonl, with their bytes (without the `\n`) and
 * their id and hash. A line that is not a document record stops the resume:
 * carrying on would silently drop or redo documents.
 */
async function* documentLines(source: CarrySource): AsyncGenerator<{ record: { id: string; hash: string }; bytes: Buffer }> {
  // Before the stream: `end: limit - 1` is -1 for an empty part, which createReadStream refuses (every --resume failed).
  if (source.limit === 0) return;
  const stream = createReadStream(source.path, source.limit === undefined ? {} : { end: source.limit - 1 });
  let lineNumber = 0;
  let pending: Buffer[] = [];
  const parse = (bytes: Buffer): { id: string; hash: string } | undefined => {
    lineNumber++;
    if (bytes.toString('utf8').trim() === '') return undefined;
    let record: { id?: unknown; hash?: unknown };
    try {
      record = JSON.parse(bytes.toString('utf8')) as { id?: unknown; hash?: unknown };
    } catch {
      throw new GongwenError('OUTPUT', `cannot resume: line ${lineNumber} of ${source.path} is not JSON`);
    }
    if (typeof record.id !== 'string' || typeof record.hash !== 'string') {
      throw new GongwenError('OUTPUT', `cannot resume: line ${lineNumber} of ${source.path} has no "id" and "hash"`);
    }
    return { id: record.id, hash: record.hash };
  };
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    let start = 0;
    let newline = buffer.indexOf(0x0a, start);
    while (newline !== -1) {
      pending.push(buffer.subarray(start, newline));
      const bytes = Buffer.concat(pending);
      pending = [];
      const record = parse(bytes);
      if (record !== undefined) yield { record, bytes };
      start = newline + 1;
      newline = buffer.indexOf(0x0a, start);
    }
    if (start < buffer.length) pending.push(buffer.subarray(start));
  }
  if (pending.length > 0) {
    const bytes = Buffer.concat(pending);
    const record = parse(bytes);
    if (record !== undefined) yield { record, bytes };
  }
}
