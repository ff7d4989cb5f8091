/**
 * Words once: the words of a report (text/words.ts, before stop words) are
 * segmented once per content hash and word-list fingerprint, and kept, so
 * keyness, terms and any later analysis that counts words read them back
 * instead of segmenting every report on every run (segmentation was two
 * thirds of keyness and terms over 10,000 reports).
 *
 *   DIR/words/<fingerprint>/<hash[0..2]>/<hash>.words
 *
 * DIR is the extraction cache's folder (cache.ts: the `cache` option of
 * openCorpus, `--cache-dir`). `<fingerprint>` hashes the segmenter's name and
 * its engine's version with the code and data the words depend on (segment/,
 * text/words, dicts/), so another segmenter, another jieba or an edited user
 * dictionary starts afresh rather than reading words cut another way.
 *
 * A `.words` file is compact binary, not JSON arrays of strings (little-endian):
 *
 *   "GWW1"  u32 distinct words V  u32 words N  u32 vocabulary bytes B  u32 id width (2 or 4)
 *   B bytes: the V distinct words in order of first occurrence, UTF-8, each ended by "\n"
 *   N ids, u16 or u32: the text's words in order, as indexes into the vocabulary
 *
 * about 1 byte per character of the report (a 46,000-character report: ~3,000
 * distinct words, ~15,000 words → ~50 KB). Files are written to a temporary
 * name and renamed, so a reader never sees half of one; a file that cannot be
 * read or does not parse is segmented again, and a store that cannot be
 * written only costs the next run its speed.
 *
 * In one process, the words of the last reports read stay in memory
 * (MEMORY_ENTRIES), so an archive that repeats a report reads it once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash } from '../archive/hash.js';
import type { SegmenterChoice, SegmenterName } from '../segment/segmenter.js';
import { packageVersion } from '../package-version.js';
import { hashFolder } from './folder-hash.js';
import { reportWords, wordSegmenter, type ReportWords } from './text/words.js';
import type { Corpus } from './types.js';

/** The token store of `corpus` for `segmenter` (wordSegmenter's choice), or one in memory for this run when the corpus has none. */
export function tokenStoreOf(corpus: Corpus, segmenter: SegmenterChoice | undefined): TokenStore {
  const chosen = wordSegmenter(segmenter);
  return corpus.tokenStore?.(chosen) ?? new TokenStore({ dir: false, segmenter: chosen });
}

const MAGIC = 0x31575747; // "GWW1" read as a little-endian u32
const HEADER_BYTES = 20;
/** Reports whose words stay in memory: ~50 KB each. */
const MEMORY_ENTRIES = 256;

/** What a store needs of a document: its text, and its content hash when known without reading it. */
export interface WordSource {
  hash?: string;
  text(): Promise<string>;
}

export interface TokenStoreOptions {
  /** The cache folder (the store is its `words/` subfolder), or false for memory only. */
  dir: string | false;
  /** The segmenter the words are cut with; default: wordSegmenter's. A Segmenter object has no fingerprint: words are then kept in memory only. */
  segmenter?: SegmenterChoice;
}

export class TokenStore {
  /** The folder of this fingerprint, or null when nothing is written. */
  readonly dir: string | null;
  private readonly segmenter: SegmenterChoice;
  private readonly memory = new Map<string, ReportWords>();
  /** What this store did, for benchmarks and tests. */
  readonly stats = { segmented: 0, read: 0, memory: 0 };

  constructor(options: TokenStoreOptions) {
    this.segmenter = wordSegmenter(options.segmenter);
    this.dir = options.dir === false || typeof this.segmenter !== 'string' ? null : join(options.dir, 'words', wordsFingerprint(this.segmenter));
  }

  /** The words of a document: from memory, from the store, else segmented (and stored). */
  async words(document: WordSource): Promise<ReportWords> {
    let text: string | undefined;
    let hash = document.hash;
    if (hash === undefined) {
      text = await document.text();
      hash = contentHash(text);
    }
    const remembered = this.memory.get(hash);
    if (remembered !== undefined) {
      this.stats.memory++;
      // Most recently used last: the oldest entry is the first key.
      this.memory.delete(hash);
      this.memory.set(hash, remembered);
      return remembered;
    }
    let words = this.dir === null ? null : await this.readStored(hash);
    if (words !== null) this.stats.read++;
    else {
      words = reportWords(text ?? (await document.text()), this.segmenter);
      this.stats.segmented++;
      if (this.dir !== null) await this.store(hash, words);
    }
    this.memory.set(hash, words);
    if (this.memory.size > MEMORY_ENTRIES) this.memory.delete(this.memory.keys().next().value!);
    return words;
  }

