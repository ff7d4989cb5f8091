import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishAll, rollForward } from '../../src/archive/publish.js';
import { GongwenError } from '../../src/diagnostics.js';
import { makeTempDir } from '../helpers/archive-files.js';

const FILES = ['a.csv', 'b.csv', 'documents.jsonl'];
let temp: { dir: string; remove(): Promise<void> };
let dir: string;

beforeEach(async () => {
  temp = await makeTempDir('gongwen-publish-');
  dir = temp.dir;
  for (const file of FILES) {
    await writeFile(join(dir, file), `old ${file}`);
    await writeFile(join(dir, `${file}.partial`), `new ${file}`);
  }
});
afterEach(() => temp.remove());

const contents = (): Promise<string[]> => Promise.all(FILES.map((file) => readFile(join(dir, file), 'utf8')));

describe('publishAll', () => {
  it('renames the whole set and leaves nothing behind', async () => {
    const journal: string[] = [];
    await publishAll(dir, FILES, { commit: async () => void journal.push('commit'), revert: async () => void journal.push('revert') });
    expect(await contents()).toEqual(FILES.map((file) => `new ${file}`));
    expect(journal).toEqual(['commit']);
    expect((await readdir(dir)).sort()).toEqual([...FILES].sort());
  });

  it('undoes the renames done when a later one fails: the previous set is back, the new one is .partial again', async () => {
    const journal: string[] = [];
    const failure = await publishAll(dir, FILES, {
      // After the checks, before the renames: a folder appears where the last file goes.
      commit: async () => {
        journal.push('commit');
        await rm(join(dir, 'documents.jsonl'));
        await mkdir(join(dir, 'documents.jsonl'));
        await writeFile(join(dir, 'documents.jsonl', 'x'), 'x');
      },
      revert: async () => void journal.push('revert'),
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GongwenError);
    expect((failure as GongwenError).message).toMatch(/^cannot publish .*documents\.jsonl: .*the previous outputs are back in place/);
    expect(journal).toEqual(['commit', 'revert']);
    expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe('old a.csv');
    expect(await readFile(join(dir, 'b.csv'), 'utf8')).toBe('old b.csv');
    for (const file of FILES) expect(await readFile(join(dir, `${file}.partial`), 'utf8')).toBe(`new ${file}`);
    expect(await readdir(dir)).not.toContain('a.csv.previous');
  });

  it('refuses before any rename when a folder is in the way', async () => {
    await rm(join(dir, 'documents.jsonl'));
    await mkdir(join(dir, 'documents.jsonl'));
    const journal: string[] = [];
    await expect(publishAll(dir, FILES, { commit: async () => void journal.push('commit'), revert: async () => undefined })).rejects.toThrow(
      /documents\.jsonl: it is a folder/,
    );
    expect(journal).toEqual([]);
    expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe('old a.csv');
    expect(await readFile(join(dir, 'a.csv.partial'), 'utf8')).toBe('new a.csv');
  });

  it('removes, when undoing, an output that did not exist before', async () => {
    await rm(join(dir, 'a.csv'));
    const failure = await publishAll(dir, FILES, {
      commit: async () => {
        await rm(join(dir, 'documents.jsonl'));
        await mkdir(join(dir, 'documents.jsonl'));
        await writeFile(join(dir, 'documents.jsonl', 'x'), 'x');
      },
      revert: async () => undefined,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GongwenError);
    expect(await readdir(dir)).not.toContain('a.csv');
    expect(await readFile(join(dir, 'a.csv.partial'), 'utf8')).toBe('new a.csv');
  });

  it('rollForward finishes a committed publish that a kill interrupted', async () => {
    await writeFile(join(dir, 'a.csv'), 'new a.csv');
    await rm(join(dir, 'a.csv.partial'));
    await rollForward(dir, FILES);
    expect(await contents()).toEqual(FILES.map((file) => `new ${file}`));
  });
});
