/**
 * A small PDF whose page tree lists one page 20,000 times: unpdf's
 * extractTextItems parsed every page at once (3.76 GB, killed at 60 s). The
 * pages are now read one at a time and a page listed twice is refused.
 */
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/archive/formats.js';

/** A PDF with one page showing `text`, listed `times` times in its page tree. */
function pdfRepeatingPage(text: string, times: number): Buffer {
  const content = `BT /F1 12 Tf 72 700 Td (${text}) Tj ET`;
  const kids = Array.from({ length: times }, () => '3 0 R').join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${times} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  return Buffer.from(`${body}${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${Buffer.byteLength(body)}\n%%EOF\n`);
}

describe('a .pdf whose page tree repeats a page', () => {
  it('one page listed 20,000 times (a 120 KB file) is refused at the second listing, at once', async () => {
    const bomb = pdfRepeatingPage('Report', 20_000);
    expect(bomb.length).toBeLessThan(130_000);
    const started = performance.now();
    await expect(extractText(bomb, { name: 'pages.pdf' })).rejects.toMatchObject({
      code: 'FORMAT',
      message: "the .pdf's page tree lists page 1 again as page 2 (of 20000): a crafted file, not read",
    });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('the same page listed once reads as before', async () => {
    const result = await extractText(pdfRepeatingPage('Report', 1), { name: 'one.pdf' });
    expect(result).toMatchObject({ text: 'Report', format: 'pdf' });
  });
});
