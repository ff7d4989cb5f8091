/**
 * CLI inputs → documents, one at a time, in a deterministic order.
 *
 * An input is a file, a folder (walked recursively in sorted order), a glob,
 * `@list.txt` (a file of inputs, one per line), or `-` (stdin). A `.jsonl`
 * file gives one document per record. Nothing is read until asked for: the
 * folder walk reads one directory listing at a time (and the first bytes of
 * each file it finds, to pass over formats we do not read), .jsonl files are
 * streamed line by line, and a document's bytes are read only by `load()`.
 *
 * What the expansion passes over (a legacy .doc in a folder, a dangling link,
 * a file reached twice) is told to `onSkip` with the reason: never silently.
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
import { open, opendir, readlink, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { extname, isAbsolute, join, resolve, sep } from 'node:path';
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
import { foreignFormat, SNIFF_BYTES } from './foreign-formats.js';
import { boundedLines, readRegularFile, readStreamBounded, specialKind } from './read-bounded.js';

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
  /**
   * Told of every file or link the expansion passes over, with why: found by a
   * folder walk or a glob in a format we do not read, a dangling or looping
   * link, a file reached a second time. Nothing is passed over silently except
   * dotfiles, dot-folders and node_modules.
   */
  onSkip?: (skipped: SkippedFile) => void;
  /**
   * Folders a walk or a glob must not read (the run's own `--out`, which may
   * sit inside an input folder: its tables would be read as reports). Passed
   * over with the reason.
   */
  exclude?: readonly string[];
  /** The size limit of one document (limits.ts): also what stdin and one .jsonl line may hold, counted while reading. */
  maxBytes?: number;
  /** Ends a read of stdin or of a .jsonl stream at once (SIGTERM, SIGINT). */
  signal?: AbortSignal;
}

