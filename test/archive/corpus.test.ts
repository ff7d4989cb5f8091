/**
 * The public JSON Lines archive in fixtures/archive/ (in the repository, not in
 * the package). Decoding throughput is measured in
 * bench/run.mjs, not here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/archive/inputs.js';
import type { DocumentSource } from '../../src/archive/inputs.js';

const corpus = (name: string): string => fileURLToPath(new URL(`../../fixtures/archive/${name}`, import.meta.url));
const government = corpus('government_work_reports.jsonl');
const congress = corpus('cpc_congress_reports.jsonl');

async function expand(inputs: string[]): Promise<DocumentSource[]> {
  const sources: DocumentSource[] = [];
  for await (const source of expandInputs(inputs)) sources.push(source);
  return sources;
}

describe('the JSON Lines corpus', () => {
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
});
