/**
 * A PDF bomb guard: before pdf.js reads a PDF, its Flate streams that text
 * extraction decodes (page contents, object streams, fonts — not images,
 * which it skips) are inflated once, counted and dropped, so a 300 KB PDF
 * holding a 300 MB content stream is refused rather than read for 80 s
 * (measured: 79 s, 730 MB peak, for an empty page).
 *
 * Best effort, on the raw bytes: a stream is found by its `stream` keyword,
 * its dictionary is the text since the `obj` before it, its data runs for
 * its direct `/Length` (else to `endstream`). A stream that does not inflate
 * is left to pdf.js to judge.
 */
import { countInflated } from './inflate-count.js';

/**
 * The inflated size of the PDF's text-relevant Flate streams; counting stops
 * as soon as it passes `limit` (the result is then just over `limit`).
 */
export async function pdfStreamsInflatedSize(bytes: Uint8Array, limit: number): Promise<number> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let total = 0;
  for (let at = text.indexOf('stream'); at !== -1; at = text.indexOf('stream', at + 6)) {
    if (text.startsWith('end', at - 3)) continue; // `endstream`
    const dataStart = text.startsWith('\r\n', at + 6) ? at + 8 : text[at + 6] === '\n' || text[at + 6] === '\r' ? at + 7 : -1;
    if (dataStart === -1) continue;
    const objectStart = text.lastIndexOf('obj', at);
    if (objectStart === -1) continue;
    const dictionary = text.slice(objectStart, at);
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary)?.[1];
    const end = length !== undefined ? dataStart + Number(length) : text.indexOf('endstream', dataStart);
    if (end === -1 || end > bytes.length) continue;
    if (/\/FlateDecode\b/.test(dictionary) && !/\/Subtype\s*\/Image\b/.test(dictionary)) {
      // A damaged stream counts what it inflated before the damage.
      total += (await countInflated('zlib', bytes.subarray(dataStart, end), limit - total)).length;
      if (total > limit) return total;
    }
    at = end; // past the data: binary bytes may spell `stream`
  }
  return total;
}

