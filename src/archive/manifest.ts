/**
 * `DIR/extract.json`: what an extract folder says about itself, beside its
 * documents.jsonl.
 *
 *   { "gongwen": "0.1.0", "sourceBase": ".." }
 *
 * `source` in documents.jsonl is the input path as the user wrote it (ids and
 * --resume depend on that spelling), so a relative one means "relative to the
 * folder extract ran in". `sourceBase` records that folder relative to DIR:
 * a reader resolves relative sources against DIR + sourceBase, wherever it
 * runs from, and the pair (extract folder, reports) can be moved together.
 * Before this file existed, readers resolved them against their own working
 * folder: run from elsewhere, `reports/a.txt` named another file or none.
 *
 * A folder written before extract.json (or whose extract.json is not ours to
 * read) has no recorded base: readers fall back to their working folder, as
 * before, and say so (sourceBaseOf's `fallback`). The text read is still held
 * to the record's hash, so a wrong file is an error, never a silent mix-up.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { packageVersion } from '../package-version.js';

export const MANIFEST_FILE = 'extract.json';

export interface ExtractManifest {
  /** The gongwen version that wrote the folder. */
  gongwen: string;
  /** The folder relative `source` paths are relative to, as a path relative to the extract folder (`/`-separated; `.` for the folder itself). */
  sourceBase: string;
}

/** The manifest of an extract folder `dir` whose relative sources are relative to `base` (the run's working folder). */
export function manifestFor(dir: string, base: string): ExtractManifest {
  const path = relative(resolve(dir), resolve(base));
  return { gongwen: packageVersion(), sourceBase: path === '' ? '.' : path.split(sep).join('/') };
}

/** Its bytes in the folder: one line of JSON. */
export function manifestText(manifest: ExtractManifest): string {
  return JSON.stringify(manifest) + '\n';
}

/** Where the relative sources of a documents.jsonl resolve: `base`; `fallback` says why it is the working folder instead. */
export interface SourceBase {
  base: string;
  /** Set when the folder records no usable base (older versions): the reason, for a warning. */
  fallback?: string;
}

/**
 * The base of the relative sources of `documentsPath` (a documents.jsonl, or a
 * .jsonl of extract records), from the extract.json beside it; without a
 * usable one, `cwd` with the reason.
 */
export async function sourceBaseOf(documentsPath: string, cwd: string): Promise<SourceBase> {
  const folder = dirname(resolve(cwd, documentsPath));
  const manifestPath = join(folder, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? `${folder} has no ${MANIFEST_FILE} (written by a gongwen before 0.1.0, or not by gongwen extract)` : `${manifestPath} cannot be read (${code ?? 'error'})`;
    return { base: cwd, fallback: reason };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not the engine's message: it would quote the file.
    return { base: cwd, fallback: `${manifestPath} is not valid JSON` };
  }
  const sourceBase = (parsed as Partial<ExtractManifest> | null)?.sourceBase;
  if (typeof sourceBase !== 'string' || sourceBase === '' || isAbsolute(sourceBase)) {
    return { base: cwd, fallback: `${manifestPath} has no relative "sourceBase"` };
  }
  return { base: resolve(folder, sourceBase) };
}
