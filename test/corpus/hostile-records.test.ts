/**
 * A documents.jsonl written by someone else: a null line or a record without
 * `source` is a clear FORMAT error (was a TypeError), a `source` naming a
 * device is refused instead of read forever, and no error echoes the bytes of
 * the file a source points at.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/corpus/open.js';
import type { ErrorRecord } from '../../src/archive/output.js';

const record = (fields: Record<string, unknown>) => JSON.stringify({ id: 'r', hash: '0'.repeat(64), source: 'r.txt', slogans: [], headings: [], metadata: {}, ...fields });

describe('documents.jsonl from elsewhere', () => {
  it('null lines, arrays and records without source are FORMAT errors naming the line', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gongwen-records-'));
    const path = join(folder, 'documents.jsonl');
    const { source: _source, ...noSource } = JSON.parse(record({})) as Record<string, unknown>;
    writeFileSync(path, ['null', '[1]', JSON.stringify(noSource), '{"id": "x"'].join('\n') + '\n');
    const errors: ErrorRecord[] = [];
    const documents = [];
    for await (const document of openCorpus(path, { onError: (error) => errors.push(error) }).documents()) documents.push(document);
    expect(documents).toEqual([]);
    expect(errors.map((error) => error.error.message)).toEqual([
      `line 1 of ${path}: not a record of gongwen extract (null, not an object)`,
      `line 2 of ${path}: not a record of gongwen extract (an array, not an object)`,
      `line 3 of ${path}: not a record of gongwen extract (no string "id", "hash" or "source", or no "slogans")`,
      `line 4 of ${path}: not valid JSON`,
    ]);
  });

  it.skipIf(process.platform !== 'linux')('a source that is a device or a FIFO is refused; one that is another file never has its bytes echoed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gongwen-records-'));
    const secret = join(folder, 'secret.jsonl');
    writeFileSync(secret, 'root:x:0:0:secret-line\n');
    const path = join(folder, 'documents.jsonl');
    const pipe = join(folder, 'pipe.jsonl');
    execFileSync('mkfifo', [pipe]);
    writeFileSync(path, [record({ id: 'pipe.jsonl#1', source: pipe }), record({ id: 'zero', source: '/dev/zero' }), record({ id: 'secret.jsonl#1', source: secret })].join('\n') + '\n');
    const messages: string[] = [];
    for await (const document of openCorpus(path).documents()) messages.push(await document.text().then(() => 'read', (error: Error) => error.message));
    expect(messages[0]).toBe(`cannot read the source ${pipe} again: not a regular file (a named pipe)`);
    expect(messages[1]).toMatch(/is not a regular file \(a device\)/);
    expect(messages[2]).toBe(`secret.jsonl#1: line 1 of ${secret} is not valid JSON`);
    expect(messages.join('\n')).not.toContain('secret-line');
  });
});
