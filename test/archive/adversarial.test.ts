/**
 * The patterns of src/archive/formats.ts that recheck found super-linear, on their attack
 * strings (regex-safety.test.ts): each call runs in a worker thread with a time limit, as in
 * adversarial.test.ts, so a regression fails here instead of hanging the suite. Limits are
 * hang guards, ≥ 10× what was measured alone; each but the positive cases fails on the old
 * patterns (the times they took are in the names).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisWorker } from '../helpers/analysis-in-worker.js';
import type { Extracted, PdfLine } from '../../src/archive/formats.js';

const worker = new AnalysisWorker();
afterAll(() => worker.close());

/** recheck's attack on the HTML sniff: 52 comments with `<HTML` inside, no tag after them (~700 characters, in the 2 KB head). */
const COMMENTS = `<!---->${'\t<!--\t><HTML\t-->\t<!--\t><HTML\t-->'.repeat(26)}`;

describe('html sniffing (looksLikeHtml)', () => {
  it('a run of comments and no tag is not HTML (was exponential: over 2 minutes)', async () => {
    // Measured: < 1 ms.
    const { value } = await worker.formats<boolean>('looksLikeHtml', [`${COMMENTS}\t><BODY\t`], 5_000);
    expect(value).toBe(false);
  });

  it('the same comments before <html>: a page, extracted as one', async () => {
    const bytes = new TextEncoder().encode(`${COMMENTS}\n<html><head><meta charset="utf-8"></head><body><p>一、总体情况</p></body></html>`);
    const { value } = await worker.formats<Extracted>('extractText', [bytes], 10_000);
    expect(value).toMatchObject({ format: 'html', text: '一、总体情况' });
  });
});

describe('html text', () => {
  it('a <pre> line with 200,000 spaces inside keeps them (was quadratic: 4 s for 100,000)', async () => {
    // Measured: 20 ms.
    const { value } = await worker.formats<string>('htmlToText', [`<pre>甲${' '.repeat(200_000)}乙  </pre>`], 5_000);
    expect(value).toBe(`甲${' '.repeat(200_000)}乙`);
  });
});

describe('docx styles (numberedStyleIds)', () => {
  it('50,000 `<w:style` without a `>` (was quadratic: 1 s for 17,000)', async () => {
    // Measured: < 1 ms.
    const { value } = await worker.formats<Set<string>>('numberedStyleIds', [`0${'<w:style\u0000w'.repeat(50_000)}`], 3_000);
    expect(value).toEqual(new Set());
  });
});

describe('pdf page numbers (joinPdfLines)', () => {
  const line = (text: string): PdfLine => ({ text, left: 0, right: 100, y: 0, fontSize: 10 });

  it('a first line of 200,000 tabs between 第0页 and 页 is not a page number (was quadratic: 1.5 s for 55,000)', async () => {
    // Measured: 2 ms.
    const text = `第0页${'\t'.repeat(200_000)}页`;
    const { value } = await worker.formats<string>('joinPdfLines', [[[line(text), line('正文。')]]], 3_000);
    expect(value.startsWith('第0页\t')).toBe(true);
  });

  it('`第3页 ，共10页` at the top of a page is still dropped', async () => {
    const { value } = await worker.formats<string>('joinPdfLines', [[[line('第3页 ，共10页'), line('正文。')]]], 3_000);
    expect(value).toBe('正文。');
  });
});
