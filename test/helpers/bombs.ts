/**
 * Decompression bombs made at test time in milliseconds — a zip bomb dressed
 * as a .docx, a PDF whose page content inflates to hundreds of megabytes: a
 * megabyte of content is deflated once with a full flush (byte-aligned, no
 * back-references across it), so the same compressed bytes repeated N times
 * are a valid deflate stream of N megabytes.
 */
import { constants, deflateRawSync } from 'node:zlib';

const WORD_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const PARAGRAPH = '<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>';
const PARAGRAPHS_PER_CHUNK = Math.ceil(2 ** 20 / Buffer.byteLength(PARAGRAPH));
const CHUNK = Buffer.from(PARAGRAPH.repeat(PARAGRAPHS_PER_CHUNK));

/** A raw deflate stream of `header`, then `body` repeated until at least `bytes`, then `footer`; and its true size. */
function deflatedXml(header: string, bytes: number, footer: string, body: Buffer = CHUNK): { data: Buffer; size: number; repeats: number } {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const repeats = Math.max(1, Math.ceil(bytes / body.length));
  const chunk = deflateRawSync(body, flush);
  const data = Buffer.concat([
    deflateRawSync(Buffer.from(header), flush),
    ...Array.from({ length: repeats }, () => chunk),
    deflateRawSync(Buffer.from(footer)), // ends with the final block
  ]);
  return { data, size: Buffer.byteLength(header) + repeats * body.length + Buffer.byteLength(footer), repeats };
}

interface RawEntry {
  name: string;
  method: 0 | 8;
  data: Buffer;
  /** What the headers declare: the true size, or a lie. */
  declaredSize: number;
}

/** A zip archive of already-compressed entries (CRC left 0: a reader that checks it never gets that far in these tests). */
function zipOf(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const stored = (name: string, text: string): RawEntry => ({ name, method: 0, data: Buffer.from(text), declaredSize: Buffer.byteLength(text) });

export interface DocxBomb {
  bytes: Buffer;
  /** What word/document.xml really inflates to. */
  xmlBytes: number;
  /** Its paragraphs, each `一、总体情况`. */
  paragraphs: number;
}

/**
 * A .docx whose word/document.xml inflates to at least `xmlBytes` of
 * paragraphs. `lie`: the zip headers declare 1 KB for it, as a crafted bomb would.
 */
export function makeDocxBomb(xmlBytes: number, options: { lie?: boolean } = {}): DocxBomb {
  const xml = deflatedXml(`<?xml version="1.0" encoding="UTF-8"?><w:document ${WORD_NS}><w:body>`, xmlBytes, '</w:body></w:document>');
  const bytes = zipOf([
    stored('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    { name: 'word/document.xml', method: 8, data: xml.data, declaredSize: options.lie === true ? 1024 : xml.size },
  ]);
  return { bytes, xmlBytes: xml.size, paragraphs: xml.repeats * PARAGRAPHS_PER_CHUNK };
}

/**
 * A one-page PDF whose content stream (`q Q`, nothing drawn) inflates to at
 * least `contentBytes`, in a file of ~1/1000 of that. The zlib checksum is left
 * 0: a reader that inflates it all is what the tests refuse.
 */
export function makePdfBomb(contentBytes: number): Buffer {
  const raw = deflatedXml('', contentBytes, '', Buffer.from('q Q\n'.repeat(2 ** 18)));
  const stream = Buffer.concat([Buffer.from([0x78, 0x9c]), raw.data, Buffer.alloc(4)]);
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'),
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream')]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), object, Buffer.from('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}
