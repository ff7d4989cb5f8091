/**
 * `gongwen extract` writes its outputs from analyses serialized in the worker
 * (serializeAnalysis, with its own CSV writer): the files must be byte for
 * byte what they were when the calling thread received each analysis as
 * objects and wrote them with JSON.stringify and csv-stringify. The reference
 * here is that former writer, rebuilt from the public API (analyzeJson,
 * contentHash) and csv-stringify with the options extract used, over an
 * archive made of the repository's fixtures: eleven national reports, one
 * party congress report and five seeds, as a .jsonl archive and as files.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeJson } from '../../src/analyze.js';
import { contentHash } from '../../src/archive/hash.js';
import type { AnalysisJson } from '../../src/extract/types.js';
import { cliPath } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/archive-files.js';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const reports = readdirSync(fixtures)
  .filter((name) => name.endsWith('.txt') && !name.endsWith('.outline.txt'))
  .sort();

/** The AnalysisJson fields in the order documents.jsonl has always written them. */
const ANALYSIS_FIELDS = ['title', 'year', 'docType', 'headings', 'enumerations', 'slogans', 'placeholders', 'placeholderCounts', 'metrics', 'targets', 'outcomes', 'warnings'] as const;

interface Reference {
  id: string;
  source: string;
  format: string;
  encoding: string | null;
  metadata: Record<string, unknown>;
  text: string;
}

/** The former writer: one JSON.stringify of the whole record, csv-stringify per table and document. */
function referenceOutputs(documents: readonly Reference[], headers: Record<string, string>): Record<string, string> {
  const csv = (rows: unknown[][]) => stringify(rows, { record_delimiter: 'windows', quoted_match: /[\r\n]/, cast: { boolean: (value) => (value ? 'true' : 'false') } });
  const tables = { 'headings.csv': 'headings', 'slogans.csv': 'slogans', 'placeholders.csv': 'placeholders', 'metrics.csv': 'metrics' } as const;
  const out: Record<string, string> = { 'documents.jsonl': '' };
  for (const file of Object.keys(tables)) out[file] = headers[file]!;
  for (const document of documents) {
    const analysis = analyzeJson(document.text) as AnalysisJson & Record<string, unknown>;
    const line: Record<string, unknown> = { id: document.id, source: document.source, format: document.format, encoding: document.encoding, hash: contentHash(document.text), metadata: document.metadata };
    for (const field of ANALYSIS_FIELDS) line[field] = analysis[field];
    out['documents.jsonl'] += JSON.stringify(line) + '\n';
    for (const [file, field] of Object.entries(tables)) {
      const columns = headers[file]!.replace(/^\ufeff/, '').trim().split(',').slice(1);
      const rows = (analysis[field] as unknown as Record<string, unknown>[]).map((record) => [
        document.id,
        ...columns.map((column) => {
          if (column === 'sentence_start') return (record.sentence as { start: number }).start;
          if (column === 'sentence_end') return (record.sentence as { end: number }).end;
          return record[column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())];
        }),
      ]);
      if (rows.length > 0) out[file] += csv(rows);
    }
  }
  return out;
}

describe('gongwen extract output is byte-identical to the former writer', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let archive: string;
  const records: Reference[] = [];
  beforeAll(async () => {
    temp = await makeTempDir('gongwen-identical-');
    archive = join(temp.dir, 'fixtures.jsonl');
    let jsonl = '';
    reports.forEach((name, index) => {
      const text = readFileSync(join(fixtures, name), 'utf8');
      const metadata = { name, n: index, note: index % 3 === 0 ? '含,逗号与"引号"' : null };
      jsonl += JSON.stringify({ ...metadata, content: text }) + '\n';
      records.push({ id: `${archive}#${index + 1}`, source: archive, format: 'text', encoding: 'utf-8', metadata, text });
    });
    writeFileSync(archive, jsonl);
  });
  afterAll(() => temp.remove());

  for (const jobs of ['0', '1', '2']) {
    it(`on a .jsonl archive of the fixtures, --jobs ${jobs}`, () => {
      const out = join(temp.dir, `out-${jobs}`);
      const result = spawnSync(process.execPath, [cliPath, 'extract', archive, '--out', out, '--jobs', jobs], { encoding: 'utf8' });
      expect(result.stderr).toMatch(new RegExp(`extract: ${reports.length} analyzed, 0 already done, 0 failed`));
      const written = (file: string) => readFileSync(join(out, file), 'utf8');
      const headers = Object.fromEntries(['headings.csv', 'slogans.csv', 'placeholders.csv', 'metrics.csv'].map((file) => [file, written(file).split('\r\n')[0] + '\r\n']));
      const expected = referenceOutputs(records, headers);
      for (const [file, content] of Object.entries(expected)) expect(written(file), file).toBe(content);
      // Real rows, not empty tables on both sides.
      expect(expected['metrics.csv']!.split('\r\n').length).toBeGreaterThan(100);
    });
  }

  it('on the same reports as files, with a path that needs quoting in the CSV', () => {
    const folder = join(temp.dir, 'reports, "quoted"');
    mkdirSync(folder);
    for (const name of reports.slice(0, 6)) writeFileSync(join(folder, name), readFileSync(join(fixtures, name)));
    const out = join(temp.dir, 'out-files');
    const result = spawnSync(process.execPath, [cliPath, 'extract', folder, '--out', out, '--jobs', '1'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const written = (file: string) => readFileSync(join(out, file), 'utf8');
    const headers = Object.fromEntries(['headings.csv', 'slogans.csv', 'placeholders.csv', 'metrics.csv'].map((file) => [file, written(file).split('\r\n')[0] + '\r\n']));
    const documents = reports.slice(0, 6).map((name) => {
      const path = join(folder, name);
      return { id: path, source: path, format: 'text', encoding: 'utf-8', metadata: {}, text: readFileSync(path, 'utf8') };
    });
    const expected = referenceOutputs(documents, headers);
    for (const [file, content] of Object.entries(expected)) expect(written(file), file).toBe(content);
  });
});
