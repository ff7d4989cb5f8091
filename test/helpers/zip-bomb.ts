/**
 * Zip bombs dressed as .docx files, made at test time in milliseconds: a
 * megabyte of Word XML is deflated once with a full flush (byte-aligned, no
 * back-references across it), so the same compressed bytes repeated N times
 * are a valid deflate stream of N megabytes.
 */
import { constants, deflateRawSync } from 'node:zlib';

const WORD_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const PARAGRAPH = '<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>';
const PARAGRAPHS_PER_CHUNK = Math.ceil(2 ** 20 / Buffer.byteLength(PARAGRAPH));
const CHUNK = Buffer.from(PARAGRAPH.repeat(PARAGRAPHS_PER_CHUNK));

/** A raw deflate stream of `header`, then `CHUNK` repeated until at least `bytes`, then `footer`; and its true size. */
function deflatedXml(header: string, bytes: number, footer: string): { data: Buffer; size: number; repeats: number } {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const repeats = Math.max(1, Math.ceil(bytes / CHUNK.length));
  const chunk = deflateRawSync(CHUNK, flush);
  const data = Buffer.concat([
    deflateRawSync(Buffer.from(header), flush),
    ...Array.from({ length: repeats }, () => chunk),
    deflateRawSync(Buffer.from(footer)), // ends with the final block
  ]);
  return { data, size: Buffer.byteLength(header) + repeats * CHUNK.length + Buffer.byteLength(footer), repeats };
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
