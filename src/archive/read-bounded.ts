/**
 * Reads that cannot run away: every byte is counted while it is read, and a
 * path is read only when it names a regular file.
 *
 * `stat().size` is not a bound: a device (`/dev/zero`) or a FIFO says 0 and
 * never ends (or never starts: opening a FIFO blocks until a writer comes).
 * So a path is opened with O_NONBLOCK (which a FIFO open honours and a regular
 * file ignores), the open handle is checked with fstat — the file read is the
 * file checked, no race with a rename — and the read stops at `maxBytes + 1`
 * whatever the size said.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { GongwenError } from '../diagnostics.js';
import { formatSize, tooLarge } from './limits.js';

/** What a path that is not a regular file is, in words (for messages and skipped.jsonl). */
export function specialKind(kind: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isDirectory'>): string {
  if (kind.isFIFO()) return 'a named pipe';
  if (kind.isSocket()) return 'a socket';
  if (kind.isCharacterDevice() || kind.isBlockDevice()) return 'a device';
  if (kind.isDirectory()) return 'a folder';
  return 'unknown kind';
}

const CHUNK = 1 << 20;

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them:
 * GongwenError('UNREADABLE') for a device, FIFO or socket (EISDIR for a
 * folder), TOO_LARGE as soon as more than `maxBytes` have been read. `name`
 * is how messages call the file (default: the path). A failed open or read
 * is rethrown as the system error (ENOENT, EACCES…), for the caller to word.
 */
export async function readRegularFile(path: string, maxBytes: number, name = path): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new GongwenError('EISDIR', `${name} is a folder; give a file (or use \`gongwen extract\` for folders)`);
    if (!info.isFile()) throw new GongwenError('UNREADABLE', `${name} is not a regular file (${specialKind(info)}); only files are read`);
    if (info.size > maxBytes) throw tooLarge(`${name} is ${formatSize(info.size)}`, maxBytes);
    // The size is a hint for the first buffer only: a file may grow while it is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total, Math.max(info.size - total + 1, 64 * 1024)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(`${name} holds more than ${formatSize(maxBytes)}`, maxBytes);
      chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/**
 * A stream (stdin) read whole, but never more than `maxBytes`: TOO_LARGE as
 * soon as it passes the limit, and the stream is destroyed. With `signal`,
 * an abort (SIGTERM, SIGINT) ends the read at once with the signal's reason.
 */
export async function readStreamBounded(stream: AsyncIterable<unknown> & { destroy?(): void }, maxBytes: number, name: string, signal?: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stop = () => stream.destroy?.();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for await (const chunk of stream) {
      if (signal?.aborted) break;
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      total += buffer.length;
      if (total > maxBytes) {
        stop();
        throw tooLarge(`${name} holds more than ${formatSize(maxBytes)}`, maxBytes);
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  if (signal?.aborted) throw signal.reason;
  return Buffer.concat(chunks, total);
}

/** A line longer than the limit, in place of its bytes: the bytes were counted and dropped as they came. */
export interface OverlongLine {
  overlong: number;
}

/**
 * The lines of a byte stream, without their `\n` or `\r\n`. A line is held
 * only up to `maxLineBytes`: past that its bytes are counted and dropped
 * until its newline, and it is yielded as `{ overlong: bytes }`. So memory
 * stays at one line within the limit plus one chunk, whatever the stream
 * holds. Aborting `signal` destroys the stream and ends the lines.
 */
export async function* boundedLines(stream: AsyncIterable<unknown> & { destroy?(): void }, maxLineBytes: number, signal?: AbortSignal): AsyncGenerator<Uint8Array | OverlongLine> {
  let pending: Buffer[] = [];
  let held = 0;
  let overlong = -1; // bytes of the current line when it passed the limit, else -1
  const stop = () => stream.destroy?.();
  signal?.addEventListener('abort', stop, { once: true });
  const take = (part: Buffer): void => {
    if (overlong >= 0) {
      overlong += part.length;
      return;
    }
    held += part.length;
    if (held > maxLineBytes) {
      overlong = held;
      pending = [];
      held = 0;
      return;
    }
    if (part.length > 0) pending.push(part);
  };
  const finish = (): Uint8Array | OverlongLine => {
    const line: Uint8Array | OverlongLine = overlong >= 0 ? { overlong } : stripCarriageReturn(pending.length === 1 ? pending[0]! : Buffer.concat(pending));
    pending = [];
    held = 0;
    overlong = -1;
    return line;
  };
  try {
    for await (const chunk of stream) {
      if (signal?.aborted) return;
      const buffer: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      let start = 0;
      let newline = buffer.indexOf(0x0a, start);
      while (newline !== -1) {
        take(buffer.subarray(start, newline));
        yield finish();
        start = newline + 1;
        newline = buffer.indexOf(0x0a, start);
      }
      if (start < buffer.length) take(buffer.subarray(start));
    }
    if (pending.length > 0 || overlong >= 0) yield finish();
  } catch (error) {
    if (signal?.aborted) return;
    throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

function stripCarriageReturn(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line;
}
