import { appendFile, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExtractWriter, OUTPUT_FILES } from '../../src/archive/output.js';
import type { DocumentRecord } from '../../src/archive/output.js';
import { contentHash } from '../../src/archive/hash.js';
import { GongwenError } from '../../src/diagnostics.js';
import type { MetricRecord } from '../../src/extract/types.js';
import { makeTempDir } from '../helpers/archive-files.js';

/** RFC 4180, enough to read our own output back (csv-parse is not a dependency): quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (character === '"') {
        quoted = false;
      } else {
        field += character;
      }
    } else if (character === '"') {
      quoted = true;
    } else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += character;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

function metric(overrides: Partial<MetricRecord> = {}): MetricRecord {
  return {
    raw: '7次',
    number: '7',
    value: 7,
    valueHigh: null,
    unit: '次',
    unitKind: 'count',
    qualifier: null,
    comparison: null,
    predicate: '召开',
    subject: '区委常委会会议',
    stance: 'actual',
    indicator: null,
    placeholder: false,
    offset: 40,
    sentence: { start: 30, end: 60 },
    ...overrides,
  };
}

/** A document as the lead's pipeline will hand it over; `tricky` puts a comma, a quote and a newline in a heading. */
function documentRecord(n: number, tricky = false): DocumentRecord {
  const text = `第${n}篇报告`;
  return {
    id: `reports/${String(n).padStart(2, '0')}.txt`,
    source: `reports/${String(n).padStart(2, '0')}.txt`,
    format: 'text',
    encoding: 'gb18030',
    hash: contentHash(text),
    metadata: { year: 2000 + n, title: text },
    title: text,
    year: 2000 + n,
    docType: '工作报告',
    headings: [
      { depth: 1, marker: '一、', style: 'cjk', ordinal: 1, text: tricky ? '总体情况, "两个维护"\n及其他' : '总体情况', role: 'achievements', offset: 10 },
      { depth: 2, marker: '（一）', style: 'paren-cjk', ordinal: 1, text: '政治建设', role: 'other', offset: 20 },
    ],
    enumerations: [],
    slogans: [{ text: '两个维护', canonical: '两个维护', count: 2, quoted: true, known: true, offset: 25, length: 4 }],
    placeholders: n % 2 === 0 ? [{ raw: 'xx', kind: 'number', offset: 33 }] : [],
    placeholderCounts: { total: n % 2 === 0 ? 1 : 0, number: n % 2 === 0 ? 1 : 0, year: 0, name: 0 },
    metrics: [metric({ offset: 40 + n }), metric({ raw: '6%－6.5%', number: '6', value: 6, valueHigh: 6.5, unit: '%', unitKind: 'percent', qualifier: '约', stance: 'target', indicator: 'gdp-growth' })],
    targets: [],
    outcomes: [],
    warnings: [],
  };
}

let temp: { dir: string; remove(): Promise<void> };
let out: string;

beforeEach(async () => {
  temp = await makeTempDir();
  out = join(temp.dir, 'out');
});
afterEach(async () => {
  await temp.remove();
});

const read = (file: string): Promise<string> => readFile(join(out, file), 'utf8');
const jsonl = async (file: string): Promise<Record<string, unknown>[]> =>
  (await read(file))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const csvTable = async (file: string): Promise<string[][]> => {
  const text = await read(file);
  expect(text.startsWith('\ufeff')).toBe(true);
  return parseCsv(text.slice(1));
};

/** What a driver does with a writer: skip what is done, write the rest. */
async function writeAll(writer: ExtractWriter, documents: DocumentRecord[]): Promise<void> {
  for (const document of documents) {
    if (writer.isDone(document.hash, document.id)) continue;
    await writer.writeDocument(document);
  }
}

