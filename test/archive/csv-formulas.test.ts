/**
 * CSV injection: a heading or a file name starting with `=`, `+`, `-` or `@`
 * landed as it was in headings.csv, the corpus tables and doc_id, where a
 * spreadsheet runs it as a formula. Now such a text cell starts with `'`
 * (OWASP), numbers stay numbers, and --raw-csv writes the cells as they are.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/corpus/output/csv.js';
import { runCli as run } from '../helpers/cli.js';

const REPORT = '一、=HYPERLINK("http://example.com","总体要求")\n二、@发展\n三、坚持-3.5%的目标\n';

describe('CSV cells a spreadsheet would run', () => {
  it('extract: headings.csv and doc_id get a leading \' where a formula would start; --raw-csv keeps them', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gongwen-csv-'));
    mkdirSync(join(folder, 'in'));
    writeFileSync(join(folder, 'in', '+cmd.txt'), REPORT);
    expect((await run(['extract', '+cmd.txt', '--out', join(folder, 'out')], { cwd: join(folder, 'in') })).code).toBe(0);
    const safe = readFileSync(join(folder, 'out', 'headings.csv'), 'utf8').split('\r\n');
    expect(safe[1]).toMatch(/^'\+cmd\.txt,1,一、,1,"'=HYPERLINK\(""http:\/\/example\.com"",""总体要求""\)",/);
    expect(safe[2]).toMatch(/^'\+cmd\.txt,1,二、,2,'@发展,/);
    expect(safe[3]).toMatch(/^'\+cmd\.txt,1,三、,3,坚持-3\.5%的目标,/); // not at the start: left alone
    expect((await run(['extract', '+cmd.txt', '--out', join(folder, 'raw'), '--raw-csv'], { cwd: join(folder, 'in') })).code).toBe(0);
    const raw = readFileSync(join(folder, 'raw', 'headings.csv'), 'utf8').split('\r\n');
    expect(raw[1]).toMatch(/^\+cmd\.txt,1,一、,1,"=HYPERLINK\(/);
    expect(raw[2]).toMatch(/^\+cmd\.txt,1,二、,2,@发展,/);
  });

  it('corpus tables: text cells made inert, numbers (also negative) left as numbers; raw on request', () => {
    const table = { columns: ['doc_id', 'text', 'change'] as Array<'doc_id' | 'text' | 'change'>, rows: [{ doc_id: '-x.txt', text: '=1+2', change: -3.5 }, { doc_id: 'a.txt', text: '\t=cmd', change: 2 }] };
    expect(tableToCsv(table)).toBe(`doc_id,text,change\n'-x.txt,'=1+2,-3.5\na.txt,'\t=cmd,2\n`);
    expect(tableToCsv(table, { raw: true })).toBe(`doc_id,text,change\n-x.txt,=1+2,-3.5\na.txt,\t=cmd,2\n`);
  });
});
