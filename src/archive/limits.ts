/**
 * The size limit on one document (`maxBytes`, `--max-size`), so a small file
 * that unpacks into gigabytes (a zip bomb dressed as a .docx) or a huge file
 * is refused with GongwenError('TOO_LARGE') instead of exhausting memory.
 *
 * What the limit bounds, for one document:
 * - the bytes read: a file (or stdin) larger than it is not read at all;
 * - what a .docx inflates to: all its zip entries together, counted while
 *   inflating and thrown away (the sizes a zip declares can lie), and its XML
 *   parts at most `maxBytes / DOCX_XML_SHARE`, because mammoth holds ~70 bytes
 *   of memory per byte of XML (60 MB of document.xml: 63 s and 4.3 GB, measured);
 * - what a .pdf's Flate streams inflate to, those text extraction decodes
 *   (page contents, object streams, fonts; not images): pdf-streams.ts;
 * - the decoded text, in UTF-16 code units (a PDF's text layer before it is joined).
 */
import { GongwenError } from '../diagnostics.js';

/** 64 MiB: ten times the largest report of the corpora, and a text that `analyzeJson` reads in ~6 s and ~0.8 GB. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** A .docx's XML parts may inflate to `maxBytes / DOCX_XML_SHARE` (8 MiB by default; a long Word report has 0.2–3 MB). */
export const DOCX_XML_SHARE = 8;

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/**
 * `64MB`, `64 MiB`, `512k`, `1.5G`, `1000000` → bytes. Units are binary
 * (`MB` = 2^20 bytes, as most command-line tools read them).
 * Throws GongwenError('USAGE') for anything else.
 */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?) ?([a-z]*)$/i.exec(text.trim());
  const unit = match === null ? undefined : UNITS[match[2]!.toLowerCase()];
  const bytes = match === null || unit === undefined ? NaN : Math.floor(Number(match[1]) * unit);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new GongwenError('USAGE', `--max-size takes a size such as 64MB, 512KB or 1GB, not "${text}"`);
  }
  return bytes;
}

/** `67108864` → `64 MB`; exact bytes under 1 KiB. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** The limit to apply: the option when given (validated), else the default. */
export function resolveMaxBytes(maxBytes: number | undefined): number {
  if (maxBytes === undefined) return DEFAULT_MAX_BYTES;
  if (!(maxBytes > 0) || !Number.isFinite(maxBytes)) throw new GongwenError('USAGE', `maxBytes must be a positive number of bytes, not ${maxBytes}`);
  return maxBytes;
}

/** The TOO_LARGE error: what is too large, the limit it passed, and how to raise it. */
export function tooLarge(what: string, limit: number | string): GongwenError {
  const bound = typeof limit === 'number' ? `the limit of ${formatSize(limit)} per document` : limit;
  return new GongwenError('TOO_LARGE', `${what}, over ${bound} (raise it with --max-size)`);
}