describe('ExtractWriter', () => {
  it('writes documents.jsonl, errors.jsonl and the four CSV tables, published at close', async () => {
    const writer = await ExtractWriter.open(out);
    await writer.writeDocument(documentRecord(1, true));
    await writer.writeError({ id: 'bad.docx', source: 'bad.docx', error: new GongwenError('FORMAT', 'corrupt .docx: end of central directory not found') });
    await writer.writeDocument({ ...documentRecord(2), tree: { type: 'Root' } } as DocumentRecord);
    await writer.writeError({ id: 'x', source: 'x', error: 'a string' });
    expect(await readdir(out)).not.toContain('documents.jsonl'); // not before close
    await writer.close();

    expect((await readdir(out)).sort()).toEqual([...OUTPUT_FILES].sort());
    const documents = await jsonl('documents.jsonl');
    expect(documents.map((document) => document.id)).toEqual(['reports/01.txt', 'reports/02.txt']);
    expect(Object.keys(documents[0]!)).toEqual([
      'id', 'source', 'format', 'encoding', 'hash', 'metadata',
      'title', 'year', 'docType', 'headings', 'enumerations', 'slogans', 'placeholders', 'placeholderCounts', 'metrics', 'targets', 'outcomes', 'warnings',
    ]);
    expect(documents[1]).not.toHaveProperty('tree'); // exactly the AnalysisJson fields
    expect(documents[0]).toMatchObject({ encoding: 'gb18030', metadata: { year: 2001, title: '第1篇报告' }, hash: contentHash('第1篇报告') });

    expect(await jsonl('errors.jsonl')).toEqual([
      { id: 'bad.docx', source: 'bad.docx', error: { code: 'FORMAT', message: 'corrupt .docx: end of central directory not found' } },
      { id: 'x', source: 'x', error: { code: 'ERROR', message: 'a string' } },
    ]);

    expect(await csvTable('headings.csv')).toEqual([
      ['doc_id', 'depth', 'marker', 'ordinal', 'text', 'role', 'offset'],
      ['reports/01.txt', '1', '一、', '1', '总体情况, "两个维护"\n及其他', 'achievements', '10'],
      ['reports/01.txt', '2', '（一）', '1', '政治建设', 'other', '20'],
      ['reports/02.txt', '1', '一、', '1', '总体情况', 'achievements', '10'],
      ['reports/02.txt', '2', '（一）', '1', '政治建设', 'other', '20'],
    ]);
    expect(await csvTable('slogans.csv')).toEqual([
      ['doc_id', 'text', 'canonical', 'count', 'quoted', 'known', 'offset'],
      ['reports/01.txt', '两个维护', '两个维护', '2', 'true', 'true', '25'],
      ['reports/02.txt', '两个维护', '两个维护', '2', 'true', 'true', '25'],
    ]);
    expect(await csvTable('placeholders.csv')).toEqual([
      ['doc_id', 'raw', 'kind', 'offset'],
      ['reports/02.txt', 'xx', 'number', '33'],
    ]);
    const metrics = await csvTable('metrics.csv');
    expect(metrics[0]).toEqual([
      'doc_id', 'raw', 'number', 'value', 'value_high', 'unit', 'unit_kind', 'qualifier', 'comparison', 'predicate', 'subject',
      'stance', 'indicator', 'placeholder', 'offset', 'sentence_start', 'sentence_end',
    ]);
    expect(metrics[1]).toEqual(['reports/01.txt', '7次', '7', '7', '', '次', 'count', '', '', '召开', '区委常委会会议', 'actual', '', 'false', '41', '30', '60']);
    expect(metrics[2]).toEqual(['reports/01.txt', '6%－6.5%', '6', '6', '6.5', '%', 'percent', '约', '', '召开', '区委常委会会议', 'target', 'gdp-growth', 'false', '40', '30', '60']);
    expect(metrics).toHaveLength(5);
  });

  it('quotes by RFC 4180: comma, quote and newline, with CRLF between records', async () => {
    const writer = await ExtractWriter.open(out);
    await writer.writeDocument(documentRecord(1, true));
    await writer.close();
    const raw = await read('headings.csv');
    expect(raw).toBe(
      '\ufeffdoc_id,depth,marker,ordinal,text,role,offset\r\n' +
        'reports/01.txt,1,一、,1,"总体情况, ""两个维护""\n及其他",achievements,10\r\n' +
        'reports/01.txt,2,（一）,1,政治建设,other,20\r\n',
    );
  });

  it('quotes a lone CR too, and leaves an empty text unquoted', async () => {
    const writer = await ExtractWriter.open(out);
    const document = documentRecord(1);
    document.headings = [{ ...document.headings[0]!, text: '甲\r乙', marker: '' }];
    await writer.writeDocument(document);
    await writer.close();
    expect((await read('headings.csv')).split('\r\n')[1]).toBe('reports/01.txt,1,,1,"甲\r乙",achievements,10');
  });

  it('leaves the previous outputs intact when a run dies before close', async () => {
    const first = await ExtractWriter.open(out);
    await writeAll(first, [documentRecord(1), documentRecord(2)]);
    await first.close();
    const before = await Promise.all(OUTPUT_FILES.map(read));

    const second = await ExtractWriter.open(out);
    await writeAll(second, [documentRecord(3)]);
    await second.abort(); // the process dies here
    expect(await Promise.all(OUTPUT_FILES.map(read))).toEqual(before);
    expect(await readdir(out)).toContain('documents.jsonl.partial');
  });

  it('resumes an interrupted run, even one killed in the middle of a document: no duplicate, no loss', async () => {
    const all = Array.from({ length: 8 }, (_, i) => documentRecord(i + 1, i === 2));

    // The complete, uninterrupted run, for reference.
    const reference = join(temp.dir, 'reference');
    const clean = await ExtractWriter.open(reference);
    await writeAll(clean, all);
    await clean.close();

    // Run 1 writes four documents and an error, then dies while writing the fifth:
    // part of its rows reached two files, its documents.jsonl line and its checkpoint line did not.
    const run1 = await ExtractWriter.open(out);
    await writeAll(run1, all.slice(0, 4));
    await run1.writeError({ id: 'bad.docx', source: 'bad.docx', error: new GongwenError('FORMAT', 'corrupt') });
    await run1.abort();
    await appendFile(join(out, 'headings.csv.partial'), 'reports/05.txt,1,一、,1,"总体情况, ""两个');
    await appendFile(join(out, 'metrics.csv.partial'), 'reports/05.txt,7次,7,7,,次,count,,,召开,区委常委会会议,actual,false,45,30,60\r\n');
    await appendFile(join(out, 'extract.checkpoint'), '{"documents.jsonl":99');

    // Run 2: --resume.
    const run2 = await ExtractWriter.open(out, { resume: true });
    expect(run2.resumed).toBe(4);
    expect(all.map((document) => run2.isDone(document.hash, document.id))).toEqual([true, true, true, true, false, false, false, false]);
    expect(run2.isDone(all[0]!.hash)).toBe(true);
    expect(run2.isDone(all[0]!.hash, 'elsewhere.txt')).toBe(false); // the same text under another path is another document
    await writeAll(run2, all);
    await run2.writeError({ id: 'bad.docx', source: 'bad.docx', error: new GongwenError('FORMAT', 'corrupt') });
    await run2.close();

    for (const file of OUTPUT_FILES) {
      expect(await read(file), file).toBe(
        file === 'errors.jsonl'
          ? `${JSON.stringify({ id: 'bad.docx', source: 'bad.docx', error: { code: 'FORMAT', message: 'corrupt' } })}\n`
          : await readFile(join(reference, file), 'utf8'),
      );
    }
    expect(await readdir(out)).toEqual(expect.not.arrayContaining(['extract.checkpoint', 'documents.jsonl.partial']));
  });

  it('resumes after a complete run: carries the rows forward and appends the new documents', async () => {
    const all = Array.from({ length: 5 }, (_, i) => documentRecord(i + 1));
    const first = await ExtractWriter.open(out);
    await writeAll(first, all.slice(0, 3));
    await first.close();

    const second = await ExtractWriter.open(out, { resume: true });
    expect(second.resumed).toBe(3);
    await writeAll(second, all);
    await second.close();

    expect((await jsonl('documents.jsonl')).map((document) => document.id)).toEqual(all.map((document) => document.id));
    const headings = await csvTable('headings.csv');
    expect(headings.filter((row) => row[0] === 'doc_id')).toHaveLength(1); // one header
    expect(headings).toHaveLength(1 + 2 * 5);
  });

  it('starts afresh without --resume, discarding the leftovers of an interrupted run', async () => {
    const interrupted = await ExtractWriter.open(out);
    await writeAll(interrupted, [documentRecord(1), documentRecord(2)]);
    await interrupted.abort();

    const fresh = await ExtractWriter.open(out);
    expect(fresh.resumed).toBe(0);
    expect(fresh.isDone(documentRecord(1).hash)).toBe(false);
    await writeAll(fresh, [documentRecord(3)]);
    await fresh.close();
    expect((await jsonl('documents.jsonl')).map((document) => document.id)).toEqual(['reports/03.txt']);
  });

  it('finishes a close that died between its renames', async () => {
    const writer = await ExtractWriter.open(out);
    await writeAll(writer, [documentRecord(1)]);
    await writer.close();
    const published = await Promise.all(OUTPUT_FILES.map(read));

    // Replay the end of a close(): the commit line was written and only documents.jsonl was renamed.
    const again = await ExtractWriter.open(out, { resume: true });
    await writeAll(again, [documentRecord(1), documentRecord(2)]);
    await again.abort();
    const checkpoint = join(out, 'extract.checkpoint');
    const sizes = JSON.parse((await readFile(checkpoint, 'utf8')).trim().split('\n').pop()!) as Record<string, number>;
    await appendFile(checkpoint, `${JSON.stringify({ ...sizes, commit: true })}\n`);
    await rename(join(out, 'documents.jsonl.partial'), join(out, 'documents.jsonl'));

    const next = await ExtractWriter.open(out, { resume: true });
    expect(next.resumed).toBe(2);
    await next.close();
    expect((await jsonl('documents.jsonl')).map((document) => document.id)).toEqual(['reports/01.txt', 'reports/02.txt']);
    expect((await csvTable('headings.csv')).length).toBe(1 + 4);
    expect(published).not.toEqual(await Promise.all(OUTPUT_FILES.map(read)));
  });

  it('refuses to resume from a documents.jsonl that is not JSON Lines', async () => {
    const writer = await ExtractWriter.open(out);
    await writer.close();
    await writeFile(join(out, 'documents.jsonl'), 'not json\n');
    await expect(ExtractWriter.open(out, { resume: true })).rejects.toThrow(/cannot resume: line 1/);
  });

  it('rejects writes after close', async () => {
    const writer = await ExtractWriter.open(out);
    await writer.close();
    await expect(writer.writeDocument(documentRecord(1))).rejects.toThrow('closed');
  });
});
