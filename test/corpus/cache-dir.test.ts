/** The default corpus cache is the user's own folder, never the shared temp folder where another user could plant entries. */
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultCacheDir, userCacheDir } from '../../src/corpus/cache.js';

const saved = { GONGWEN_CACHE_DIR: process.env.GONGWEN_CACHE_DIR, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
  else process.env[name] = value;
});

describe('defaultCacheDir', () => {
  it.skipIf(process.platform === 'win32' || process.platform === 'darwin')('outside a project: $XDG_CACHE_HOME/gongwen, else ~/.cache/gongwen; never under the temp folder', () => {
    delete process.env.GONGWEN_CACHE_DIR;
    const noProject = tmpdir(); // no node_modules there
    process.env.XDG_CACHE_HOME = '/var/cache/me';
    expect(defaultCacheDir(noProject)).toBe('/var/cache/me/gongwen');
    delete process.env.XDG_CACHE_HOME;
    expect(defaultCacheDir(noProject)).toBe(join(homedir(), '.cache', 'gongwen'));
    process.env.XDG_CACHE_HOME = 'relative/cache'; // invalid per the spec: ignored
    expect(userCacheDir()).toBe(join(homedir(), '.cache', 'gongwen'));
    expect(defaultCacheDir(noProject).startsWith(tmpdir())).toBe(false);
  });
});
