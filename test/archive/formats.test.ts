import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { extractText, htmlToText, joinPdfLines, numberedStyleIds } from '../../src/archive/formats.js';
import type { PdfLine } from '../../src/archive/formats.js';
import { encodeWithPython, makeCjkPdf, makeDocx, makeZip } from '../helpers/archive-files.js';
import type { PdfTextLine } from '../helpers/archive-files.js';
import { rejectedGongwenError as formatError } from '../helpers/errors.js';

const WORD_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** The smallest .docx mammoth reads: a document and its styles. */
function wordZip(body: string, styles: string): Buffer {
  const relationships = (target: string, type: string) =>
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/></Relationships>`;
  return makeZip({
    '[Content_Types].xml':
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    '_rels/.rels': relationships('word/document.xml', 'officeDocument'),
    'word/_rels/document.xml.rels': relationships('styles.xml', 'styles'),
    'word/document.xml': `<w:document ${WORD_NS}><w:body>${body}</w:body></w:document>`,
    'word/styles.xml': styles,
  });
}


describe('docx', () => {
  it('extracts one paragraph per line, markers typed in the text kept', async () => {
    const bytes = await makeDocx([
      { text: '2021年工作报告' },
      { text: '市委：' },
      { text: '一、总体情况' },
      { text: '今年以来，全区上下坚决做到“两个维护”。', bold: true },
      { text: '' },
      { text: '（一）政治建设情况。' },
    ]);
    const result = await extractText(bytes, { name: 'report.docx' });
    expect(result).toEqual({
      text: '2021年工作报告\n市委：\n一、总体情况\n今年以来，全区上下坚决做到“两个维护”。\n（一）政治建设情况。',
      format: 'docx',
      warnings: [],
    });
  });

  it('warns when Word numbering produced markers that mammoth drops', async () => {
    const bytes = await makeDocx([{ text: '报告' }, { text: '总体情况', numbered: true }, { text: '存在问题', numbered: true }, { text: '正文。' }]);
    const result = await extractText(bytes);
    expect(result.text).toBe('报告\n总体情况\n存在问题\n正文。');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ rule: 'docx-numbering-lost', offset: 0, source: 'gongwen' });
    expect(result.warnings[0]!.message).toMatch(/^2 paragraphs use Word's automatic numbering/);
  });

  it('is detected by content whatever the extension', async () => {
    const bytes = await makeDocx([{ text: '一、总体情况' }]);
    expect((await extractText(bytes, { name: 'download.txt' })).format).toBe('docx');
    expect((await extractText(bytes)).format).toBe('docx');
  });

  it('reports a truncated docx as FORMAT with the reason', async () => {
    const bytes = await makeDocx([{ text: '一、总体情况' }, { text: '正文。' }]);
    const error = await formatError(extractText(bytes.subarray(0, Math.floor(bytes.length / 2)), { name: 'broken.docx' }));
    expect(error.code).toBe('FORMAT');
    expect(error.message).toBe('corrupt .docx: end of central directory not found (truncated file?)');
  });

  it('reports a docx whose document.xml is damaged as FORMAT', async () => {
    const bytes = makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document><w:body><w:p>' });
    const error = await formatError(extractText(bytes));
    expect(error.code).toBe('FORMAT');
    expect(error.message).toMatch(/^corrupt \.docx: /);
  });

  it('names zips that are not Word documents', async () => {
    const error = await formatError(extractText(makeZip({ 'xl/workbook.xml': '<workbook/>' }), { name: 'table.docx' }));
    expect(error.message).toBe('zip archive without word/document.xml: an Excel workbook, not a Word document');
  });

  it('reads which paragraph styles number, a self-closing <w:style/> being one without numbering', async () => {
    // The old scan ran from a self-closing style to the next `</w:style>`, and took `Plain` for numbered.
    const styles =
      `<w:styles ${WORD_NS}>` +
      '<w:style w:type="paragraph" w:styleId="Plain"/>' +
      '<w:style w:type="paragraph" w:styleId="Numbered"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Body"><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>' +
      '</w:styles>';
    const paragraph = (style: string, text: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const bytes = wordZip(paragraph('Plain', '报告') + paragraph('Numbered', '总体情况') + paragraph('Body', '正文。'), styles);
    const result = await extractText(bytes);
    expect(result.text).toBe('报告\n总体情况\n正文。');
    expect(result.warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/^1 paragraph uses Word's automatic numbering/)]);
    expect(numberedStyleIds(styles)).toEqual(new Set(['Numbered']));
  });

  it('scans styles in linear time: 40,000 self-closing <w:style/> in an 8 KB docx', async () => {
    // The old lazy regex ran to the end of the file from each of them: 6–22 s here, 36 s on a busy machine.
    const styles = `<w:styles ${WORD_NS}>${'<w:style w:type="paragraph" w:styleId="Plain"/>'.repeat(40_000)}</w:styles>`;
    let started = performance.now();
    expect(numberedStyleIds(styles)).toEqual(new Set());
    expect(performance.now() - started).toBeLessThan(1_000); // ~20 ms
    const bytes = wordZip('<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>', styles);
    expect(bytes.length).toBeLessThan(16 * 1024);
    started = performance.now();
    expect((await extractText(bytes)).text).toBe('一、总体情况');
    expect(performance.now() - started).toBeLessThan(10_000); // ~0.7 s, nearly all of it mammoth's
  });

  it('names legacy .doc files', async () => {
    const bytes = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const error = await formatError(extractText(bytes, { name: 'old.doc' }));
    expect(error.code).toBe('FORMAT');
    expect(error.message).toMatch(/Word 97–2003/);
  });
});

describe('html', () => {
  const page = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>网站标题</title>
<style>p { color: red }</style>
<script>var fake = "<p>不是正文</p>";</script></head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a>公文</a></div>
<h1>2021年工作报告</h1>
<p>市委：</p>
<p>&nbsp;&nbsp;今年以来，我们坚持<b>两个维护</b>，
   成效明显&amp;显著&#x3002;</p>
<noscript>请启用JavaScript</noscript>
<h2>一、总体情况</h2>
<ul><li>第一项</li><li>second
   item</li></ul>
<p>第一行<br>第二行</p>
<table><tr><td>指标</td><td>数值</td></tr><tr><td>增长</td><td>6.1%</td></tr></table>
<pre>  保留
  格式</pre>
<script>document.write('x')</script>
</body></html>`;

  const expected = [
    '首页 > 公文',
    '2021年工作报告',
    '市委：',
    '\u00a0\u00a0今年以来，我们坚持两个维护，成效明显&显著。',
    '一、总体情况',
    '第一项',
    'second item',
    '第一行',
    '第二行',
    '指标\t数值',
    '增长\t6.1%',
    '  保留',
    '  格式',
  ].join('\n');

  it('keeps the body text: no head, script, style or noscript; entities decoded; blocks on their own lines', () => {
    expect(htmlToText(page)).toBe(expected);
  });

  it('drops a source line break between Chinese characters, keeps it as a space between words', () => {
    expect(htmlToText('<p>坚持两个维护，\n  成效明显</p><p>the\n  district</p>')).toBe('坚持两个维护，成效明显\nthe district');
  });

  it('is sniffed from the content', async () => {
    const result = await extractText(Buffer.from(page, 'utf8'), { name: 'page.txt' });
    expect(result).toEqual({ text: expected, format: 'html', encoding: 'utf-8', warnings: [] });
  });

  it('decodes a GBK page', async () => {
    const gbkPage = page.replace('charset="utf-8"', 'charset="gb2312"');
    const result = await extractText(encodeWithPython(gbkPage, 'gbk'));
    expect(result).toMatchObject({ text: expected, format: 'html', encoding: 'gb18030' });
  });

  it("uses the page's <meta charset> when the bytes alone are ambiguous", async () => {
    const tiny = '<html><head><meta charset="big5"></head><body>報告</body></html>';
    expect(await extractText(encodeWithPython(tiny, 'big5'))).toMatchObject({ text: '報告', encoding: 'big5' });
  });

  it('reads an .html fragment without <html> by its extension', async () => {
    const fragment = Buffer.from('<p>一、总体情况</p><p>正文。</p>', 'utf8');
    expect(await extractText(fragment, { name: 'part.html' })).toMatchObject({ text: '一、总体情况\n正文。', format: 'html' });
    expect(await extractText(fragment, { name: 'part.txt' })).toMatchObject({ format: 'text' });
  });
});

