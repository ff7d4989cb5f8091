/**
 * The extraction cache of `openCorpus` over raw inputs: what `analyzeFiles`
 * produced for a text, keyed by the text's content hash, so a second pass, a
 * second command or a second analysis over the same archive does not extract
 * it again.
 *
 *   DIR/<fingerprint>/<hash[0..2]>/<hash>.json   the DocumentRecord without id, source, metadata
 *
 * DIR: the `cache` option, else $GONGWEN_CACHE_DIR, else node_modules/.cache/gongwen
 * under the working directory when there is a node_modules there, else the
 * user's own cache folder: $XDG_CACHE_HOME/gongwen or ~/.cache/gongwen
 * (~/Library/Caches/gongwen on macOS, %LOCALAPPDATA%\gongwen\Cache on
 * Windows). Never the shared temp folder: another user could plant entries
 * there (a fake slogan counted 6,000 times, exit 0).
 *
 * An entry is trusted only when it is owned by the current user, is a JSON
 * object of the record's shape and names the hash it is filed under;
 * anything else is extracted again (and rewritten), never a crash.
 *
 * `<fingerprint>` hashes the package version and
 * the code and data extraction depends on (the extract, text and archive
 * modules of this build, analyze, dicts/), so a new version, an edited
 * extractor or slogan dictionary starts a fresh cache rather than reading
 * stale results. (Hashing them takes a few milliseconds, once per process.)
 */
import { createHash } from 'node:crypto';
import { packageVersion } from '../package-version.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, open, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentRecord } from '../archive/output.js';

/** A cached extraction: everything of a DocumentRecord that depends on the text alone. */
export type CachedRecord = Omit<DocumentRecord, 'id' | 'source' | 'metadata'>;

export function defaultCacheDir(cwd = process.cwd()): string {
  const fromEnv = process.env.GONGWEN_CACHE_DIR;
  if (fromEnv) return fromEnv;
  if (existsSync(join(cwd, 'node_modules'))) return join(cwd, 'node_modules', '.cache', 'gongwen');
  return userCacheDir();
}

/** The per-user cache folder of the platform (as env-paths and the XDG Base Directory spec put it). */
export function userCacheDir(): string {
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'gongwen', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'gongwen');
  const xdg = process.env.XDG_CACHE_HOME;
  // The spec: a relative $XDG_CACHE_HOME is invalid and ignored.
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.cache'), 'gongwen');
}

/** The array fields a cached record must have: what the analyses iterate over. */
const ARRAY_FIELDS = ['headings', 'enumerations', 'slogans', 'placeholders', 'metrics', 'targets', 'outcomes', 'warnings'] as const;

/** A cached record of the right shape, filed under its own hash. */
function isCachedRecord(value: unknown, hash: string): value is CachedRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return (
    record.hash === hash &&
    typeof record.format === 'string' &&
    (record.encoding === null || typeof record.encoding === 'string') &&
    record.placeholderCounts !== null &&
    typeof record.placeholderCounts === 'object' &&
    ARRAY_FIELDS.every((field) => Array.isArray(record[field]))
  );
}

let fingerprintMemo: string | undefined;

/** Package version + the code and dictionaries extraction results depend on. */
function fingerprint(): string {
  if (fingerprintMemo !== undefined) return fingerprintMemo;
  const hash = createHash('sha256');
  hash.update(packageVersion());
  // From src/corpus (tests) or dist/corpus (the build): the sibling folders of the same tree.
  const analyze = import.meta.url.endsWith('.ts') ? '../analyze.ts' : '../analyze.js';
  hash.update(readFileSync(new URL(analyze, import.meta.url)));
  for (const folder of ['../extract/', '../text/', '../archive/', '../../dicts/']) hashFolder(hash, fileURLToPath(new URL(folder, import.meta.url)));
  fingerprintMemo = hash.digest('hex').slice(0, 16);
  return fingerprintMemo;
}

function hashFolder(hash: ReturnType<typeof createHash>, folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) hashFolder(hash, path);
    else if (!entry.name.endsWith('.map')) hash.update(entry.name).update(readFileSync(path));
  }
}

export class ExtractionCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = join(dir, fingerprint());
  }

  private path(hash: string): string {
    return join(this.dir, hash.slice(0, 2), `${hash}.json`);
  }

  has(hash: string): boolean {
    return existsSync(this.path(hash));
  }

  /**
   * The cached record, or null when it is absent, unreadable, not the user's
   * own, or not a record of that hash (then the caller extracts again).
   */
  async get(hash: string): Promise<CachedRecord | null> {
    try {
      const handle = await open(this.path(hash), 'r');
      try {
        const info = await handle.stat();
        const me = process.getuid?.();
        if (!info.isFile() || (me !== undefined && info.uid !== me)) return null;
        const record: unknown = JSON.parse(await handle.readFile('utf8'));
        return isCachedRecord(record, hash) ? record : null;
      } finally {
        await handle.close();
      }
    } catch {
      return null;
    }
  }

  /** Written to a temporary name and renamed: a reader never sees half a file. A cache that cannot be written is not an error. */
  async put(record: DocumentRecord): Promise<void> {
    const { id: _id, source: _source, metadata: _metadata, ...cached } = record;
    const path = this.path(record.hash);
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      // Private to the user: 0o700 folders (the mode applies to the folders mkdir creates).
      await mkdir(join(this.dir, record.hash.slice(0, 2)), { recursive: true, mode: 0o700 });
      await writeFile(temporary, JSON.stringify(cached));
      await rename(temporary, path);
    } catch {
      // read-only or full disk: the corpus still works, only slower next time
    }
  }
}
