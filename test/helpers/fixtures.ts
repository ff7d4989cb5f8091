/** Fixture and archive access for tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Names of the fixture reports (`seed-000`, `gwr-2019`, …), sorted. */
export function fixtureNames(): string[] {
  return readdirSync(fixturesDir)
    .filter((file) => file.endsWith('.txt') && !file.endsWith('.outline.txt'))
    .map((file) => file.slice(0, -'.txt'.length))
    .sort();
}

export function readFixture(name: string): string {
  return readFileSync(`${fixturesDir}${name}.txt`, 'utf8');
}

/**
 * A seed report by its name in ../shared/seeds (`002_a41be418d54fa817.txt`): fixtures/ holds
 * the same bytes as `seed-002.txt`, so the tests need no ../shared for the seeds.
 */
export function readSeed(sharedName: string): string {
  return readFixture(`seed-${sharedName.slice(0, 3)}`);
}

export function readExpectedOutline(name: string): string {
  return readFileSync(`${fixturesDir}${name}.outline.txt`, 'utf8');
}

/** The national archive, kept in the repository (`fixtures/archive/`, provenance in its README). */
export const corporaDir = fileURLToPath(new URL('../../fixtures/archive/', import.meta.url));

export interface ArchiveRecord {
  file: string;
  line: number;
  title: string;
  year: number | null;
  content: string;
}

export function archiveRecords(): ArchiveRecord[] {
  const records: ArchiveRecord[] = [];
  for (const file of ['government_work_reports.jsonl', 'cpc_congress_reports.jsonl']) {
    readFileSync(`${corporaDir}${file}`, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        const record = JSON.parse(line) as { title: string; year?: number | string | null; content: string };
        // The archive writes years as strings ("2019").
        const year = record.year === undefined || record.year === null ? null : Number(record.year);
        records.push({ file, line: index + 1, title: record.title, year, content: record.content });
      });
  }
  return records;
}

/** The 政府工作报告 of one year from the archive. */
export function governmentReport(year: number): string {
  const record = archiveRecords().find((candidate) => candidate.file.startsWith('government') && candidate.year === year);
  if (!record) throw new Error(`no government work report for ${year} in the archive`);
  return record.content;
}
