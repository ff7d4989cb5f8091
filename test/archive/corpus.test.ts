/**
 * The public JSON Lines archive in ../shared/corpora (not shipped with the
 * package: skipped where it is absent). Also measures decoding throughput
 * when GONGWEN_BENCH=1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/archive/decode.js';
import { expandInputs } from '../../src/archive/inputs.js';
import type { DocumentSource } from '../../src/archive/inputs.js';
import { encodeWithPython } from '../helpers/archive-files.js';

const corpus = (name: string): string => fileURLToPath(new URL(`../../../shared/corpora/${name}`, import.meta.url));
const government = corpus('government_work_reports.jsonl');
const congress = corpus('cpc_congress_reports.jsonl');
const present = existsSync(government) && existsSync(congress);

function splitOnNul(bytes: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  for (let start = 0; start <= bytes.length; ) {
    const end = bytes.indexOf(0, start);
    parts.push(bytes.subarray(start, end === -1 ? bytes.length : end));
    start = end === -1 ? bytes.length + 1 : end + 1;
  }
  return parts;
}

async function expand(inputs: string[]): Promise<DocumentSource[]> {
  const sources: DocumentSource[] = [];
  for await (const source of expandInputs(inputs)) sources.push(source);
  return sources;
}

describe.skipIf(!present)('the JSON Lines corpus', () => {
  it('yields one document per record with its metadata, in file and line order', async () => {
    const sources = await expand([government, congress]);
    const records = [government, congress].flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, i) => ({ path, line: i + 1, record: JSON.parse(line) as Record<string, unknown> })),
    );
    expect(sources).toHaveLength(records.length);
    expect(sources.length).toBe(88);
    for (const [i, source] of sources.entries()) {
      const { path, line, record } = records[i]!;
      expect(source.id).toBe(`${path}#${line}`);
      const { content, ...metadata } = record;
      expect(source.metadata).toEqual(metadata);
      expect(await source.load()).toEqual({ text: content, format: 'text', encoding: 'utf-8', warnings: [] });
    }
  });

  it('carries year, title and url for government reports and congress for party congress reports', async () => {
    const [first] = await expand([government]);
    // Carried as written: this corpus spells years as strings.
    expect(first!.metadata).toMatchObject({ title: '2025年中华人民共和国国务院政府工作报告', year: '2025' });
    expect(first!.metadata.url).toMatch(/^https:\/\/zh\.wikisource\.org\//);
    const congressSources = await expand([congress]);
    expect(congressSources.every((source) => 'congress' in source.metadata)).toBe(true);
  });

  it.skipIf(process.env.GONGWEN_BENCH !== '1')('decoding throughput (GONGWEN_BENCH=1)', () => {
    const documents = [government, congress]
      .flatMap((path) => readFileSync(path, 'utf8').split('\n'))
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { content: string }).content);
    const text = documents.join('\n');
    const inputs = { 'utf-8': Buffer.from(text, 'utf8'), gb18030: encodeWithPython(text, 'gb18030') };
    // Document by document too: detection (chardet on 4 KiB) is paid per file.
    for (const name of ['utf-8', 'gb18030'] as const) {
      // One Python call for all: documents separated by NUL, which neither encoding produces inside a character.
      const files =
        name === 'utf-8'
          ? documents.map((document) => Buffer.from(document, 'utf8'))
          : splitOnNul(encodeWithPython(documents.join('\0'), name));
      const size = files.reduce((sum, file) => sum + file.length, 0);
      const runs: number[] = [];
      for (let run = 0; run < 5; run++) {
        const started = process.hrtime.bigint();
        for (const file of files) decode(file);
        runs.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      const ms = runs.sort((a, b) => a - b)[2]!;
      console.log(`decode ${name}, ${files.length} files: ${(size / 1e6).toFixed(2)} MB in ${ms.toFixed(1)} ms = ${(size / 1e6 / (ms / 1000)).toFixed(0)} MB/s`);
    }
    for (const [name, bytes] of Object.entries(inputs)) {
      expect(decode(bytes).text).toBe(text);
      const times: number[] = [];
      for (let run = 0; run < 7; run++) {
        const started = process.hrtime.bigint();
        decode(bytes);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      times.sort((a, b) => a - b);
      const median = times[3]!;
      console.log(`decode ${name}: ${(bytes.length / 1e6).toFixed(2)} MB in ${median.toFixed(1)} ms = ${(bytes.length / 1e6 / (median / 1000)).toFixed(0)} MB/s`);
    }
  });
});
