/**
 * An exclusive lock on an output folder: `DIR/extract.lock`, holding the
 * owner's pid, host name and start time, so that two runs never write into
 * the same folder (one would publish the other's unfinished files, or both
 * would append the same documents).
 *
 * Taking it: the owner's JSON is written to a private temporary file, which is
 * then hard-linked to `extract.lock`. link() fails with EEXIST when the lock
 * exists, atomically, like open(O_CREAT | O_EXCL), and unlike O_EXCL a lock
 * file is never seen empty or half written. (Where hard links are not
 * supported, O_EXCL is used, and a lock being written reads as held.)
 *
 * Stale locks: a run killed with SIGKILL or a power cut leaves its lock
 * behind. A lock whose owner is on this host and whose pid no longer exists
 * is stale and is broken: it is renamed aside (atomic; of two processes
 * breaking it at once, one rename wins), checked to still be the stale one,
 * and deleted. A lock held by another host (a shared network folder) cannot
 * be checked and is never broken: the message says which file to remove.
 * A pid reused by an unrelated process makes a stale lock look held; the
 * message names the pid so a person can check and remove the file.
 *
 * Why not proper-lockfile: its locks are a folder whose mtime the owner must
 * refresh on a timer, and a lock not refreshed within `stale` (10 s) is
 * taken over. An extract with `--jobs 0` analyzes in the main thread, and on
 * a loaded machine one large report can block the event loop longer than
 * that: a second run would then take the lock of a live one. A pid check has
 * no such window and needs no timer.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { GongwenError } from '../diagnostics.js';

export const LOCK_FILE = 'extract.lock';

/** What the lock file holds. */
export interface LockOwner {
  pid: number;
  hostname: string;
  /** ISO 8601. */
  startedAt: string;
}

export interface FolderLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Delete the lock file, if it is still ours. Safe to call twice. */
  release(): Promise<void>;
}

/** Take the lock on `dir` (which must exist), or throw GongwenError('OUTPUT') naming the run that holds it. */
export async function lockFolder(dir: string): Promise<FolderLock> {
  const path = join(dir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  const content = JSON.stringify(owner) + '\n';
  // Each pass either takes the lock, breaks a stale one and tries again, or throws.
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createExclusively(path, content)) {
      await removeOrphans(dir);
      return heldLock(path, owner, content);
    }
    let held: string;
    try {
      held = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw new GongwenError('OUTPUT', `cannot read the lock ${path}: ${messageOf(error)}`, { cause: error });
    }
    const other = parseOwner(held);
    if (other === undefined) {
      throw new GongwenError('OUTPUT', `${path} exists but is not a gongwen lock (or is being written): remove it if no extract is running`);
    }
    if (!isStale(other)) throw lockedError(dir, path, other);
    await breakStaleLock(path, held);
  }
  throw new GongwenError('OUTPUT', `cannot lock ${dir}: other runs keep taking ${path}`);
}

/** Whether the owner is gone: on this host, with a pid that no longer exists. */
export function isStale(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) return false;
  try {
    process.kill(owner.pid, 0); // signal 0: only checks that the process exists
    return false;
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function lockedError(dir: string, path: string, other: LockOwner): GongwenError {
  const where = other.hostname === hostname() ? `pid ${other.pid}` : `pid ${other.pid} on ${other.hostname}`;
  return new GongwenError(
    'OUTPUT',
    `${dir} is in use by another gongwen extract (${where}, since ${other.startedAt}); ` +
      `wait for it to finish, or remove ${path} if that process is gone`,
  );
}

/** True when the lock file was created with `content`; false when it exists already. */
async function createExclusively(path: string, content: string): Promise<boolean> {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content, { flag: 'wx' });
  } catch (error) {
    throw new GongwenError('OUTPUT', `cannot write in ${dirname(path)}: ${messageOf(error)}`, { cause: error });
  }
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') return createWithExcl(path, content);
    throw new GongwenError('OUTPUT', `cannot create the lock ${path}: ${messageOf(error)}`, { cause: error });
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** The fallback without hard links: O_CREAT | O_EXCL, then the content. */
async function createWithExcl(path: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new GongwenError('OUTPUT', `cannot create the lock ${path}: ${messageOf(error)}`, { cause: error });
  }
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Rename the stale lock aside and delete it. If what was renamed is not the
 * stale lock any more (another process broke it and took the lock in
 * between), put it back — with link(), which cannot overwrite a lock taken
 * meanwhile by a third process.
 */
async function breakStaleLock(path: string, stale: string): Promise<void> {
  const aside = `${path}.stale.${process.pid}.${randomBytes(6).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else broke it
    throw new GongwenError('OUTPUT', `cannot remove the stale lock ${path}: ${messageOf(error)}`, { cause: error });
  }
  try {
    const moved = await readFile(aside, 'utf8');
    if (moved !== stale) await link(aside, path).catch(() => undefined);
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}

/** Temporary and set-aside lock files of processes killed while taking or breaking a lock (named with their pid). */
const ORPHAN = /^extract\.lock\.(?:stale\.)?(\d+)\.[0-9a-f]+(?:\.tmp)?$/; // LOCK_FILE's temporary names

async function removeOrphans(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = ORPHAN.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && isStale({ pid: Number(pid), hostname: hostname(), startedAt: '' })) {
      await unlink(join(dir, name)).catch(() => undefined);
    }
  }
}

function heldLock(path: string, owner: LockOwner, content: string): FolderLock {
  let released = false;
  return {
    path,
    owner,
    async release() {
      if (released) return;
      released = true;
      // Only our own lock: never delete one another run took after ours was (wrongly) broken.
      const current = await readFile(path, 'utf8').catch(() => undefined);
      if (current === content) await unlink(path).catch(() => undefined);
    },
  };
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.hostname === 'string' && typeof parsed.startedAt === 'string') {
      return { pid: parsed.pid, hostname: parsed.hostname, startedAt: parsed.startedAt };
    }
  } catch {
    // not JSON
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
