/**
 * Bytes → text for plain-text reports (.txt, .md, extensionless, the text of
 * an HTML page), whatever the encoding the archive was saved in.
 *
 * Order of decisions:
 * 1. A byte order mark is unambiguous and wins, even over the `encoding`
 *    option: in a mixed folder, `--encoding gbk` means "the files without a
 *    BOM are GBK", never "read this UTF-16 file as GBK".
 * 2. The `encoding` option (a label the built-in TextDecoder knows: `gbk`,
 *    `gb2312`, `utf-8`, `big5`, `utf-16le`…).
 * 3. UTF-16 without a BOM, when the bytes read as UTF-16 are text a report
 *    holds (sniffUtf16WithoutBom below).
 * 4. Detection: valid UTF-8 is UTF-8 (a GBK text of any length is essentially
 *    never valid UTF-8, and this is the one decode the common case needs);
 *    mostly-valid UTF-8 is damaged UTF-8 (DECODE); otherwise chardet on a
 *    prefix when it is confident (it tells GB18030 from Big5 reliably on a few
 *    lines), else the first of `fallbackEncoding` (an HTML page's declared
 *    charset) and GB18030 that decodes without error; else DECODE. Big5 is
 *    never a guess: only chardet's confident answer or the user's choice.
 *
 * Decoding is fatal: an invalid byte sequence is a GongwenError('DECODE'),
 * never a silent U+FFFD in a report that would then be counted and quoted.
 * Node's Big5 decoder is not fatal on every error (a stray 0xFF becomes
 * U+F8F8), so Big5 bytes are checked for well-formedness first.
 * GBK, GB2312 and CP936 are all decoded — and reported — as `gb18030`, their
 * superset (WHATWG's `gbk` decoder is the gb18030 decoder anyway).
 */
import { createRequire } from 'node:module';
import { TextDecoder } from 'node:util';
import { GongwenError } from '../diagnostics.js';
import type { Warning } from '../diagnostics.js';
import { BINARY_FILE_SHARE, countControlCharacters, exceedsControlShare } from '../text/control.js';

/** What `decode` reports: one of these for detected input; any WHATWG name for an explicit `encoding`. */
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | (string & {});

export interface DecodeOptions {
  /** Force this encoding for input without a BOM (a WHATWG label: `gbk`, `utf-8`, `big5`…). */
  encoding?: string;
  /** Tried first when the input is not UTF-8 and chardet is not confident (an HTML page's `<meta charset>`). */
  fallbackEncoding?: string;
  /** Bytes given to chardet, from the first non-ASCII byte. Default 1 KiB. */
  sampleSize?: number;
}

export interface Decoded {
  text: string;
  encoding: EncodingName;
  warnings: Warning[];
}

export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const warnings: Warning[] = [];
  const bom = sniffBom(bytes);
  const encoding: string | undefined =
    bom ?? (options.encoding === undefined ? sniffUtf16WithoutBom(bytes) : normalizeEncoding(options.encoding));

  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const text = decodeStrict(bytes, encoding);
    assertNotBinaryText(text);
    return { text, encoding, warnings };
  }

  assertNotBinaryBytes(bytes, options.encoding === undefined);

  if (encoding === undefined) return { ...detectAndDecode(bytes, options), warnings };
  return { text: decodeStrict(bytes, encoding), encoding, warnings };
}

/**
 * A user's or a page's encoding label → the name `decode` reports.
 * Throws GongwenError('USAGE') for a label TextDecoder does not know.
 */
export function normalizeEncoding(label: string): EncodingName {
  const lower = label.trim().toLowerCase();
  if (GB_LABELS.has(lower)) return 'gb18030';
  if (lower === 'utf-16') return 'utf-16le';
  try {
    // `encoding` is the canonical WHATWG name: `utf8` → `utf-8`, `x-mac-roman` → `macintosh`.
    const canonical = new TextDecoder(lower).encoding;
    return GB_LABELS.has(canonical) ? 'gb18030' : canonical;
  } catch {
    throw new GongwenError('USAGE', `unknown encoding "${label}" (try utf-8, gb18030, gbk, big5, utf-16le)`);
  }
}

