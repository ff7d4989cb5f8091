/**
 * The smallest zip reader that answers the two questions formats.ts asks of a
 * .docx before mammoth reads it: is this zip a Word document (does it hold
 * `word/document.xml`)? and does the document use Word's automatic numbering
 * (which mammoth drops)? Central directory and stored/deflated entries only;
 * ZIP64 and encryption are reported as errors (mammoth then gets its turn).
 * It also measures what the entries really inflate to, so a zip bomb is
 * refused before mammoth (JSZip) inflates it whole in memory.
 */
import { inflateRawSync } from 'node:zlib';
import { countInflated } from './inflate-count.js';

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** The entries of the central directory; throws an Error saying what is wrong with a damaged archive. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end === -1) throw new Error('end of central directory not found (truncated file?)');
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new Error('ZIP64 archives are not supported here');
  if (directoryOffset + directorySize > end) throw new Error('central directory lies outside the file (truncated file?)');

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new Error(`central directory entry ${i} is damaged`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Thrown when an entry inflates to more than the limit it was read with. */
export class ZipEntryTooLargeError extends Error {
  constructor(readonly entry: string, readonly limit: number) {
    super(`${entry} inflates to more than ${limit} bytes`);
    this.name = 'ZipEntryTooLargeError';
  }
}

/**
 * The uncompressed content of one entry, at most `maxOutputLength` bytes
 * (ZipEntryTooLargeError past it: inflation stops there, nothing bigger is allocated).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxOutputLength = Infinity): Uint8Array {
  const data = compressedData(bytes, entry);
  if (entry.method === 0) {
    if (data.length > maxOutputLength) throw new ZipEntryTooLargeError(entry.name, maxOutputLength);
    return data;
  }
  if (entry.method === 8) {
    try {
      return inflateRawSync(data, Number.isFinite(maxOutputLength) ? { maxOutputLength: Math.max(1, maxOutputLength) } : {});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipEntryTooLargeError(entry.name, maxOutputLength);
      throw error;
    }
  }
  throw new Error(`${entry.name} uses unsupported compression method ${entry.method}`);
}

/** Entries up to this size are inflated in one piece by inflatedSize; larger ones are streamed. */
const SMALL_ENTRY = 2 ** 20;

/**
 * How many bytes `entry` really inflates to, counting the output chunk by
 * chunk and dropping it, so memory stays flat whatever the ratio; stops and
 * throws ZipEntryTooLargeError as soon as the count passes `limit`. The
 * declared size is not trusted: a bomb can declare 1 KB.
 */
export async function inflatedSize(bytes: Uint8Array, entry: ZipEntry, limit: number): Promise<number> {
  const data = compressedData(bytes, entry);
  if (entry.method !== 8) {
    if (data.length > limit) throw new ZipEntryTooLargeError(entry.name, limit);
    return data.length;
  }
  // Most entries are small: one synchronous inflate into at most 1 MiB is ~10× cheaper than a stream.
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(limit, SMALL_ENTRY)) }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw error;
    if (limit <= SMALL_ENTRY) throw new ZipEntryTooLargeError(entry.name, limit);
  }
  const counted = await countInflated('raw', data, limit);
  if (counted.outcome === 'over-limit') throw new ZipEntryTooLargeError(entry.name, limit);
  if (counted.outcome instanceof Error) throw counted.outcome;
  return counted.length;
}

/** The entry's bytes as stored, after its local header. */
function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_FILE_HEADER) {
    throw new Error(`local header of ${entry.name} is damaged`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new Error(`${entry.name} is truncated`);
  return data;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return -1;
}