describe('pdf', () => {
  /** Lines of a justified paragraph: the first indented two characters, 28 characters (16 pt) to the line between x = 72 and 520. */
  function wrap(paragraph: string, top: number): PdfTextLine[] {
    const characters = [...paragraph];
    const lines: PdfTextLine[] = [];
    for (let i = 0, y = top; i < characters.length; y -= 24) {
      const first = i === 0;
      const count = first ? 26 : 28;
      lines.push({ text: characters.slice(i, i + count).join(''), x: first ? 104 : 72, y });
      i += count;
    }
    return lines;
  }

  const first = '今年以来，区委把党的政治建设摆在首位，坚决做到两个维护，全面落实新时代党的建设总要求，以党的建设高质量推动经济发展高质量，各项工作取得新成效。';
  const second = '区委常委会全年召开会议二十次，研究部署重大事项，推动各项决策部署落地见效，党员干部的政治判断力、政治领悟力、政治执行力不断提高。';

  it('rejoins wrapped lines into paragraphs (两个维\\n护), keeping title, headings and page breaks right', async () => {
    const firstLines = wrap(first, 720);
    const secondLines = wrap(second, 610);
    expect(firstLines[0]!.text.endsWith('两个维')).toBe(true);
    expect(firstLines[1]!.text.startsWith('护')).toBe(true);
    expect(secondLines).toHaveLength(3);

    const bytes = await makeCjkPdf([
      [
        { text: '2021年工作报告', x: 225, y: 780 },
        { text: '同志们：', x: 72, y: 750 },
        ...firstLines,
        { text: '一、总体情况', x: 104, y: 640 },
        secondLines[0]!,
        secondLines[1]!,
        { text: '- 1 -', x: 280, y: 40 },
      ],
      [
        { ...secondLines[2]!, y: 780 },
        { text: '二、存在问题', x: 104, y: 750 },
        { text: '- 2 -', x: 280, y: 40 },
      ],
    ]);
    const result = await extractText(bytes, { name: 'report.pdf' });
    expect(result).toEqual({
      text: ['2021年工作报告', '同志们：', first, '一、总体情况', second, '二、存在问题'].join('\n'),
      format: 'pdf',
      warnings: [],
    });
  });

  it('reads a Latin text layer drawn with a standard font (words joined with a space)', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([595, 842]);
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    page.drawText('Report on the work of the government of the', { x: 72, y: 700, size: 12, font });
    page.drawText('district, delivered in March.', { x: 72, y: 685, size: 12, font });
    page.drawText('Part One', { x: 72, y: 650, size: 12, font });
    const result = await extractText(await pdf.save());
    expect(result.text).toBe('Report on the work of the government of the district, delivered in March.\nPart One');
  });

  it('warns about a PDF without a text layer (a scan)', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]).drawRectangle({ x: 72, y: 72, width: 400, height: 600, color: rgb(0.9, 0.9, 0.9) });
    const result = await extractText(await pdf.save());
    expect(result.text).toBe('');
    expect(result.warnings).toEqual([expect.objectContaining({ rule: 'empty-input', message: expect.stringMatching(/without a text layer/) })]);
  });

  it('reports corrupt and truncated PDFs as FORMAT', async () => {
    expect((await formatError(extractText(Buffer.from('%PDF-1.7\ngarbage\n%%EOF')))).message).toBe(
      'corrupt or unreadable .pdf: Invalid PDF structure.',
    );
    const good = await makeCjkPdf([[{ text: '一、总体情况', x: 72, y: 700 }]]);
    expect((await formatError(extractText(good.subarray(0, Math.floor(good.length * 0.6))))).code).toBe('FORMAT');
  });

  it('without geometry, falls back to punctuation and heading markers', () => {
    const line = (text: string): PdfLine => ({ text, left: 0, right: 0, y: 0, fontSize: 0 });
    expect(joinPdfLines([[line('坚决做到两个维'), line('护，全面完成任务。'), line('一、总体情况'), line('（一）政治建设'), line('情况。')]])).toBe(
      '坚决做到两个维护，全面完成任务。\n一、总体情况\n（一）政治建设情况。',
    );
  });

  it('breaks before what the parser takes for a heading or an item, and only that (extract/headings.ts, enumerations.ts)', () => {
    const line = (text: string): PdfLine => ({ text, left: 0, right: 0, y: 0, fontSize: 0 });
    const join = (...texts: string[]): string => joinPdfLines([texts.map(line)]);
    // Headings: full-width digits, a lone numeral, `第一，` on its own line.
    expect(join('全面完成各项任务', '１．加强学习')).toBe('全面完成各项任务\n１．加强学习');
    expect(join('全面完成各项任务', '二', '正文')).toBe('全面完成各项任务\n二\n正文');
    expect(join('全面完成各项任务', '第一，加强学习')).toBe('全面完成各项任务\n第一，加强学习');
    // Not headings for the parser, so not for the PDF either: a quantity, an article, a number past 99.
    expect(join('全年新增就业', '1.5万人')).toBe('全年新增就业1.5万人');
    expect(join('依照条例', '第三条的规定')).toBe('依照条例第三条的规定');
    expect(join('建成', '一百、二百处')).toBe('建成一百、二百处');
    // Items: `二是` continues the run `一是` opened; without it, `二是` is just text.
    expect(join('重点抓两件事，一是抓学习，', '二是抓落实')).toBe('重点抓两件事，一是抓学习，\n二是抓落实');
    expect(join('以人为本，其中之', '二是关键')).toBe('以人为本，其中之二是关键');
  });
});

describe('text', () => {
  it('is anything else, decoded', async () => {
    const result = await extractText(encodeWithPython('一、总体情况\n正文。', 'gb18030'), { name: 'a.md' });
    expect(result).toEqual({ text: '一、总体情况\n正文。', format: 'text', encoding: 'gb18030', warnings: [] });
  });

  it('is BINARY when it is binary', async () => {
    expect((await formatError(extractText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])))).code).toBe('BINARY');
  });
});
