/**
 * Generated inputs for the archive tests: legacy encodings, .docx and .pdf
 * files are made at test time, never checked in.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';

export async function makeTempDir(prefix = 'gongwen-archive-'): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Text → bytes in a legacy encoding, with Python's codecs (Node has decoders
 * for GB18030 but no encoder; python3 is on the machine and in CI). Strict:
 * an unencodable character fails the test rather than becoming `?`.
 */
export function encodeWithPython(text: string, encoding: string): Buffer {
  return execFileSync(
    'python3',
    ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode(sys.argv[1], "strict"))', encoding],
    { input: Buffer.from(text, 'utf8'), maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] },
  );
}

/** A zip archive holding the given files (Python's zipfile: no zip library is installed for tests). */
export function makeZip(files: Record<string, string>): Buffer {
  return execFileSync(
    'python3',
    [
      '-c',
      'import io, json, sys, zipfile\nb = io.BytesIO()\nwith zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:\n  for k, v in json.load(sys.stdin).items(): z.writestr(k, v)\nsys.stdout.buffer.write(b.getvalue())',
    ],
    { input: JSON.stringify(files), stdio: ['pipe', 'pipe', 'pipe'] },
  );
}

export function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (endian === 'be') body.swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

export interface DocxParagraph {
  text: string;
  /** Numbered by Word's automatic numbering (chineseCounting, `%1、`): the marker is not in the text. */
  numbered?: boolean;
  bold?: boolean;
}

export async function makeDocx(paragraphs: readonly DocxParagraph[]): Promise<Buffer> {
  const document = new Document({
    numbering: {
      config: [{ reference: 'chinese', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' }] }],
    },
    sections: [
      {
        children: paragraphs.map(
          (paragraph) =>
            new Paragraph({
              children: [new TextRun({ text: paragraph.text, bold: paragraph.bold ?? false })],
              ...(paragraph.numbered === true ? { numbering: { reference: 'chinese', level: 0 } } : {}),
            }),
        ),
      },
    ],
  });
  return Packer.toBuffer(document);
}

export interface PdfTextLine {
  text: string;
  /** PDF units from the bottom-left corner of an A4 page (595 × 842). */
  x: number;
  y: number;
}

/**
 * A PDF whose text layer is Chinese. pdf-lib's standard fonts cannot encode
 * CJK, and no CJK font file is needed to test text extraction: the page uses
 * a Type0 font (Identity-H, one CID per distinct character, each 1 em wide)
 * that is not embedded, with a ToUnicode CMap mapping every CID back to its
 * character — exactly what pdf.js reads to extract text. Viewers render it
 * with a substitute font; unpdf reads the intended Unicode text.
 */
export async function makeCjkPdf(pages: readonly (readonly PdfTextLine[])[], fontSize = 16): Promise<Uint8Array> {
  const characters = [...new Set(pages.flat().map((line) => line.text).join(''))];
  const cidOf = new Map(characters.map((character, i) => [character, i + 1]));
  const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');
  const utf16be = (character: string): string =>
    [...Buffer.from(character, 'utf16le').swap16()].map((byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join('');

  const toUnicode = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    // bfchar blocks hold at most 100 entries each.
    ...chunk(characters, 100).flatMap((block) => [
      `${block.length} beginbfchar`,
      ...block.map((character) => `<${hex4(cidOf.get(character)!)}> <${utf16be(character)}>`),
      'endbfchar',
    ]),
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');

  const pdf = await PDFDocument.create();
  const context = pdf.context;
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: 'GongwenTestSong',
      Flags: 4,
      FontBBox: [0, -120, 1000, 880],
      ItalicAngle: 0,
      Ascent: 880,
      Descent: -120,
      CapHeight: 700,
      StemV: 80,
    }),
  );
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: 'GongwenTestSong',
      CIDSystemInfo: { Registry: PDFHexString.fromText('Adobe'), Ordering: PDFHexString.fromText('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      DW: 1000,
      CIDToGIDMap: 'Identity',
    }),
  );
  const font = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: 'GongwenTestSong',
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: context.register(context.stream(toUnicode)),
    }),
  );
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    page.node.setFontDictionary(PDFName.of('F1'), font);
    const operators = lines
      .map(({ text, x, y }) => `BT /F1 ${fontSize} Tf ${x} ${y} Td <${[...text].map((c) => hex4(cidOf.get(c)!)).join('')}> Tj ET`)
      .join('\n');
    page.node.addContentStream(context.register(context.stream(operators)));
  }
  return pdf.save();
}

function chunk<T>(values: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
  return chunks;
}
