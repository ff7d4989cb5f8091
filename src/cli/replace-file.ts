/**
 * Replacing a user's file whole, or not at all (`lint --fix`, and any command
 * that rewrites what it read).
 *
 * The new bytes go to a temporary file in the same folder (so the rename
 * stays on one file system), are fsync'ed, take the original's mode (and
 * owner, when we may set it), and are renamed over the original; the folder
 * is then fsync'ed. A full disk, a kill or a power cut at any point leaves
 * either the old file or the new one, never a half-written file (writing in
 * place left 18,926 of 20,000 lines on a full disk, and 0 bytes when killed).
 *
 * Before the rename the file is compared with what was read (device, inode,
 * size, modification time, then a SHA-256 of its bytes): an edit saved by the
 * user while we worked is never overwritten — the write is refused with
 * FileChangedError. (A save in the last milliseconds between that check and
 * the rename can still be lost; no portable API closes that window.)
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { GongwenError } from '../diagnostics.js';
import { syncDirectory } from '../archive/publish.js';

/** What a file was when it was read: what `replaceFile` checks before it writes. */
export interface FileSnapshot {
  /** The real path (symbolic links resolved): the file that is replaced, never the link. */
  path: string;
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  mode: number;
  uid: number;
  gid: number;
  sha256: string;
}

/** The file changed on disk since it was read: the new text is not written. */
export class FileChangedError extends GongwenError {
  constructor(path: string, what: string) {
    super('OUTPUT', `${path} changed since it was read (${what}); not written, so that change is kept — run again`);
  }
}

/** The file system calls used: the real ones, or a test's faulty ones. */
export type FileOps = Pick<typeof fs, 'open' | 'rename' | 'unlink' | 'lstat' | 'readFile' | 'realpath'>;

/** The bytes of `path` (links followed) and the snapshot they were read with. */
export async function readSnapshot(path: string, maxBytes: number, ops: FileOps = fs): Promise<{ bytes: Buffer; snapshot: FileSnapshot }> {
  const real = await ops.realpath(path);
  const handle = await ops.open(real, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new GongwenError('UNREADABLE', `${path} is not a regular file`);
    if (info.size > maxBytes) throw new FileChangedError(path, 'it grew past the size limit');
    const bytes = await handle.readFile();
    const { dev, ino, size, mtimeMs, mode, uid, gid } = info;
    return { bytes, snapshot: { path: real, dev, ino, size, mtimeMs, mode, uid, gid, sha256: sha256(bytes) } };
  } finally {
    await handle.close();
  }
}

/**
 * Replace the file of `snapshot` with `bytes`, atomically, if it is still
 * what was read. Throws FileChangedError when it changed, GongwenError
 * ('OUTPUT') when it cannot be written (the original is then untouched and
 * no temporary file is left).
 */
export async function replaceFile(snapshot: FileSnapshot, bytes: Uint8Array, ops: FileOps = fs): Promise<void> {
  await assertUnchanged(snapshot, ops);
  await writeThenRename(snapshot.path, bytes, snapshot, () => assertUnchanged(snapshot, ops), ops);
}

/**
 * An output file (`view -o`, `corpus --out`, a chart) written whole: a reader
 * or a kill never sees half of it, and a full disk leaves the previous file.
 * An existing file keeps its mode; a new one gets the umask's.
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array, ops: FileOps = fs): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const target = await ops.realpath(path).catch(() => path); // a link is written through, not replaced
  const existing = await ops.lstat(target).catch(() => undefined);
  const keep = existing?.isFile() ? { mode: existing.mode, uid: existing.uid, gid: existing.gid } : undefined;
  await writeThenRename(target, bytes, keep, async () => undefined, ops);
}

async function writeThenRename(
  target: string,
  bytes: Uint8Array,
  keep: { mode: number; uid: number; gid: number } | undefined,
  beforeRename: () => Promise<void>,
  ops: FileOps,
): Promise<void> {
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.gongwen-${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    // 'wx': never follow or reuse something already at the temporary name.
    const handle = await ops.open(temp, 'wx', keep ? keep.mode & 0o777 : 0o666);
    created = true;
    try {
      let written = 0;
      while (written < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
        written += bytesWritten;
      }
      if (keep) {
        // The umask may have cleared bits of the mode given to open().
        await handle.chmod(keep.mode & 0o7777);
        await handle.chown(keep.uid, keep.gid).catch(() => undefined); // only root may give a file away
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await beforeRename();
    await ops.rename(temp, target);
    created = false;
  } catch (error) {
    if (created) await ops.unlink(temp).catch(() => undefined);
    if (error instanceof GongwenError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new GongwenError('OUTPUT', `${target}: cannot be written (${code ?? (error as Error).message})${keep ? '; the file is as it was' : ''}`, { cause: error });
  }
  await syncDirectory(folder);
}

async function assertUnchanged(snapshot: FileSnapshot, ops: FileOps): Promise<void> {
  let now;
  try {
    now = await ops.lstat(snapshot.path);
  } catch {
    throw new FileChangedError(snapshot.path, 'it was removed or moved');
  }
  if (!now.isFile() || now.dev !== snapshot.dev || now.ino !== snapshot.ino) throw new FileChangedError(snapshot.path, 'it was replaced by another file');
  if (now.size !== snapshot.size || now.mtimeMs !== snapshot.mtimeMs) throw new FileChangedError(snapshot.path, 'it was modified');
  // Same size and time can still hide an edit (coarse timestamps, a restored mtime): compare the bytes.
  if (sha256(await ops.readFile(snapshot.path)) !== snapshot.sha256) throw new FileChangedError(snapshot.path, 'its content differs');
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
