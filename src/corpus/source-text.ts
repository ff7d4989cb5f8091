/**
 * `CorpusDocument.text()` for records of documents.jsonl, which do not hold
 * the text: it is read again from the record's `source`.
 *
 * - `file.jsonl#12`: line 12 of file.jsonl. The first request scans the file
 *   once for the byte offset of every line (8 bytes per line held, for the
 *   life of the corpus); each text is then one positioned read, so reading
 *   every text of a 10,000-record archive is one pass, not 10,000.
 * - a file: read and decoded again, as `gongwen extract` did.
 *
 * A relative `source` resolves against the base its documents.jsonl records
 * (extract.json, see archive/manifest.ts), passed with the record; `cwd` only
 * for a folder that records none.
 *
 * The text read must hash to the record's `hash`: offsets in the record index
 * into that exact text, so a source edited since the extraction is an error
 * (FORMAT), not silently wrong contexts.
 */
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GongwenError } from '../diagnostics.js';
import { contentHash } from '../archive/hash.js';
import { decode, normalizeEncoding } from '../archive/decode.js';
import { loadTask } from '../archive/inputs.js';
import { recordText } from '../archive/inputs.js';
import { specialKind } from '../archive/read-bounded.js';

export interface SourceTextOptions {
  /** Directory relative `source` paths are resolved against when `read` is given no base. Default: process.cwd(). */
  cwd?: string;
  /** Field of a .jsonl record holding the text. Default: `content`, else `text`. */
  textField?: string;
  /** Encoding of the sources (as given to extract). */
  encoding?: string;
}

export class SourceTexts {
  private readonly lineOffsets = new Map<string, Promise<number[]>>();

  constructor(private readonly options: SourceTextOptions = {}) {}

  /** The record's text; a relative `source` resolved against `base` (its extract folder's, see sourceBaseOf). */
  async read(record: { id: string; source: string; hash: string }, base?: string): Promise<string> {
    const text = await this.readUnchecked(record, base ?? this.options.cwd ?? process.cwd());
    if (contentHash(text) !== record.hash) {
      throw new GongwenError('FORMAT', `${record.id}: the text in ${record.source} has changed since it was extracted (its hash differs); run gongwen extract again`);
    }
    return text;
  }

  private async readUnchecked({ id, source }: { id: string; source: string }, base: string): Promise<string> {
    if (source === '-') throw new GongwenError('UNREADABLE', `${id}: the text of a document read from stdin cannot be read again`);
    const path = resolve(base, source);
    const line = /#(\d+)$/.exec(id);
    if (line && source.toLowerCase().endsWith('.jsonl')) return this.recordText(id, path, Number(line[1]));
    return (await loadTask({ kind: 'file', path, ...(this.options.encoding ? { encoding: this.options.encoding } : {}) })).text;
  }

  private async recordText(id: string, path: string, lineNumber: number): Promise<string> {
    let offsets = this.lineOffsets.get(path);
    if (!offsets) {
      offsets = scanLineOffsets(path);
      this.lineOffsets.set(path, offsets);
    }
    const starts = await offsets;
    const start = starts[lineNumber - 1];
    const end = starts[lineNumber];
    if (start === undefined || end === undefined) throw new GongwenError('FORMAT', `${id}: ${path} has no line ${lineNumber} (has it changed since the extraction?)`);
    // Synchronous: three system calls on a file the scan just read (in the page cache). Through the
    // thread pool, each of them waited its turn: kwic --word over 10,000 reports spent 11 of its 27 s idle.
    const bytes = Buffer.alloc(end - start);
    const descriptor = openSync(path, 'r');
    try {
      readSync(descriptor, bytes, 0, bytes.length, start);
    } finally {
      closeSync(descriptor);
    }
    const encoding = this.options.encoding ? normalizeEncoding(this.options.encoding) : 'utf-8';
    const line = decode(bytes, { encoding }).text.replace(/\r?\n$/, '');
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      // Not the engine's message: it quotes the line, and the source may be any file (never echo its bytes).
      throw new GongwenError('FORMAT', `${id}: line ${lineNumber} of ${path} is not valid JSON`);
    }
    // The same choice of field as extract made (recordText): a null or empty `content` falls back to `text`.
    const fields = this.options.textField ? [this.options.textField] : ['content', 'text'];
    const found = recordText((record ?? {}) as Record<string, unknown>, fields);
    if (!('text' in found)) throw new GongwenError('FORMAT', `${id}: the record ${found.missing}`);
    return found.text;
  }
}

/** Byte offset of the start of every line, plus one past the end: line n (1-based) is [offsets[n-1], offsets[n]). */
async function scanLineOffsets(path: string): Promise<number[]> {
  const offsets = [0];
  let handle;
  try {
    // O_NONBLOCK: a FIFO opens at once (and is refused below) instead of waiting for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GongwenError(code === 'ENOENT' ? 'ENOENT' : 'UNREADABLE', `cannot read the source ${path} again: ${(error as Error).message}`);
  }
  try {
    const info = await handle.stat();
    // /dev/zero as a source never ends: only a regular file is scanned.
    if (!info.isFile()) throw new GongwenError('UNREADABLE', `cannot read the source ${path} again: not a regular file (${specialKind(info)})`);
    let position = 0;
    for await (const chunk of handle.createReadStream({ autoClose: false })) {
      const buffer = chunk as Buffer;
      for (let at = buffer.indexOf(0x0a); at !== -1; at = buffer.indexOf(0x0a, at + 1)) offsets.push(position + at + 1);
      position += buffer.length;
    }
    if (offsets[offsets.length - 1] !== position) offsets.push(position);
  } finally {
    await handle.close();
  }
  return offsets;
}
