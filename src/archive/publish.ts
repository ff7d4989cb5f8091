/**
 * Publishing a run's outputs: every `NAME.partial` in DIR becomes `NAME`,
 * all of them or none.
 *
 * POSIX renames one file atomically, never several, so the set is made
 * all-or-nothing with a journal (the writer's checkpoint file) and a way back:
 *
 *   1. check: every `NAME` is absent or a file (a folder in the way fails
 *      here, before anything changed);
 *   2. keep the previous outputs: hard-link every existing `NAME` to
 *      `NAME.previous` (readers still see `NAME` unchanged);
 *   3. journal "commit" (the writer appends its commit line and syncs it);
 *   4. rename each `NAME.partial` over `NAME`, documents.jsonl last;
 *   5. delete the `.previous` links and the journal.
 *
 * A rename that fails in 4 is undone: each file already renamed gets its
 * `.partial` name back and its `.previous` content (or is removed, if it did
 * not exist), the journal is reverted, and the error is thrown with what
 * failed. A process killed during 4 (or during an undo) left the commit in the
 * journal: the next open finishes the renames (`rollForward`), since the run
 * was complete. So DIR ends up with either the whole previous set or the whole
 * new one.
 *
 * What a reader of DIR can observe: each `NAME` is always a complete file,
 * the previous one or the new one, never a partial one. During step 4 (one
 * rename per file, milliseconds in all) files read one after another may
 * come from two runs; documents.jsonl is renamed last, so once it is new the
 * tables are new too (unless an undo follows a failed rename). A reader that
 * needs one consistent set reads while no `extract.lock` exists, and checks
 * that it still does not exist afterwards.
 */
import { copyFile, link, lstat, open, rename, rm, unlink } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { GongwenError } from '../diagnostics.js';

export const PARTIAL = '.partial';
export const PREVIOUS = '.previous';

export interface PublishJournal {
  /** Record that the renames may start (and sync it): from here a crash rolls forward. */
  commit(): Promise<void>;
  /** Record that the renames were undone: a later open must not roll forward. */
  revert(): Promise<void>;
}

/** Publish `files` (documents.jsonl should be last) in `dir`; throws GongwenError('OUTPUT') with the previous outputs in place. */
export async function publishAll(dir: string, files: readonly string[], journal: PublishJournal): Promise<void> {
  for (const file of files) await checkTarget(dir, file);
  const hadPrevious = new Set<string>();
  for (const file of files) if (await keepPrevious(dir, file)) hadPrevious.add(file);
  await journal.commit();

  const renamed: string[] = [];
  for (const file of files) {
    try {
      await rename(join(dir, file + PARTIAL), join(dir, file));
      renamed.push(file);
    } catch (error) {
      const undone = await undo(dir, renamed, hadPrevious);
      if (undone) await journal.revert();
      throw new GongwenError(
        'OUTPUT',
        `cannot publish ${join(dir, file)}: ${messageOf(error)}; ` +
          (undone
            ? 'the previous outputs are back in place and this run is kept in the .partial files: fix it, then run again with --resume'
            : 'the outputs could not all be put back: run again with --resume to finish publishing'),
        { cause: error },
      );
    }
  }
  await removePrevious(dir, files);
}

/** Finish the renames of a publish that was committed when the process died. */
export async function rollForward(dir: string, files: readonly string[]): Promise<void> {
  for (const file of files) {
    const partial = join(dir, file + PARTIAL);
    try {
      await rename(partial, join(dir, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // renamed before the crash
      throw new GongwenError('OUTPUT', `cannot finish publishing ${join(dir, file)}: ${messageOf(error)}`, { cause: error });
    }
  }
  await removePrevious(dir, files);
}

export async function removePrevious(dir: string, files: readonly string[]): Promise<void> {
  for (const file of files) await rm(join(dir, file + PREVIOUS), { force: true });
}

/** A folder (or anything not a file) where an output goes would make its rename fail: say so before touching anything. */
async function checkTarget(dir: string, file: string): Promise<void> {
  const target = join(dir, file);
  let kind: string | undefined;
  try {
    const stats = await lstat(target);
    if (stats.isDirectory()) kind = 'a folder';
    else if (!stats.isFile() && !stats.isSymbolicLink()) kind = 'not a regular file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new GongwenError('OUTPUT', `cannot publish ${target}: ${messageOf(error)}`, { cause: error });
    }
  }
  if (kind !== undefined) {
    throw new GongwenError(
      'OUTPUT',
      `cannot publish ${target}: it is ${kind}; move it away, then run again with --resume (this run is kept in ${target}${PARTIAL} and the other .partial files)`,
    );
  }
}

/** `NAME.previous` ← `NAME` (a hard link; a copy where links are not supported). False when there is no `NAME`. */
async function keepPrevious(dir: string, file: string): Promise<boolean> {
  const target = join(dir, file);
  const previous = target + PREVIOUS;
  await rm(previous, { force: true });
  try {
    await link(target, previous);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') {
      throw new GongwenError('OUTPUT', `cannot publish ${target}: ${messageOf(error)}`, { cause: error });
    }
  }
  await copyFile(target, previous, constants.COPYFILE_FICLONE);
  return true;
}

/** Put back what the failed publish renamed; false if some file could not be put back. */
async function undo(dir: string, renamed: readonly string[], hadPrevious: ReadonlySet<string>): Promise<boolean> {
  let complete = true;
  for (const file of [...renamed].reverse()) {
    const target = join(dir, file);
    try {
      await link(target, target + PARTIAL); // the new content keeps its .partial name for --resume
      if (hadPrevious.has(file)) await rename(target + PREVIOUS, target);
      else await unlink(target);
    } catch {
      complete = false;
    }
  }
  return complete;
}

/** Make the renames durable (POSIX); not possible everywhere (Windows), and not needed for correctness after a mere kill. */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