const GB_LABELS = new Set(['gb18030', 'gbk', 'gb2312', 'gb_2312', 'gb_2312-80', 'cp936', 'ms936', 'windows-936', 'x-gbk', 'chinese', 'csgb2312', 'iso-ir-58', 'euc-cn']);

function sniffBom(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** chardet's answers that map to a decoder for Chinese text. */
const CHARDET_TO_ENCODING: Partial<Record<string, EncodingName>> = {
  'UTF-8': 'utf-8',
  GB18030: 'gb18030',
  Big5: 'big5',
};

/**
 * chardet is sure (confidence 100) on a few lines of GBK, but on a title
 * alone (`一、总体情况`, `报告`) it answers Big5 or Shift_JIS with confidence
 * 10: below this, its answer is not used and the candidates are tried in the
 * order of how common they are in mainland archives.
 */
const CHARDET_MIN_CONFIDENCE = 50;

/**
 * UTF-8 with a damaged byte is still UTF-8: most of its multi-byte sequences
 * are valid, where in GBK text only ~20% happen to be (measured on the seeds).
 * Above this share the input is reported as invalid UTF-8, never decoded as
 * GB18030 mojibake.
 */
const CORRUPT_UTF8_SHARE = 0.9;

/**
 * chardet, required when a text is first found not to be UTF-8: most inputs
 * are UTF-8 and never need it, and importing it (CommonJS, so Node also scans
 * its exports) cost every `gongwen parse` its load.
 */
let chardet: typeof import('chardet') | undefined;
function analyse(sample: Uint8Array): ReturnType<typeof import('chardet').analyse> {
  chardet ??= createRequire(import.meta.url)('chardet') as typeof import('chardet');
  return chardet.analyse(sample);
}

function detectAndDecode(bytes: Uint8Array, options: DecodeOptions): { text: string; encoding: EncodingName } {
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const sample = detectionSample(bytes, options.sampleSize ?? 1024);
  if (validUtf8Share(sample) >= CORRUPT_UTF8_SHARE) return { text: decodeStrict(bytes, 'utf-8'), encoding: 'utf-8' };

  const best = analyse(sample).find((match) => CHARDET_TO_ENCODING[match.name] !== undefined);
  const confident = best !== undefined && best.confidence >= CHARDET_MIN_CONFIDENCE ? CHARDET_TO_ENCODING[best.name] : undefined;
  if (confident !== undefined) return { text: decodeStrict(bytes, confident), encoding: confident };

  // Not sure: the first candidate that decodes without error.
  const candidates: EncodingName[] = [];
  if (options.fallbackEncoding !== undefined) {
    try {
      candidates.push(normalizeEncoding(options.fallbackEncoding));
    } catch {
      // A page's unknown `<meta charset>` is no reason to fail.
    }
  }
  candidates.push('gb18030');
  for (const encoding of candidates) {
    const text = tryDecode(bytes, encoding);
    if (text !== undefined) return { text, encoding };
  }
  const names = [...new Set(['utf-8', ...candidates])].map((name) => name.toUpperCase());
  throw new GongwenError(
    'DECODE',
    `neither ${names.join(' nor ')} (invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}): the file is corrupt or in another encoding ` +
      '(pass --encoding to choose one, e.g. --encoding big5)',
  );
}

/**
 * The bytes chardet and the UTF-8 test look at: from the first non-ASCII byte
 * on, so that an HTML page's long ASCII <head> or a text's ASCII preamble does
 * not fill the sample. chardet's cost is linear, ~0.5 ms per KiB (warm): on
 * 1 KiB it named every report of the seeds and the corpora (GB18030 21/21,
 * Big5 2/2) — right on as little as 256 bytes — for ~0.4 ms per file.
 */
function detectionSample(bytes: Uint8Array, size: number): Uint8Array {
  let start = 0;
  while (start < bytes.length && bytes[start]! < 0x80) start++;
  return bytes.subarray(start, start + size);
}

/** Share of the multi-byte UTF-8 sequences in `bytes` that are valid. */
function validUtf8Share(bytes: Uint8Array): number {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return valid + invalid === 0 ? 0 : valid / (valid + invalid);
}

const decoders = new Map<string, TextDecoder>();

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  let decoder = decoders.get(encoding);
  if (decoder === undefined) {
    decoder = new TextDecoder(encoding, { fatal: true });
    decoders.set(encoding, decoder);
  }
  if (encoding === 'big5' && !isWellFormedBig5(bytes)) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Big5's byte structure (WHATWG): ASCII, or a lead byte 0x81–0xFE followed
 * by a trail byte 0x40–0x7E or 0xA1–0xFE. Node's decoder maps what breaks it
 * (a lone 0x80 or 0xFF) to private-use characters instead of failing.
 */
function isWellFormedBig5(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (lead === 0x80 || lead === 0xff || trail === undefined) return false;
    if (!((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) return false;
    i++;
  }
  return true;
}

function decodeStrict(bytes: Uint8Array, encoding: string): string {
  const text = tryDecode(bytes, encoding);
  if (text !== undefined) return text;
  const where = encoding === 'utf-8' ? ` at byte ${firstInvalidUtf8(bytes)}` : '';
  throw new GongwenError(
    'DECODE',
    `not valid ${encoding}${where}: the file is corrupt or in another encoding (pass --encoding to choose one)`,
  );
}

/** Index of the first byte that breaks UTF-8, -1 if none (only computed for the error message). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/** Length of the valid multi-byte UTF-8 sequence starting at `i`, 0 if it is not one (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF). */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  let length: number;
  let min = 0x80;
  let max = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) min = 0xa0;
    if (lead === 0xed) max = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) min = 0x90;
    if (lead === 0xf4) max = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    const byte = bytes[i + k];
    if (byte === undefined || byte < (k === 1 ? min : 0x80) || byte > (k === 1 ? max : 0xbf)) return 0;
  }
  return length;
}

