/**
 * Corpora for tests, held in memory: documents from strings (analysis from
 * `analyzeJson`, metadata as given with year/docType/title filled from the
 * analysis when absent, as the corpus layer does), and the national archive of
 * fixtures/archive/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeJson } from '../../../src/analyze.js';
import type { Corpus, CorpusDocument } from '../../../src/corpus/types.js';

export interface MemoryRecord {
  id: string;
  text: string;
  metadata?: Record<string, unknown>;
}

export interface MemoryCorpus extends Corpus {
  records: readonly MemoryRecord[];
  /** How many times `documents()` was called: the number of passes an analysis made. */
  passes: number;
}

export function memoryCorpus(records: readonly MemoryRecord[]): MemoryCorpus {
  const documents: CorpusDocument[] = records.map((record) => {
    const analysis = analyzeJson(record.text);
    const metadata: Record<string, unknown> = { ...record.metadata };
    for (const key of ['year', 'docType', 'title'] as const) {
      if (metadata[key] === undefined || metadata[key] === null) metadata[key] = analysis[key];
    }
    return { id: record.id, metadata, analysis, text: async () => record.text };
  });
  const corpus: MemoryCorpus = {
    records,
    passes: 0,
    async *documents() {
      corpus.passes++;
      yield* documents;
    },
  };
  return corpus;
}

export const governmentReportsPath = fileURLToPath(new URL('../../../fixtures/archive/government_work_reports.jsonl', import.meta.url));

/** The records of government_work_reports.jsonl (ids `file#line`, as `gongwen extract` gives them). */
export function governmentRecords(): MemoryRecord[] {
  return readFileSync(governmentReportsPath, 'utf8')
    .split('\n')
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, index }) => {
      const { content, ...metadata } = JSON.parse(line) as { content: string } & Record<string, unknown>;
      return { id: `government_work_reports.jsonl#${index + 1}`, text: content, metadata };
    });
}

/** The text of the report of `year` (the records hold years as strings). */
export function reportOf(records: readonly MemoryRecord[], year: number): MemoryRecord {
  const record = records.find((candidate) => String(candidate.metadata?.year) === String(year));
  if (!record) throw new Error(`no report of ${year} in the archive`);
  return record;
}