/** A file or link the expansion passed over (a line of skipped.jsonl). */
export interface SkippedFile {
  /** The path as it was reached (`reports/2021/scan.png`). */
  id: string;
  /** The input it was reached from, as given (`reports`). */
  source: string;
  reason: string;
}

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
      // Counted while read, and only a regular file: stat says 0 for /dev/zero.
      let bytes: Buffer;
      try {
        bytes = await readRegularFile(task.path, maxBytes, 'the file');
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
 * reached twice (named and inside a named folder, or through a symbolic
 * link) is yielded once, by its real path; the second is told to `onSkip`.
 */
export async function* expandInputs(inputs: readonly string[], options: InputOptions = {}): AsyncGenerator<DocumentSource> {
  const cwd = options.cwd ?? process.cwd();
  const context: Context = {
    cwd,
    seen: new Map(),
    walked: new Map(),
    excluded: await Promise.all((options.exclude ?? []).map((folder) => realpath(resolve(cwd, folder)).catch(() => resolve(cwd, folder)))),
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
  /** Real paths (symbolic links resolved) of the files already yielded → the path they were yielded as. */
  seen: Map<string, string>;
  /** Real paths of the folders already walked → the path they were walked as. */
  walked: Map<string, string>;
  /** Real paths of InputOptions.exclude. */
  excluded: readonly string[];
  options: InputOptions;
  encoding?: EncodingName;
}

function skip(context: Context, id: string, from: string, reason: string): void {
  context.options.onSkip?.({ id, source: from, reason });
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
  let bytes: Buffer;
  try {
    bytes = await readStreamBounded(stream, resolveMaxBytes(context.options.maxBytes), 'stdin', context.options.signal);
  } catch (error) {
    if (context.options.signal?.aborted) return;
    yield errorSource('-', '-', error);
    return;
  }
  yield source('-', '-', withEncoding({ kind: 'bytes' as const, name: '-', bytes: new Uint8Array(bytes) }, context));
}

/**
 * `@list.txt`: one input per line (file, folder or glob), blank lines and
 * `#` comments skipped. Relative entries are relative to the working
 * directory, as for `tar -T` and `find … > list.txt`.
 */
async function* listSources(list: string, context: Context): AsyncGenerator<DocumentSource> {
  let stream: Readable;
  try {
    const info = await stat(resolve(context.cwd, list));
    if (!info.isFile()) throw new GongwenError('UNREADABLE', `@${list}: ${list} is not a regular file (${specialKind(info)})`);
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
    yield* folderSources(input, absolute, input, [], context);
  } else if (!stats.isFile()) {
    // A FIFO would block the read (or never end), a device never ends: only files and folders are read.
    yield failed(input, input, 'UNREADABLE', `${input} is not a regular file (${specialKind(stats)}); only files and folders are read`);
  } else {
    yield* fileSources(input, absolute, input, false, context);
  }
}

/**
 * A glob's matches are read by content, like a folder's files (formats we do
 * not read are passed over, with the reason); dotfiles and node_modules are
 * skipped as in folders.
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
  for (const match of matches) {
    const absolute = resolve(context.cwd, match);
    // A named pipe would block the read forever; a device is no report.
    const info = await stat(absolute).catch(() => undefined);
    if (info !== undefined && !info.isFile()) skip(context, match, pattern, `not a regular file (${specialKind(info)})`);
    else yield* fileSources(match, absolute, pattern, true, context);
  }
}

/**
 * Depth-first, entries sorted by name, one directory listing in memory per
 * level. Every file is read by its content, whatever its extension (see
 * foreign-formats.ts for what is passed over). Symbolic links are followed,
 * to files and to folders; a link to a folder being walked (a loop) or walked
 * already, a dangling link and a link loop are passed over, and so is a file
 * reached a second time. Skipped silently: dotfiles and dot-folders (.git,
 * .DS_Store) and node_modules.
 *
 * `ancestors`: real paths of the folders above, to tell a loop from a second visit.
 */
async function* folderSources(
  given: string,
  absolute: string,
  from: string,
  ancestors: readonly string[],
  context: Context,
): AsyncGenerator<DocumentSource> {
  let real: string;
  const entries: Dirent[] = [];
  try {
    real = await realpath(absolute);
    if (ancestors.includes(real)) {
      skip(context, given, from, `symbolic link loop: leads back to ${context.walked.get(real) ?? real}`);
      return;
    }
    const earlier = context.walked.get(real);
    if (earlier !== undefined) {
      skip(context, given, from, `same folder as ${earlier}, read already`);
      return;
    }
    if (context.excluded.includes(real)) {
      skip(context, given, from, 'the output folder of this run');
      return;
    }
    context.walked.set(real, given);
    for await (const entry of await opendir(absolute)) entries.push(entry);
  } catch (error) {
    yield errorSource(given, given, error);
    return;
  }
  entries.sort((a, b) => compareCodeUnits(a.name, b.name));
  const below = [...ancestors, real];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const childGiven = join(given, entry.name);
    const childAbsolute = join(absolute, entry.name);
    let kind: Dirent | Awaited<ReturnType<typeof stat>> = entry;
    if (entry.isSymbolicLink()) {
      try {
        kind = await stat(childAbsolute);
      } catch (error) {
        skip(context, childGiven, from, await brokenLinkReason(childAbsolute, error));
        continue;
      }
    }
    if (kind.isDirectory()) {
      yield* folderSources(childGiven, childAbsolute, from, below, context);
    } else if (kind.isFile()) {
      yield* fileSources(childGiven, childAbsolute, from, true, context);
    } else {
      skip(context, childGiven, from, `not a regular file (${specialKind(kind)})`);
    }
  }
}

async function brokenLinkReason(path: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'symbolic link loop: the link leads back to itself';
  const target = await readlink(path).catch(() => '?');
  if (code === 'ENOENT' || code === 'ENOTDIR') return `dangling symbolic link: ${target} does not exist`;
  return `symbolic link to ${target} cannot be followed: ${messageOf(error)}`;
}

/**
 * A file, once: a file reached again (named twice, through a link, inside a
 * named folder) is passed over, by its real path. `found` (by a walk or a
 * glob, not named): a file in a format we do not read is passed over rather
 * than failed.
 */
async function* fileSources(given: string, absolute: string, from: string, found: boolean, context: Context): AsyncGenerator<DocumentSource> {
  const real = await realpath(absolute).catch(() => absolute);
  const earlier = context.seen.get(real);
  if (earlier !== undefined) {
    skip(context, given, from, `same file as ${earlier}, read already`);
    return;
  }
  context.seen.set(real, given);
  if (found && context.excluded.some((folder) => real.startsWith(folder + sep))) {
    skip(context, given, from, 'in the output folder of this run');
    return;
  }
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
  if (found) {
    const reason = foreignFormat(await readHead(absolute));
    if (reason !== undefined) {
      skip(context, given, from, reason);
      return;
    }
  }
  yield source(given, given, withEncoding({ kind: 'file' as const, path: absolute }, context));
}

/** The first bytes of a file; empty when it cannot be read (loading it then fails with the reason). */
async function readHead(path: string): Promise<Uint8Array> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return new Uint8Array(0);
  }
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
  const maxBytes = resolveMaxBytes(context.options.maxBytes);
  let lineNumber = 0;
  try {
    // Each line is bounded while it is read: a longer one is counted and dropped, never held.
    for await (const bytes of boundedLines(stream, maxBytes, context.options.signal)) {
      lineNumber++;
      const id = `${given}#${lineNumber}`;
      if ('overlong' in bytes) {
        yield failed(id, given, 'TOO_LARGE', tooLarge(`line ${lineNumber} of ${given} is ${formatSize(bytes.overlong)}`, maxBytes).message);
        continue;
      }
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
      const chosen = recordText(fields_, fields);
      const metadata: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(fields_)) if (key !== chosen.field) metadata[key] = value;
      if ('missing' in chosen) {
        yield failed(id, given, 'FORMAT', `record at line ${lineNumber} of ${given} ${chosen.missing}`, metadata);
        continue;
      }
      const { text } = chosen;
      yield source(id, given, { kind: 'record', text, encoding }, metadata);
    }
  } catch (error) {
    yield errorSource(`${given}#${lineNumber + 1}`, given, error);
  }
}

/**
 * The text of a .jsonl record. With --text-field, exactly that field. By
 * default the first of `content`, `text` that holds a non-empty string, else
 * the first that holds a string (an empty report is still a report): scraped
 * archives write `"content": null` beside a `text` that holds the report.
 */
export function recordText(
  record: Record<string, unknown>,
  fields: readonly string[],
): { field: string; text: string } | { field?: string; missing: string } {
  const present = fields.filter((name) => Object.hasOwn(record, name));
  const strings = present.filter((name) => typeof record[name] === 'string');
  const field = strings.find((name) => (record[name] as string).trim() !== '') ?? strings[0];
  if (field !== undefined) return { field, text: record[field] as string };
  if (present.length === 0) {
    const names = fields.map((name) => `"${name}"`).join(' or ');
    return { missing: `has no ${names} field (choose one with --text-field)` };
  }
  if (present.length === 1) return { field: present[0]!, missing: `has a "${present[0]}" field that is not a string` };
  return { missing: `has no text: ${present.map((name) => `"${name}" is ${describeValue(record[name])}`).join(', ')}` };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
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