/**
 * Binary content read as text would fill a report with garbage: refuse it
 * (a NUL, or more than BINARY_FILE_SHARE control characters: text/control.ts).
 * For ASCII-compatible encodings (UTF-8, GB18030, Big5: their multi-byte
 * sequences never contain bytes below 0x20) look at the bytes, so a PNG is
 * BINARY rather than a puzzling DECODE error.
 */
function assertNotBinaryBytes(bytes: Uint8Array, detecting: boolean): void {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    // NULs at every other byte are UTF-16 without a BOM: say so.
    const utf16Hint = detecting && looksLikeUtf16WithoutBom(bytes) ? ' (UTF-16 without a byte order mark? pass --encoding utf-16le)' : '';
    throw new GongwenError('BINARY', `binary content: NUL byte at offset ${nul}${utf16Hint}`);
  }
  const count = countControlCharacters(bytes);
  if (exceedsControlShare(count, BINARY_FILE_SHARE)) {
    throw new GongwenError('BINARY', `binary content: ${count.controls} control characters in the first ${count.sampled} bytes`);
  }
}

function assertNotBinaryText(text: string): void {
  const nul = text.indexOf('\0');
  if (nul !== -1) throw new GongwenError('BINARY', `binary content: NUL character at offset ${nul}`);
  const count = countControlCharacters(text);
  if (exceedsControlShare(count, BINARY_FILE_SHARE)) {
    throw new GongwenError('BINARY', `binary content: ${count.controls} control characters in the first ${count.sampled} characters`);
  }
}

/** Bytes of the start of the input scored by sniffUtf16WithoutBom. */
const UTF16_SAMPLE = 4096;
/** Share of the sample's code units that must be report text for UTF-16 to be taken. */
const UTF16_MIN_PLAUSIBLE = 0.95;
/** Without NUL bytes (no ASCII in the text), the share of Chinese punctuation that proves UTF-16. */
const UTF16_MIN_PUNCTUATION = 0.01;

