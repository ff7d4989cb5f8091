/**
 * Start-up: `gongwen` loads the code of the command it runs and nothing else,
 * so `--version` starts as fast as Node itself and `parse` loads neither the
 * linter, nor the archive pipeline, nor the corpus analyses (vega, natural).
 * Asserted on the modules the process loads (test/helpers/module-log.mjs),
 * not on wall time, which moves with the machine's load.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliPath } from './helpers/cli.js';
import { COMMANDS } from '../src/cli/commands.js';

const moduleLog = fileURLToPath(new URL('./helpers/module-log.mjs', import.meta.url));
const seed = fileURLToPath(new URL('../fixtures/seed-004.txt', import.meta.url));

/** The modules `gongwen …args` loads: paths under dist/, and the packages of node_modules/ by name. */
function modulesLoaded(args: string[]): string[] {
  const log = join(mkdtempSync(join(tmpdir(), 'gongwen-startup-')), 'modules.log');
  execFileSync(process.execPath, ['--import', moduleLog, cliPath, ...args], { env: { ...process.env, GONGWEN_MODULE_LOG: log }, stdio: ['ignore', 'ignore', 'ignore'] });
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((url) => (url.includes('/node_modules/') ? `package:${/\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)![1]}` : url.slice(url.indexOf('/dist/') + '/dist/'.length)));
}

describe('gongwen start-up', () => {
  it('--version loads no command', () => {
    const loaded = modulesLoaded(['--version']);
    expect(loaded).toContain('cli/main.js');
    expect(loaded.filter((path) => path.endsWith('-command.js'))).toEqual([]);
    // The entry answers it before the dispatcher loads: the entry, the closed-pipe guard and the version, nothing else.
    expect(loaded.sort()).toEqual(['cli/closed-pipe.js', 'cli/main.js', 'package-version.js']);
  });

  it('parse loads the parse command and the tree, not the linter, the archive pipeline, the corpus or the view', () => {
    const loaded = modulesLoaded(['parse', seed]);
    expect(loaded).toContain('cli/parse-command.js');
    expect(loaded).toContain('tree/build.js');
    // archive/ lends reading a file (formats, decode) to every command; its pipeline stays out.
    const unwanted = (path: string) => /^(lint|corpus|view)\//.test(path) || /^archive\/(analyze-files|pool|output)\.js$/.test(path) || /-command\.js$/.test(path) && path !== 'cli/parse-command.js';
    expect(loaded.filter(unwanted)).toEqual([]);
    // Readers of other formats and the YAML of the slogan dictionary load when a docx, a PDF, an HTML file or the dictionary is read.
    for (const name of ['yaml', 'htmlparser2', 'unpdf', 'mammoth']) expect(loaded).not.toContain(`package:${name}`);
    // Nor what only a .docx, a PDF or a text that is not UTF-8 needs: the zip reader (and node:zlib), the PDF checks, chardet.
    for (const path of ['archive/zip.js', 'archive/inflate-count.js', 'archive/pdf-pages.js', 'archive/pdf-streams.js', 'package:chardet']) expect(loaded).not.toContain(path);
  });

  it('every entry of the registry loads the command of its name', async () => {
    for (const entry of COMMANDS) expect((await entry.load()).name).toBe(entry.name);
  });
});
