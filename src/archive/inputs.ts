/**
 * CLI inputs → documents, one at a time, in a deterministic order.
 *
 * An input is a file, a folder (walked recursively in sorted order), a glob,
 * `@list.txt` (a file of inputs, one per line), or `-` (stdin). A `.jsonl`
 * file gives one document per record. Nothing is read until asked for: the
 * folder walk reads one directory listing at a time, .jsonl files are
 * streamed line by line, and a document's bytes are read only by `load()`.
 *
 * Errors do not stop the expansion: a missing file, a record that is not JSON
 * or has no text field becomes a source whose `load()` rejects with a
 * GongwenError saying why, so the run records it and goes on.
 *
 * Every source also carries `task`, plain data (structured-cloneable) from
 * which `loadTask` rebuilds the document: analyzeFiles sends the task to a
 * worker thread, which loads it there (analyze-worker.ts), so reading,
 * decoding, PDF and docx parsing run in parallel too.
 */
import { createReadStream } from 'node:fs';
import { open, opendir, readFile, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { extname, isAbsolute, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { glob, isDynamicPattern } from 'tinyglobby';
import { GongwenError } from '../diagnostics.js';
import type { Warning } from '../diagnostics.js';
import { decode, normalizeEncoding } from './decode.js';
import type { EncodingName } from './decode.js';
import { extractText } from './formats.js';
import type { DocumentFormat } from './formats.js';
import { formatSize, resolveMaxBytes, tooLarge } from './limits.js';

export type GongwenErrorCode = GongwenError['code'];

export interface LoadedDocument {
  text: string;
  format: DocumentFormat;
  /** Null for docx and pdf. */
  encoding: EncodingName | null;
  warnings: Warning[];
}

/** How to load a document: plain data, so it can cross to a worker thread. */
export type SourceTask =
  | { kind: 'file'; path: string; encoding?: string }
  | { kind: 'bytes'; name: string; bytes: Uint8Array; encoding?: string }
  | { kind: 'record'; text: string; encoding: EncodingName }
  | { kind: 'error'; code: GongwenErrorCode; message: string };

export interface DocumentSource {
  /** `reports/a.txt` (the path as given), `dump.jsonl#12` (1-based line), `-` (stdin). */
  id: string;
  /** The file it comes from, as given; `-` for stdin. */
  source: string;
  /** A .jsonl record's other fields (title, url, year, congress…); `{}` for files. */
  metadata: Record<string, unknown>;
  task: SourceTask;
  load(): Promise<LoadedDocument>;
}

export interface InputOptions {
  /** The field of a .jsonl record holding the text. Default: `content`, else `text`. */
  textField?: string;
  /** Encoding of text input without a BOM (see decode.ts). */
  encoding?: string;
  /** Directory relative inputs and globs are resolved against; ids keep the paths as given. Default: process.cwd(). */
  cwd?: string;
  /** Where `-` reads from. Default: process.stdin. */
  stdin?: Readable;
  /** `-` is one document (default) or JSON Lines. */
  stdinFormat?: 'document' | 'jsonl';
}

/** Extensions a folder walk picks up; files without an extension are taken too. */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md', '.docx', '.html', '.htm', '.pdf', '.jsonl']);

/**
 * Rebuild a document from its task (in the main thread or a worker).
 * `maxBytes` (limits.ts): a larger file is refused from its size, unread.
 */
export async function loadTask(task: SourceTask, limits: { maxBytes?: number } = {}): Promise<LoadedDocument> {
  const maxBytes = resolveMaxBytes(limits.maxBytes);
  switch (task.kind) {
    case 'error':
      throw new GongwenError(task.code, task.message);
    case 'record':
      if (task.text.length > maxBytes) throw tooLarge(`the record's text is ${formatSize(task.text.length)}`, maxBytes);
      return { text: task.text, format: 'text', encoding: task.encoding, warnings: [] };
    case 'bytes':
      return loaded(await extractText(task.bytes, options(task.name, task.encoding, maxBytes)));
    case 'file': {
      let bytes: Buffer;
      try {
        const { size } = await stat(task.path);
        if (size > maxBytes) throw tooLarge(`the file is ${formatSize(size)}`, maxBytes);
        bytes = await readFile(task.path);
      } catch (error) {
        throw error instanceof GongwenError ? error : fileError(task.path, error);
      }
      return loaded(await extractText(bytes, options(task.path, task.encoding, maxBytes)));
    }
  }
}

function options(name: string, encoding: string | undefined, maxBytes: number): { name: string; encoding?: string; maxBytes: number } {
  return encoding === undefined ? { name, maxBytes } : { name, encoding, maxBytes };
}

function loaded(extracted: Awaited<ReturnType<typeof extractText>>): LoadedDocument {
  return { text: extracted.text, format: extracted.format, encoding: extracted.encoding ?? null, warnings: extracted.warnings };
}

function source(id: string, from: string, task: SourceTask, metadata: Record<string, unknown> = {}): DocumentSource {
  return { id, source: from, metadata, task, load: () => loadTask(task) };
}

function failed(id: string, from: string, code: GongwenErrorCode, message: string, metadata: Record<string, unknown> = {}): DocumentSource {
  return source(id, from, { kind: 'error', code, message }, metadata);
}

/**
 * Expand the inputs, in the order given; within a folder or a glob, in
 * code-unit order of the paths (stable across machines and locales). A file
 * reached twice (named and inside a named folder) is yielded once.
 */
export async function* expandInputs(inputs: readonly string[], options: InputOptions = {}): AsyncGenerator<DocumentSource> {
  const context: Context = {
    cwd: options.cwd ?? process.cwd(),
    seen: new Set(),
    options,
    ...(options.encoding === undefined ? {} : { encoding: normalizeEncoding(options.encoding) }),
  };
  for (const input of inputs) {
    if (input === '-') {
      yield* stdinSources(context);
    } else if (input.startsWith('@') && input.length > 1) {
      yield* listSources(input.slice(1), context);
    } else {
      yield* pathSources(input, context);
    }
  }
}

interface Context {
  cwd: string;
  /** Absolute paths already yielded. */
  seen: Set<string>;
  options: InputOptions;
  encoding?: EncodingName;
}

function withEncoding<T extends object>(task: T, context: Context): T & { encoding?: string } {
  return context.encoding === undefined ? task : { ...task, encoding: context.encoding };
}

async function* stdinSources(context: Context): AsyncGenerator<DocumentSource> {
  const stream = context.options.stdin ?? process.stdin;
  if (context.options.stdinFormat === 'jsonl') {
    yield* jsonlSources(stream, '-', context);
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  yield source('-', '-', withEncoding({ kind: 'bytes' as const, name: '-', bytes: new Uint8Array(Buffer.concat(chunks)) }, context));
}

/**
 * `@list.txt`: one input per line (file, folder or glob), blank lines and
 * `#` comments skipped. Relative entries are relative to the working
 * directory, as for `tar -T` and `find … > list.txt`.
 */
async function* listSources(list: string, context: Context): AsyncGenerator<DocumentSource> {
  let stream: Readable;
  try {
    await stat(resolve(context.cwd, list));
    stream = createReadStream(resolve(context.cwd, list), { encoding: 'utf8' });
  } catch (error) {
    yield errorSource(`@${list}`, list, error);
    return;
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let first = true;
  for await (const raw of lines) {
    const entry = (first ? raw.replace(/^\ufeff/, '') : raw).trim();
    first = false;
    if (entry === '' || entry.startsWith('#')) continue;
    yield* pathSources(entry, context);
  }
}

async function* pathSources(input: string, context: Context): AsyncGenerator<DocumentSource> {
  const absolute = resolve(context.cwd, input);
  let stats;
  try {
    stats = await stat(absolute);
  } catch (error) {
    // A literal path wins over a pattern: `报告[2021].txt` is a file name.
    if (isDynamicPattern(input)) {
      yield* globSources(input, context);
    } else {
      yield errorSource(input, input, error);
    }
    return;
  }
  if (stats.isDirectory()) {
    yield* folderSources(input, absolute, context);
  } else {
    yield* fileSources(input, absolute, context);
  }
}

/**
 * A glob is the user's explicit choice: its matches are taken whatever their
 * extension, but dotfiles and node_modules are skipped as in folders.
 */
async function* globSources(pattern: string, context: Context): AsyncGenerator<DocumentSource> {
  const matches = await glob(pattern, {
    cwd: context.cwd,
    absolute: isAbsolute(pattern),
    onlyFiles: true,
    dot: false,
    ignore: ['**/node_modules/**'],
    expandDirectories: false,
  });
  if (matches.length === 0) {
    yield failed(pattern, pattern, 'ENOENT', `no file matches ${pattern}`);
    return;
  }
  matches.sort(compareCodeUnits);
  for (const match of matches) yield* fileSources(match, resolve(context.cwd, match), context);
}

/**
 * Depth-first, entries sorted by name, one directory listing in memory per
 * level. Skipped: dotfiles and dot-folders (.git, .DS_Store), node_modules,
 * files of other extensions, and symbolic links to folders (a link cycle
 * would never end); symbolic links to files are followed.
 */
async function* folderSources(given: string, absolute: string, context: Context): AsyncGenerator<DocumentSource> {
  const entries: Dirent[] = [];
  try {
    for await (const entry of await opendir(absolute)) entries.push(entry);
  } catch (error) {
    yield errorSource(given, given, error);
    return;
  }
  entries.sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const childGiven = join(given, entry.name);
    const childAbsolute = join(absolute, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(childAbsolute);
        isDirectory = false; // not followed: see above
        isFile = target.isFile();
      } catch {
        continue; // dangling link
      }
    }
    if (isDirectory) {
      yield* folderSources(childGiven, childAbsolute, context);
    } else if (isFile) {
      const extension = extname(entry.name).toLowerCase();
      if (extension === '' || DOCUMENT_EXTENSIONS.has(extension)) yield* fileSources(childGiven, childAbsolute, context);
    }
  }
}

async function* fileSources(given: string, absolute: string, context: Context): AsyncGenerator<DocumentSource> {
  if (context.seen.has(absolute)) return;
  context.seen.add(absolute);
  if (extname(given).toLowerCase() === '.jsonl') {
    let stream: Readable;
    try {
      const handle = await open(absolute, 'r');
      stream = handle.createReadStream();
    } catch (error) {
      yield errorSource(given, given, error);
      return;
    }
    yield* jsonlSources(stream, given, context);
    return;
  }
  yield source(given, given, withEncoding({ kind: 'file' as const, path: absolute }, context));
}

/**
 * One document per line of a JSON Lines stream; blank lines are skipped but
 * counted, so `#12` is the line an editor shows. Lines are split on the bytes
 * (0x0A never occurs inside a UTF-8 or GB18030 character) and each line is
 * decoded strictly: readline would decode with U+FFFD replacement, silently,
 * and one bad line must not end the file.
 */
async function* jsonlSources(stream: Readable, given: string, context: Context): AsyncGenerator<DocumentSource> {
  const textField = context.options.textField;
  const fields = textField === undefined ? ['content', 'text'] : [textField];
  const encoding: EncodingName = context.encoding ?? 'utf-8';
  let lineNumber = 0;
  try {
    for await (const bytes of byteLines(stream)) {
      lineNumber++;
      const id = `${given}#${lineNumber}`;
      let line: string;
      try {
        line = decode(bytes, { encoding }).text;
      } catch (error) {
        yield errorSource(id, given, error);
        continue;
      }
      if (line.trim() === '') continue;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (error) {
        yield failed(id, given, 'FORMAT', `line ${lineNumber} of ${given} is not valid JSON: ${messageOf(error)}`);
        continue;
      }
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        yield failed(id, given, 'FORMAT', `line ${lineNumber} of ${given} is not a JSON object`);
        continue;
      }
      const fields_ = record as Record<string, unknown>;
      const field = fields.find((name) => Object.hasOwn(fields_, name));
      const text = field === undefined ? undefined : fields_[field];
      const metadata: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(fields_)) if (key !== field) metadata[key] = value;
      if (typeof text !== 'string') {
        const why = field === undefined
          ? `has no ${fields.map((name) => `"${name}"`).join(' or ')} field (choose one with --text-field)`
          : `has a "${field}" field that is not a string`;
        yield failed(id, given, 'FORMAT', `record at line ${lineNumber} of ${given} ${why}`, metadata);
        continue;
      }
      yield source(id, given, { kind: 'record', text, encoding }, metadata);
    }
  } catch (error) {
    yield errorSource(`${given}#${lineNumber + 1}`, given, error);
  }
}

