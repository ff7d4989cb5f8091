/**
 * Relative `source` paths of an extract folder resolve where extract ran, as
 * its extract.json records, not against the working folder of whoever reads
 * the folder later. A folder of an older version (no extract.json) is read as
 * before, from the working folder, with a warning; the hash check keeps a
 * wrong file from being taken for the text.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/corpus/open.js';
import type { CorpusDocument } from '../../src/corpus/types.js';
import { cliPath } from '../helpers/cli.js';
import { readFixture } from '../helpers/fixtures.js';
import { makeTempDir } from '../helpers/archive-files.js';

const fixtures = new URL('../../fixtures/', import.meta.url);

/** Every document of the folder with its text (or the error reading it), and the warnings and errors said. */
async function readAll(folder: string, cwd: string): Promise<{ documents: { id: string; text: string }[]; warnings: string[]; errors: string[] }> {
  const warnings: string[] = [];
  const errors: string[] = [];
  const documents: { id: string; text: string }[] = [];
  const corpus = openCorpus(folder, { cwd, cache: false, onWarning: (message) => warnings.push(message), onError: (error) => errors.push(error.error.message) });
  for await (const document of corpus.documents() as AsyncIterable<CorpusDocument>) {
    documents.push({ id: document.id, text: await document.text().catch((error: Error) => `error: ${error.message}`) });
  }
  return { documents, warnings, errors };
}

describe('relative sources of an extract folder', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let project: string;
  beforeAll(async () => {
    temp = await makeTempDir('gongwen-source-base-');
    // A researcher's project: reports/ and an archive, extracted from the project folder with relative paths.
    project = join(temp.dir, 'project');
    await mkdir(join(project, 'reports'), { recursive: true });
    await copyFile(new URL('gwr-2017.txt', fixtures), join(project, 'reports', 'gwr-2017.txt'));
    await writeFile(join(project, 'archive.jsonl'), JSON.stringify({ year: '2019', content: readFixture('gwr-2019') }) + '\n');
    execFileSync(process.execPath, [cliPath, 'extract', 'reports', 'archive.jsonl', '--out', 'out', '--jobs', '0'], { cwd: project, stdio: 'ignore' });
    await mkdir(join(temp.dir, 'elsewhere'));
  });
  afterAll(() => temp.remove());

  it('records where extract ran in extract.json, relative to the folder, and keeps the sources as written', async () => {
    expect(JSON.parse(await readFile(join(project, 'out', 'extract.json'), 'utf8'))).toEqual({ gongwen: expect.stringMatching(/^\d+\.\d+\.\d+/), sourceBase: '..' });
    const sources = (await readFile(join(project, 'out', 'documents.jsonl'), 'utf8')).trim().split('\n').map((line) => (JSON.parse(line) as { source: string }).source);
    expect(sources).toEqual(['reports/gwr-2017.txt', 'archive.jsonl']);
  });

  it('reads the texts from another working folder, and after the project moved', async () => {
    const expected = [
      { id: 'reports/gwr-2017.txt', text: readFixture('gwr-2017') },
      { id: 'archive.jsonl#1', text: readFixture('gwr-2019') },
    ];
    expect(await readAll(join(project, 'out'), join(temp.dir, 'elsewhere'))).toEqual({ documents: expected, warnings: [], errors: [] });
    const moved = join(temp.dir, 'moved');
    await rename(project, moved);
    try {
      // Given as documents.jsonl rather than the folder: the same base.
      expect(await readAll(join(moved, 'out', 'documents.jsonl'), join(temp.dir, 'elsewhere'))).toEqual({ documents: expected, warnings: [], errors: [] });
    } finally {
      await rename(moved, project);
    }
  });

  it('reads a folder of an older version (no extract.json) from the working folder, with one warning', async () => {
    const legacy = join(temp.dir, 'project', 'legacy');
    await mkdir(legacy);
    await copyFile(join(project, 'out', 'documents.jsonl'), join(legacy, 'documents.jsonl'));
    // From the folder that extract ran in: the texts, and a warning saying how they were found.
    const there = await readAll(legacy, project);
    expect(there.documents.map((document) => document.text)).toEqual([readFixture('gwr-2017'), readFixture('gwr-2019')]);
    expect(there.warnings).toHaveLength(1);
    expect(there.warnings[0]).toContain(`${legacy} has no extract.json`);
    expect(there.warnings[0]).toContain(`working folder ${project}`);
    // From elsewhere: an error per text, never another file's text, and the same warning.
    const elsewhere = await readAll(legacy, join(temp.dir, 'elsewhere'));
    expect(elsewhere.documents.map((document) => document.text)).toEqual([expect.stringMatching(/^error: .*gwr-2017\.txt/), expect.stringMatching(/^error: .*archive\.jsonl/)]);
    expect(elsewhere.warnings).toHaveLength(1);
  });

  it('a malformed extract.json is a warning and the working folder, not a crash', async () => {
    const broken = join(temp.dir, 'project', 'broken');
    await mkdir(broken);
    await copyFile(join(project, 'out', 'documents.jsonl'), join(broken, 'documents.jsonl'));
    for (const content of ['{"sourceBase": ', '{"sourceBase": "/etc"}', 'null']) {
      await writeFile(join(broken, 'extract.json'), content);
      const read = await readAll(broken, project);
      expect(read.documents.map((document) => document.text)).toEqual([readFixture('gwr-2017'), readFixture('gwr-2019')]);
      expect(read.warnings, content).toEqual([expect.stringContaining(join(broken, 'extract.json'))]);
    }
    await rm(join(broken, 'extract.json'));
  });
});