/**
 * UTF-16 without a BOM: the sample read as UTF-16 (little- or big-endian) is
 * at least 95 % characters a report holds (ASCII text, Han, CJK and
 * full-width punctuation, general punctuation and symbols), and there is
 * proof it is not an 8-bit text: NUL bytes (the high byte of ASCII
 * characters), or Chinese punctuation (、。，“” …), whose UTF-16 bytes
 * (0x01 0x30, 0x0C 0xFF, 0x1C 0x20) no UTF-8 or GB18030 text contains. The
 * proof matters: English read as UTF-16 is mostly Han (`he` → U+6568).
 */
export function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, Math.min(bytes.length, UTF16_SAMPLE));
  const hasNul = sample.includes(0);
  let best: { encoding: 'utf-16le' | 'utf-16be'; plausible: number; ascii: number } | undefined;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const score = scoreUtf16(sample, encoding === 'utf-16le');
    if (score.plausible < UTF16_MIN_PLAUSIBLE || !(hasNul || score.punctuation >= UTF16_MIN_PUNCTUATION)) continue;
    if (best === undefined || score.plausible > best.plausible || (score.plausible === best.plausible && score.ascii > best.ascii)) {
      best = { encoding, plausible: score.plausible, ascii: score.ascii };
    }
  }
  return best?.encoding;
}

/**
 * 、。，：；！？（）“” and the ideographic space: in UTF-16 (either byte order)
 * each holds a control byte or 0xFF, which no UTF-8 or GB18030 text does.
 * (《》 are left out: U+300A is `\n0` in little-endian bytes.)
 */
const PROOF_PUNCTUATION: ReadonlySet<number> = new Set([
  0x3000, 0x3001, 0x3002, 0xff0c, 0xff1a, 0xff1b, 0xff01, 0xff1f, 0xff08, 0xff09, 0x201c, 0x201d,
]);

/** Shares of the code units that are report text, ASCII, and Chinese punctuation. */
function scoreUtf16(sample: Uint8Array, littleEndian: boolean): { plausible: number; ascii: number; punctuation: number } {
  let plausible = 0;
  let ascii = 0;
  let punctuation = 0;
  const units = sample.length >> 1;
  for (let i = 0; i < units; i++) {
    const unit = littleEndian ? sample[2 * i]! | (sample[2 * i + 1]! << 8) : (sample[2 * i]! << 8) | sample[2 * i + 1]!;
    if (unit === 0x09 || unit === 0x0a || unit === 0x0d || (unit >= 0x20 && unit <= 0x7e)) {
      ascii++;
      plausible++;
    } else if (PROOF_PUNCTUATION.has(unit)) {
      punctuation++;
      plausible++;
    } else if (
      (unit >= 0x3000 && unit <= 0x303f) || // CJK punctuation
      (unit >= 0xff00 && unit <= 0xffef) || // full-width forms

      (unit >= 0xa0 && unit <= 0xff) || // Latin-1: · × ° ±
      (unit >= 0x2000 && unit <= 0x27bf) || // general punctuation, letterlike, number forms (Ⅰ), ①, arrows, shapes (■●)
      (unit >= 0x3400 && unit <= 0x4dbf) || // Han, extension A
      (unit >= 0x4e00 && unit <= 0x9fff) || // Han
      (unit >= 0xf900 && unit <= 0xfaff) || // Han, compatibility
      (unit >= 0xfe30 && unit <= 0xfe4f) || // CJK compatibility forms
      (unit >= 0xd800 && unit <= 0xdfff) // surrogates (Han, extension B and beyond); a lone one fails the decode later
    ) {
      plausible++;
    }
  }
  return { plausible: plausible / units, ascii: ascii / units, punctuation: punctuation / units };
}

function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, 1024) & ~1;
  if (length === 0) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = length / 2;
  return (oddNul > pairs * 0.3 && evenNul === 0) || (evenNul > pairs * 0.3 && oddNul === 0);
}