  private path(hash: string): string {
    return join(this.dir!, hash.slice(0, 2), `${hash}.words`);
  }

  private async readStored(hash: string): Promise<ReportWords | null> {
    try {
      return decodeWords(await readFile(this.path(hash)));
    } catch {
      return null;
    }
  }

  private async store(hash: string, words: ReportWords): Promise<void> {
    const path = this.path(hash);
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(join(this.dir!, hash.slice(0, 2)), { recursive: true });
      await writeFile(temporary, encodeWords(words));
      await rename(temporary, path);
    } catch {
      // read-only or full disk: the analysis still runs, only the next one segments again
    }
  }
}

/** The `.words` bytes of `words` (see the top of this file). */
export function encodeWords(words: ReportWords): Buffer {
  const vocabulary = Buffer.from(words.vocabulary.map((word) => `${word}\n`).join(''), 'utf8');
  const width = words.ids.BYTES_PER_ELEMENT;
  const bytes = Buffer.alloc(HEADER_BYTES + vocabulary.length + words.ids.length * width);
  bytes.writeUInt32LE(MAGIC, 0);
  bytes.writeUInt32LE(words.vocabulary.length, 4);
  bytes.writeUInt32LE(words.ids.length, 8);
  bytes.writeUInt32LE(vocabulary.length, 12);
  bytes.writeUInt32LE(width, 16);
  vocabulary.copy(bytes, HEADER_BYTES);
  const ids = HEADER_BYTES + vocabulary.length;
  for (let i = 0; i < words.ids.length; i++) {
    if (width === 2) bytes.writeUInt16LE(words.ids[i]!, ids + 2 * i);
    else bytes.writeUInt32LE(words.ids[i]!, ids + 4 * i);
  }
  return bytes;
}

/** `.words` bytes back to ReportWords; throws on anything that is not a whole, consistent file. */
export function decodeWords(bytes: Buffer): ReportWords {
  if (bytes.length < HEADER_BYTES || bytes.readUInt32LE(0) !== MAGIC) throw new Error('not a .words file');
  const distinct = bytes.readUInt32LE(4);
  const count = bytes.readUInt32LE(8);
  const vocabularyBytes = bytes.readUInt32LE(12);
  const width = bytes.readUInt32LE(16);
  if ((width !== 2 && width !== 4) || bytes.length !== HEADER_BYTES + vocabularyBytes + count * width) throw new Error('a truncated or inconsistent .words file');
  const vocabulary = bytes.toString('utf8', HEADER_BYTES, HEADER_BYTES + vocabularyBytes).split('\n');
  vocabulary.pop(); // after the last "\n"
  if (vocabulary.length !== distinct) throw new Error('a .words file whose vocabulary does not match its header');
  const start = HEADER_BYTES + vocabularyBytes;
  // Copied out: the file's buffer need not be aligned for a typed-array view.
  const ids = width === 2 ? new Uint16Array(count) : new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const id = width === 2 ? bytes.readUInt16LE(start + 2 * i) : bytes.readUInt32LE(start + 4 * i);
    if (id >= distinct) throw new Error('a .words file with an id outside its vocabulary');
    ids[i] = id;
  }
  return { vocabulary, ids };
}

const fingerprints = new Map<SegmenterName, string>();

/** The segmenter's name and engine version, with the code and dictionaries the words depend on. */
export function wordsFingerprint(segmenter: SegmenterName): string {
  let fingerprint = fingerprints.get(segmenter);
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  hash.update(`${packageVersion()}\0${segmenter}\0${engineVersion(segmenter)}\0`);
  // From src/corpus (tests) or dist/corpus (the build): the sibling folders of the same tree.
  const words = import.meta.url.endsWith('.ts') ? './text/words.ts' : './text/words.js';
  hash.update(readFileSync(new URL(words, import.meta.url)));
  for (const folder of ['../segment/', '../../dicts/']) hashFolder(hash, fileURLToPath(new URL(folder, import.meta.url)));
  fingerprint = `${segmenter}-${hash.digest('hex').slice(0, 16)}`;
  fingerprints.set(segmenter, fingerprint);
  return fingerprint;
}

const require = createRequire(import.meta.url);

function engineVersion(segmenter: SegmenterName): string {
  const engine = segmenter === 'nodejieba' ? 'nodejieba' : segmenter === 'node-rs-jieba' ? '@node-rs/jieba' : null;
  if (engine === null) return '';
  try {
    return (require(`${engine}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
