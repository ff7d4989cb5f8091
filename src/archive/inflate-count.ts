/**
 * How much compressed data inflates to, without holding the output: each chunk
 * is counted and dropped, so memory stays flat whatever the ratio. Shared by the
 * .docx check (raw deflate in zip entries) and the PDF check (zlib streams).
 */
import { createInflate, createInflateRaw } from 'node:zlib';

export interface InflatedCount {
  /** Bytes inflated, up to the chunk that passed `limit`. */
  length: number;
  /** `end`: all of it; `over-limit`: stopped past `limit`; an Error: the data is damaged there. */
  outcome: 'end' | 'over-limit' | Error;
}

export function countInflated(format: 'raw' | 'zlib', data: Uint8Array, limit: number): Promise<InflatedCount> {
  return new Promise((resolve) => {
    const inflater = (format === 'raw' ? createInflateRaw : createInflate)({ chunkSize: 256 * 1024 });
    let length = 0;
    inflater.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        inflater.destroy();
        resolve({ length, outcome: 'over-limit' });
      }
    });
    inflater.on('end', () => resolve({ length, outcome: 'end' }));
    inflater.on('error', (error) => resolve({ length, outcome: error }));
    inflater.end(data);
  });
}
