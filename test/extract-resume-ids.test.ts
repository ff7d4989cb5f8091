/**
 * Why a --resume reported "1600 dropped" with all 1,600 present: ids are the input paths as
 * written, so a resume naming the same folder by its absolute path meets none of the earlier ids.
 * The run says so on stderr; resumed the same way as the first run, nothing is dropped.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const cwd = mkdtempSync(join(tmpdir(), 'gongwen-resume-ids-'));
mkdirSync(join(cwd, 'reports'));
for (const name of ['gwr-2017', 'gwr-2019']) copyFileSync(fileURLToPath(new URL(`../fixtures/${name}.txt`, import.meta.url)), join(cwd, 'reports', `${name}.txt`));

describe('extract --resume and document ids', () => {
  it('resumed as first run: nothing dropped, no hint', async () => {
    expect((await runCli(['extract', 'reports/', '--out', 'same', '--jobs', '0'], { cwd })).code).toBe(0);
    const again = await runCli(['extract', 'reports/', '--out', 'same', '--jobs', '0', '--resume'], { cwd });
    expect(again.stderr).toMatch(/0 analyzed, 2 already done, 0 failed; 0 replaced, 0 dropped/);
    expect(again.stderr).not.toMatch(/not met under their ids/);
  });

  it('resumed with the folder spelt differently: every record dropped, and a line that says why', async () => {
    expect((await runCli(['extract', 'reports/', '--out', 'other', '--jobs', '0'], { cwd })).code).toBe(0);
    const again = await runCli(['extract', join(cwd, 'reports'), '--out', 'other', '--jobs', '0', '--resume'], { cwd });
    expect(again.stderr).toMatch(/2 analyzed, 0 already done, 0 failed; 0 replaced, 2 dropped/);
    expect(again.stderr).toMatch(/^gongwen: 2 earlier documents were not met under their ids; ids are the input paths as written/m);
  });
});
