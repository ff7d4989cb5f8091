import { spawn } from 'node:child_process';
import { appendFile, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExtractWriter, OUTPUT_FILES, parseSerializedAnalysis, serializeAnalysis } from '../../src/archive/output.js';
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
    slogans: [{ text: '两个维护', canonical: '两个维护', count: 2, quoted: true, known: true, numbered: true, offset: 25, length: 4, english: 'Two Upholds' }],
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

/** What a driver does with a writer: carry what is done (without analysing it again), write the rest. */
async function writeAll(writer: ExtractWriter, documents: DocumentRecord[]): Promise<void> {
  for (const document of documents) {
    if (writer.isDone(document.hash, document.id)) await writer.carry(document.id);
    else await writer.writeDocument(document);
  }
}

describe('ExtractWriter', () => {
  it('writes documents.jsonl, errors.jsonl and the four CSV tables, published at close', async () => {
    const writer = await ExtractWriter.open(out);
    await writer.writeDocument(documentRecord(1, true));
    await writer.writeError({ id: 'bad.docx', source: 'bad.docx', error: new GongwenError('FORMAT', 'corrupt .docx: end of central directory not found') });
    await writer.writeDocument({ ...documentRecord(2), tree: { type: 'RootNode' } } as DocumentRecord);
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
      ['doc_id', 'text', 'canonical', 'count', 'quoted', 'known', 'offset', 'english'],
      ['reports/01.txt', '两个维护', '两个维护', '2', 'true', 'true', '25', 'Two Upholds'],
      ['reports/02.txt', '两个维护', '两个维护', '2', 'true', 'true', '25', 'Two Upholds'],
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

  it('resumes a run killed before its first document (its checkpoint says 0 bytes), again and again', async () => {
    // What a kill -9 in the first half second leaves: empty .partial files and a checkpoint of zeros.
    const run1 = await ExtractWriter.open(out);
    await run1.abort();
    for (let attempt = 0; attempt < 2; attempt++) {
      const again = await ExtractWriter.open(out, { resume: true });
      expect(again.resumed).toBe(0);
      await again.abort();
    }
    const run3 = await ExtractWriter.open(out, { resume: true });
    await writeAll(run3, [documentRecord(1, false)]);
    await run3.close();
    expect((await read('documents.jsonl')).split('\n').filter(Boolean)).toHaveLength(1);
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

    const again = await ExtractWriter.open(out, { resume: true });
    await writeAll(again, [documentRecord(1), documentRecord(2)]);
    await again.abort();
    // Replay the end of a close(): the commit line was written and only the first file, errors.jsonl, was renamed.
    const checkpoint = join(out, 'extract.checkpoint');
    const sizes = JSON.parse((await readFile(checkpoint, 'utf8')).trim().split('\n').pop()!) as Record<string, number>;
    await appendFile(checkpoint, `${JSON.stringify({ ...sizes, commit: true })}\n`);
    await rename(join(out, 'errors.jsonl.partial'), join(out, 'errors.jsonl'));

    // The next open finishes that publish before anything else.
    const next = await ExtractWriter.open(out, { resume: true });
    expect(next.resumed).toBe(2);
    expect((await jsonl('documents.jsonl')).map((document) => document.id)).toEqual(['reports/01.txt', 'reports/02.txt']);
    expect((await csvTable('headings.csv')).length).toBe(1 + 4);
    expect(published).not.toEqual(await Promise.all(OUTPUT_FILES.map(read)));
    await next.abort();
  });

  it('refuses to resume from a documents.jsonl that is not JSON Lines', async () => {
    const writer = await ExtractWriter.open(out);
    await writer.close();
    await writeFile(join(out, 'documents.jsonl'), 'not json\n');
    await expect(ExtractWriter.open(out, { resume: true })).rejects.toThrow(/cannot resume: line 1/);
    expect(await readdir(out)).not.toContain('extract.lock'); // released on the way out
  });

  it('rejects writes after close', async () => {
    const writer = await ExtractWriter.open(out);
    await writer.close();
    await expect(writer.writeDocument(documentRecord(1))).rejects.toThrow('closed');
  });
});

/** A pid that existed and is gone: a child process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('serializeAnalysis', () => {
  it('gives the same bytes for every size: small analyses through the reused buffer, a huge one (over 8 MB of UTF-8) measured apart', () => {
    const small = documentRecord(3, true);
    // ~3 million characters of heading text: its analysis is over the reused buffer's limit.
    const huge = { ...documentRecord(4), headings: [{ ...documentRecord(4).headings[0]!, text: '一'.repeat(3_000_000) }] };
    for (const record of [small, huge, small]) {
      const { bytes, jsonLength, rowLengths } = serializeAnalysis(record.id, record);
      expect(parseSerializedAnalysis({ bytes, jsonLength, rowLengths }).headings).toEqual(record.headings);
      const text = Buffer.from(bytes).toString('utf8');
      // The JSON, then each table's rows, in order, lengths in bytes.
      const json = Buffer.from(bytes.subarray(0, jsonLength)).toString('utf8');
      expect(text.startsWith(json)).toBe(true);
      const headings = Buffer.from(bytes.subarray(jsonLength, jsonLength + rowLengths['headings.csv'])).toString('utf8');
      expect(parseCsv(headings).map((row) => row[4])).toEqual(record.headings.map((heading) => heading.text));
      expect(bytes.length).toBe(jsonLength + Object.values(rowLengths).reduce((sum, length) => sum + length, 0));
    }
  });
});

describe('ExtractWriter: one run at a time', () => {
  it('refuses a second writer on a folder another one holds, naming the holder; free again after close', async () => {
    const first = await ExtractWriter.open(out);
    const refused = await ExtractWriter.open(out, { resume: true }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GongwenError);
    expect((refused as GongwenError).code).toBe('OUTPUT');
    expect((refused as GongwenError).message).toBe(
      `${out} is in use by another gongwen extract (pid ${process.pid}, since ${JSON.parse(await read('extract.lock')).startedAt}); ` +
        `wait for it to finish, or remove ${join(out, 'extract.lock')} if that process is gone`,
    );
    // The refused writer touched nothing of the first one's.
    await writeAll(first, [documentRecord(1)]);
    await first.close();
    expect((await jsonl('documents.jsonl')).map((document) => document.id)).toEqual(['reports/01.txt']);
    expect(await readdir(out)).not.toContain('extract.lock');

    const next = await ExtractWriter.open(out);
    await next.abort();
    expect(await readdir(out)).not.toContain('extract.lock');
  });

  it('takes over the lock of a process that died, never that of another host', async () => {
    await mkdir(out);
    const pid = await deadPid();
    await writeFile(join(out, 'extract.lock'), JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }));
    // What a process killed while taking or breaking a lock leaves: removed once the lock is taken.
    await writeFile(join(out, `extract.lock.${pid}.0a1b2c.tmp`), '{}');
    await writeFile(join(out, `extract.lock.stale.${pid}.0a1b2c`), '{}');
    const writer = await ExtractWriter.open(out);
    expect(JSON.parse(await read('extract.lock'))).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect((await readdir(out)).filter((name) => name.startsWith('extract.lock'))).toEqual(['extract.lock']);
    await writer.abort();

    await writeFile(join(out, 'extract.lock'), JSON.stringify({ pid, hostname: 'elsewhere.example', startedAt: '2026-01-01T00:00:00.000Z' }));
    await expect(ExtractWriter.open(out)).rejects.toThrow(`(pid ${pid} on elsewhere.example, since 2026-01-01T00:00:00.000Z)`);
    await writeFile(join(out, 'extract.lock'), 'garbage');
    await expect(ExtractWriter.open(out)).rejects.toThrow('is not a gongwen lock');
  });

  it('lets exactly one of two runs breaking the same stale lock at once have the folder', async () => {
    await mkdir(out);
    await writeFile(join(out, 'extract.lock'), JSON.stringify({ pid: await deadPid(), hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }));
    const [a, b] = await Promise.allSettled([ExtractWriter.open(out), ExtractWriter.open(out)]);
    const winners = [a, b].filter((outcome) => outcome.status === 'fulfilled');
    const losers = [a, b].filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers.map((outcome) => (outcome.reason as GongwenError).code)).toEqual(['OUTPUT']);
    await (winners[0] as PromiseFulfilledResult<ExtractWriter>).value.abort();
    expect((await readdir(out)).filter((name) => name.startsWith('extract.lock'))).toEqual([]);
  });
});

describe('ExtractWriter: an output folder that cannot be used', () => {
  it('--out naming a file: a clear OUTPUT error, nothing written', async () => {
    await writeFile(out, 'a report, not a folder');
    const failure = await ExtractWriter.open(out).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GongwenError);
    expect(failure).toMatchObject({ code: 'OUTPUT' });
    expect((failure as GongwenError).message).toMatch(new RegExp(`^cannot create the output folder ${out}: `));
    expect(await readFile(out, 'utf8')).toBe('a report, not a folder');
  });
});

describe('ExtractWriter: publishing all or nothing', () => {
  it('a folder where an output goes: the real error, the previous outputs untouched, this run kept for --resume', async () => {
    const first = await ExtractWriter.open(out);
    await writeAll(first, [documentRecord(1)]);
    await first.close();
    const before = await Promise.all(OUTPUT_FILES.map(async (file) => (file === 'headings.csv' ? '' : read(file))));

    await rm(join(out, 'headings.csv'));
    await mkdir(join(out, 'headings.csv'));
    await writeFile(join(out, 'headings.csv', 'notes.txt'), 'a folder in the way');
    const second = await ExtractWriter.open(out, { resume: true });
    await writeAll(second, [documentRecord(1), documentRecord(2)]);
    const failure = await second.close().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GongwenError);
    expect((failure as GongwenError).message).toMatch(/^cannot publish .*headings\.csv: it is a folder; move it away, then run again with --resume/);
    await second.abort(); // what a caller's error path does: no second error
    expect(await Promise.all(OUTPUT_FILES.map(async (file) => (file === 'headings.csv' ? '' : read(file))))).toEqual(before);
    expect(await readdir(out)).not.toContain('extract.lock');

    await rm(join(out, 'headings.csv'), { recursive: true });
    const third = await ExtractWriter.open(out, { resume: true });
    expect([third.isDone(documentRecord(1).hash, 'reports/01.txt'), third.isDone(documentRecord(2).hash, 'reports/02.txt')]).toEqual([true, true]);
    await writeAll(third, [documentRecord(1), documentRecord(2)]);
    await third.close();
    expect((await jsonl('documents.jsonl')).map((document) => document.id)).toEqual(['reports/01.txt', 'reports/02.txt']);
    expect(await csvTable('headings.csv')).toHaveLength(1 + 4);
  });
});

describe('ExtractWriter: --resume keeps one record per id, the newest', () => {
  const changed = (n: number): DocumentRecord => {
    const document = documentRecord(n);
    return { ...document, hash: contentHash(`第${n}篇报告，修订稿`), title: `第${n}篇报告，修订稿`, headings: document.headings.slice(0, 1) };
  };

  it('replaces a changed input, drops a deleted or now failing one, carries the rest in input order, and says so', async () => {
    const first = await ExtractWriter.open(out);
    await writeAll(first, [1, 2, 3, 4].map((n) => documentRecord(n)));
    await first.close();

    const second = await ExtractWriter.open(out, { resume: true });
    expect(second.resumed).toBe(4);
    await writeAll(second, [documentRecord(5), changed(2), documentRecord(1)]); // 3 deleted
    await second.writeError({ id: 'reports/04.txt', source: 'reports/04.txt', error: new GongwenError('DECODE', 'not UTF-8 any more') });
    await second.close();

    const documents = await jsonl('documents.jsonl');
    expect(documents.map((document) => [document.id, document.hash])).toEqual([
      ['reports/05.txt', documentRecord(5).hash],
      ['reports/02.txt', changed(2).hash],
      ['reports/01.txt', documentRecord(1).hash],
    ]);
    expect((await csvTable('headings.csv')).map((row) => row[0])).toEqual(['doc_id', 'reports/05.txt', 'reports/05.txt', 'reports/02.txt', 'reports/01.txt', 'reports/01.txt']);
    expect(second.summary).toEqual({
      carried: 1,
      replaced: ['reports/02.txt'],
      dropped: [
        { id: 'reports/03.txt', reason: 'gone' },
        { id: 'reports/04.txt', reason: 'failed' },
      ],
    });
  });

  it('repairs a documents.jsonl that repeats an id (two unlocked runs did that): the last line wins, one record per id', async () => {
    const first = await ExtractWriter.open(out);
    await writeAll(first, [documentRecord(1), documentRecord(2)]);
    await first.close();
    const revised = changed(1);
    const duplicate = (await read('documents.jsonl')).split('\n')[0]!.replace(documentRecord(1).hash, revised.hash);
    await appendFile(join(out, 'documents.jsonl'), `${duplicate}\n`);

    const second = await ExtractWriter.open(out, { resume: true });
    expect(second.resumed).toBe(2);
    expect([second.isDone(revised.hash, revised.id), second.isDone(documentRecord(1).hash, revised.id)]).toEqual([true, false]);
    await writeAll(second, [revised, documentRecord(2)]);
    await second.close();
    expect((await jsonl('documents.jsonl')).map((document) => [document.id, document.hash])).toEqual([
      ['reports/01.txt', revised.hash],
      ['reports/02.txt', documentRecord(2).hash],
    ]);
  });

  it('a resumed run that is killed resumes again with everything it could carry, as a fresh run would write it', async () => {
    const final = [documentRecord(1), changed(2), documentRecord(3)];
    const reference = join(temp.dir, 'reference');
    const clean = await ExtractWriter.open(reference);
    await writeAll(clean, final);
    await clean.close();

    const first = await ExtractWriter.open(out);
    await writeAll(first, [1, 2, 3].map((n) => documentRecord(n)));
    await first.close();
    const second = await ExtractWriter.open(out, { resume: true });
    await writeAll(second, final.slice(0, 2));
    await second.abort(); // killed: document 3 is still only in the carried file

    const third = await ExtractWriter.open(out, { resume: true });
    expect(final.map((document) => third.isDone(document.hash, document.id))).toEqual([true, true, true]);
    expect(third.isDone(documentRecord(2).hash, 'reports/02.txt')).toBe(false); // the older content of 2 is gone
    await writeAll(third, final);
    await third.close();
    expect(third.summary).toEqual({ carried: 3, replaced: [], dropped: [] });
    for (const file of OUTPUT_FILES) expect(await read(file), file).toBe(await readFile(join(reference, file), 'utf8'));
    expect((await readdir(out)).sort()).toEqual([...OUTPUT_FILES].sort());
  });
});