/** The lines of a byte stream, without their `\n` or `\r\n`; the first line's UTF-8 BOM is left to decode(). */
async function* byteLines(stream: Readable): AsyncGenerator<Uint8Array> {
  let pending: Buffer[] = [];
  for await (const chunk of stream) {
    const buffer: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    let start = 0;
    let newline = buffer.indexOf(0x0a, start);
    while (newline !== -1) {
      pending.push(buffer.subarray(start, newline));
      yield stripCarriageReturn(pending.length === 1 ? pending[0]! : Buffer.concat(pending));
      pending = [];
      start = newline + 1;
      newline = buffer.indexOf(0x0a, start);
    }
    if (start < buffer.length) pending.push(buffer.subarray(start));
  }
  if (pending.length > 0) yield stripCarriageReturn(Buffer.concat(pending));
}

function stripCarriageReturn(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line;
}

function errorSource(id: string, from: string, error: unknown): DocumentSource {
  const typed = error instanceof GongwenError ? error : fileError(from, error);
  return failed(id, from, typed.code, typed.message);
}

function fileError(path: string, error: unknown): GongwenError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new GongwenError('ENOENT', `no such file or directory: ${path}`, { cause: error });
  if (code === 'EISDIR') return new GongwenError('EISDIR', `is a directory: ${path}`, { cause: error });
  return new GongwenError('UNREADABLE', `cannot read ${path}: ${messageOf(error)}`, { cause: error });
}

/** UTF-16 code-unit order: the same on every machine, unlike localeCompare. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
