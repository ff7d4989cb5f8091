/**
 * Any file of an archive → the plain text of the report.
 *
 * The format is read from the content (magic bytes), the extension is only a
 * hint: archives hold `.doc` files that are HTML, `.txt` files that are PDFs,
 * and extensionless downloads. `%PDF-` → pdf; a zip holding
 * `word/document.xml` → docx; a page starting with `<!doctype html`, `<html`,
 * `<head` or `<body` → html; anything else → text (decode.ts). Formats we
 * cannot read (legacy .doc/.wps, RTF, other zips) are a GongwenError('FORMAT')
 * that names them, so a researcher knows to convert them.
 *
 * Every document is held to `maxBytes` (limits.ts): the bytes given, what a
 * .docx inflates to, and the text extracted; past it, GongwenError('TOO_LARGE').
 */
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type { Parser as HtmlParser } from 'htmlparser2';
import type { StructuredTextItem } from 'unpdf';
import { GongwenError } from '../diagnostics.js';
import type { Warning } from '../diagnostics.js';
import { findEnumerationMarkers } from '../skeleton/enumerations.js';
import type { EnumerationCarry } from '../skeleton/enumerations.js';
import { matchHeadingMarker } from '../skeleton/headings.js';
import { decode } from './decode.js';
import type { EncodingName } from './decode.js';
import { DOCX_XML_SHARE, formatSize, resolveMaxBytes, tooLarge } from './limits.js';
import type { ZipEntry } from './zip.js';

/** The zip reader (and with it node:zlib, ~10 ms to load), loaded when a .docx is read: a text file never needs it. */
type ZipReader = typeof import('./zip.js');

export type DocumentFormat = 'text' | 'docx' | 'html' | 'pdf';

export interface Extracted {
  text: string;
  format: DocumentFormat;
  /** The encoding of text and html input; absent for docx and pdf (binary formats with their own text encoding). */
  encoding?: EncodingName;
  warnings: Warning[];
}

export interface ExtractOptions {
  /** File name, for the extension hint (an `.html` fragment without `<html>`) and messages. */
  name?: string;
  /** Encoding of text and html input without a BOM (see decode.ts). */
  encoding?: string;
  /** The size limit of one document, in bytes (limits.ts). Default: DEFAULT_MAX_BYTES, 64 MiB. */
  maxBytes?: number;
}

/**
 * htmlparser2 (with entities and the DOM packages) and unpdf load on first use:
 * ~60 ms at start-up that a run reading plain text (most runs) never needs.
 */
const require = createRequire(import.meta.url);
let htmlParser: typeof HtmlParser | undefined;
const loadHtmlParser = (): typeof HtmlParser => (htmlParser ??= (require('htmlparser2') as typeof import('htmlparser2')).Parser);

export async function extractText(bytes: Uint8Array, options: ExtractOptions = {}): Promise<Extracted> {
  const extension = options.name === undefined ? '' : extname(options.name).toLowerCase();
  const maxBytes = resolveMaxBytes(options.maxBytes);
  if (bytes.length > maxBytes) throw tooLarge(`the file is ${formatSize(bytes.length)}`, maxBytes);
  // Decoded text never has more UTF-16 code units than its bytes; docx and pdf text is checked where it is made.
  if (isPdf(bytes)) return pdfToText(bytes, maxBytes);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return docxToText(bytes, maxBytes); // a zip: .docx, or not
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new GongwenError('FORMAT', 'legacy binary Office document (Word 97–2003 .doc or WPS .wps): save it as .docx first');
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    throw new GongwenError('FORMAT', 'RTF document: save it as .docx or plain text first');
  }

  // Sniff HTML on the raw bytes too, so its <meta charset> can guide decoding.
  const head = latin1(bytes.subarray(0, 2048));
  const htmlByName = (extension === '.html' || extension === '.htm') && /^\s*</.test(stripBom(head));
  const htmlByBytes = looksLikeHtml(stripBom(head)) || htmlByName;
  const decoded = decode(bytes, {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(htmlByBytes ? withDeclaredCharset(head) : {}),
  });
  if (htmlByBytes || looksLikeHtml(decoded.text.slice(0, 2048))) {
    return { text: htmlToText(decoded.text), format: 'html', encoding: decoded.encoding, warnings: decoded.warnings };
  }
  return { text: decoded.text, format: 'text', encoding: decoded.encoding, warnings: decoded.warnings };
}

// ---------------------------------------------------------------- sniffing

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** `%PDF-` must start the file, but readers accept it within the first KiB (after mail or HTTP junk), and so do we. */
function isPdf(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(0, 1024)).includes('%PDF-');
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function stripBom(head: string): string {
  return head.replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff|\ufeff)/, '');
}

/**
 * Leading comments and an XML declaration may precede the first tag. One comment, whose
 * body may hold `-->`, stands for any run of them: it reads the same texts as
 * `(?:<!--[\s\S]*?-->\s*)*`, which split the run every way (exponential).
 */
export function looksLikeHtml(start: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)?<(?:!doctype\s+html|html|head|body)[\s>]/i.test(start);
}

const META_TAG = /<meta([^>]*)/gi;
const CHARSET = /charset/gi;
const CHARSET_VALUE = /charset\s*=\s*(?:["']\s*)?([\w.:-]+)/iy;

/**
 * The charset of the first `<meta>` that declares one, the last in that tag: what
 * `/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i` read, which was cubic (every `<meta`
 * read to the next `>`, and its two \s* split a run of spaces every way).
 */
function withDeclaredCharset(head: string): { fallbackEncoding?: string } {
  META_TAG.lastIndex = 0;
  for (let tag = META_TAG.exec(head); tag !== null; tag = META_TAG.exec(head)) {
    const attributes = tag[1]!;
    let value: string | undefined;
    // From 1: `[^>]+` put one character at least between `<meta` and `charset`.
    CHARSET.lastIndex = 1;
    for (let word = CHARSET.exec(attributes); word !== null; word = CHARSET.exec(attributes)) {
      CHARSET_VALUE.lastIndex = word.index;
      value = CHARSET_VALUE.exec(attributes)?.[1] ?? value;
    }
    if (value !== undefined) return { fallbackEncoding: value };
  }
  return {};
}

// ---------------------------------------------------------------- docx

async function docxToText(bytes: Uint8Array, maxBytes: number): Promise<Extracted> {
  const zip = await import('./zip.js');
  let entries: ZipEntry[];
  try {
    entries = zip.readZipDirectory(bytes);
  } catch (error) {
    const what = latin1(bytes).includes('word/') ? '.docx' : 'zip archive';
    throw new GongwenError('FORMAT', `corrupt ${what}: ${messageOf(error)}`, { cause: error });
  }
  if (!entries.some((entry) => entry.name === 'word/document.xml')) {
    throw new GongwenError('FORMAT', `zip archive without word/document.xml: ${describeZip(entries)}, not a Word document`);
  }
  const xmlLimit = Math.floor(maxBytes / DOCX_XML_SHARE);
  await assertInflatesWithin(zip, bytes, entries, maxBytes, xmlLimit);

  let raw: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Loaded on the first .docx only (~80 ms): most archives are text.
    const { default: mammoth } = await import('mammoth');
    raw = (await mammoth.extractRawText({ buffer })).value;
  } catch (error) {
    throw new GongwenError('FORMAT', `corrupt .docx: ${messageOf(error)}`, { cause: error });
  }
  // mammoth ends every paragraph with a blank line ("\n\n"); empty paragraphs
  // used as spacing add more. One paragraph per line, like the plain-text reports.
  const text = raw.replace(/\n+/g, '\n').replace(/^\n|\n$/g, '');
  if (text.length > maxBytes) throw tooLarge(`the .docx holds ${formatSize(text.length)} of text`, maxBytes);

  const warnings: Warning[] = [];
  const numbered = countNumberedParagraphs(zip, bytes, entries, xmlLimit);
  if (numbered > 0) {
    warnings.push({
      rule: 'docx-numbering-lost',
      message:
        `${numbered} paragraph${numbered === 1 ? ' uses' : 's use'} Word's automatic numbering: ` +
        'their markers (一、 （一） 1.) are not in the extracted text, so headings numbered that way are not recognised',
      offset: 0,
      source: 'gongwen',
    });
  }
  return { text, format: 'docx', warnings };
}

/** An XML part: what mammoth parses into a DOM (media and other binary parts it only carries). */
function isXmlPart(name: string): boolean {
  return /\.(?:xml|rels)$/i.test(name);
}

/**
 * Before mammoth (JSZip) inflates the whole archive in memory: every entry is
 * inflated once, counted and dropped (zip.ts `inflatedSize`), so a bomb is
 * refused with flat memory, after inflating no more than the limit. The sizes
 * the zip declares are checked first, which refuses an honest bomb at once.
 */
async function assertInflatesWithin({ inflatedSize, ZipEntryTooLargeError }: ZipReader, bytes: Uint8Array, entries: readonly ZipEntry[], maxBytes: number, xmlLimit: number): Promise<void> {
  const declared = (list: readonly ZipEntry[]) => list.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const xmlEntries = entries.filter((entry) => isXmlPart(entry.name));
  if (declared(entries) > maxBytes) throw tooLarge(`the .docx inflates to ${formatSize(declared(entries))}`, maxBytes);
  if (declared(xmlEntries) > xmlLimit) throw tooLarge(`the .docx's XML inflates to ${formatSize(declared(xmlEntries))}`, docxXmlBound(xmlLimit));

  let total = 0;
  let xml = 0;
  for (const entry of entries) {
    const isXml = isXmlPart(entry.name);
    const limit = Math.min(maxBytes - total, isXml ? xmlLimit - xml : Infinity);
    let size: number;
    try {
      size = await inflatedSize(bytes, entry, limit);
    } catch (error) {
      // A damaged entry stops inflating before the limit, in JSZip too: whether the file is usable is mammoth's call.
      if (!(error instanceof ZipEntryTooLargeError)) continue;
      throw isXml && xmlLimit - xml <= maxBytes - total
        ? tooLarge(`the .docx's XML (${entry.name}) inflates to more than ${formatSize(xmlLimit)}`, docxXmlBound(xmlLimit))
        : tooLarge(`the .docx inflates to more than ${formatSize(maxBytes)} (${entry.name})`, maxBytes);
    }
    total += size;
    if (isXml) xml += size;
  }
}

function docxXmlBound(xmlLimit: number): string {
  return `the limit for XML: 1/${DOCX_XML_SHARE} of ${formatSize(xmlLimit * DOCX_XML_SHARE)}, as mammoth needs ~70 times the XML in memory`;
}

/**
 * Paragraphs numbered by Word (`<w:numPr>` with a numId other than 0, directly
 * or through their paragraph style), whose numbers mammoth drops. Every docx
 * writer ships a numbering.xml, used or not, so its presence proves nothing.
 * Best effort: 0 when the parts cannot be read.
 */
function countNumberedParagraphs({ readZipEntry }: ZipReader, bytes: Uint8Array, entries: ZipEntry[], maxXmlBytes: number): number {
  try {
    const read = (name: string): string => {
      const entry = entries.find((candidate) => candidate.name === name);
      return entry === undefined ? '' : new TextDecoder().decode(readZipEntry(bytes, entry, maxXmlBytes));
    };
    const numberedStyles = numberedStyleIds(read('word/styles.xml'));
    let count = 0;
    for (const paragraph of read('word/document.xml').split(/<w:p(?=[\s>])/).slice(1)) {
      const properties = /^[^>]*>\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(paragraph)?.[1] ?? '';
      const numId = /<w:numId\s+w:val="(\d+)"/.exec(properties)?.[1];
      const style = /<w:pStyle\s+w:val="([^"]+)"/.exec(properties)?.[1];
      if (numId !== undefined ? numId !== '0' : style !== undefined && numberedStyles.has(style)) count++;
    }
    return count;
  } catch {
    return 0;
  }
}

/**
 * The ids of the styles of styles.xml that carry a numbering (`<w:numId>`
 * other than 0). One pass: a self-closing `<w:style …/>` has no properties
 * and is skipped, and each style's body ends at the first `</w:style>` after
 * it. (A lazy `<w:style…</w:style>` regex was quadratic on self-closing
 * styles: 40,000 of them in an 8 KB docx took 6–36 s.)
 */
export function numberedStyleIds(stylesXml: string): Set<string> {
  const ids = new Set<string>();
  // `<w:style\b([^>]*)>` as a loop: the pattern read from every `<w:style` to the end when no `>` followed (quadratic).
  for (let at = stylesXml.indexOf('<w:style'); at !== -1; ) {
    const after = at + '<w:style'.length;
    if (/\w/.test(stylesXml[after] ?? '')) {
      at = stylesXml.indexOf('<w:style', after); // `<w:styles>`, another element
      continue;
    }
    const close = stylesXml.indexOf('>', after);
    if (close === -1) break;
    const attributes = stylesXml.slice(after, close);
    if (attributes.endsWith('/')) {
      at = stylesXml.indexOf('<w:style', close + 1);
      continue;
    }
    const end = stylesXml.indexOf('</w:style>', close + 1);
    if (end === -1) break;
    const body = stylesXml.slice(close + 1, end);
    at = stylesXml.indexOf('<w:style', end);
    const id = /w:styleId="([^"]+)"/.exec(attributes)?.[1];
    const numId = /<w:numId\s+w:val="(\d+)"/.exec(body)?.[1];
    if (id !== undefined && numId !== undefined && numId !== '0') ids.add(id);
  }
  return ids;
}

function describeZip(entries: ZipEntry[]): string {
  const names = entries.map((entry) => entry.name);
  if (names.some((name) => name.startsWith('xl/'))) return 'an Excel workbook';
  if (names.some((name) => name.startsWith('ppt/'))) return 'a PowerPoint presentation';
  if (names.includes('content.xml')) return 'an OpenDocument file';
  if (names.includes('META-INF/container.xml')) return 'an EPUB book';
  return `${names.length} entries`;
}

// ---------------------------------------------------------------- html

/** Elements that start a new line in the rendered page. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
/** Elements whose content is never text of the page. */
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'select']);
const HTML_SPACE = new Set([' ', '\t', '\r', '\n', '\f']);

/**
 * `text` without HTML white space at its end, and at its start unless `keepStart`. A loop:
 * `[ \t\r\n\f]+$` is quadratic on a run of spaces inside the line.
 */
function trimHtmlSpace(text: string, keepStart: boolean): string {
  let end = text.length;
  while (end > 0 && HTML_SPACE.has(text[end - 1]!)) end--;
  let start = 0;
  while (!keepStart && start < end && HTML_SPACE.has(text[start]!)) start++;
  return text.slice(start, end);
}

/**
 * The visible text of an HTML page's body: no script/style/noscript, no
 * `<head>` (its `<title>` is the site's, not always the report's), entities
 * decoded, one line per block element, HTML whitespace collapsed (`<pre>`
 * excepted). Empty lines are dropped; U+3000 and &nbsp; indentation is kept.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let hidden = 0;
  let pre = 0;
  let inHead = false;

  let linePreformatted = false;

  const endLine = (): void => {
    // Collapsed whitespace at either end goes; a <pre> line keeps its indentation.
    const trimmed = trimHtmlSpace(joinSegments(line), linePreformatted);
    if (trimmed.trim() !== '') lines.push(trimmed);
    line = '';
    linePreformatted = false;
  };

  const Parser = loadHtmlParser();
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'head') inHead = true;
        if (name === 'body') inHead = false;
        if (HIDDEN_ELEMENTS.has(name)) hidden++;
        if (name === 'pre') pre++;
        if (BLOCK_ELEMENTS.has(name)) endLine();
        else if ((name === 'td' || name === 'th') && line.trim() !== '') line += '\t';
      },
      onclosetag(name) {
        if (name === 'head') inHead = false;
        if (HIDDEN_ELEMENTS.has(name)) hidden = Math.max(0, hidden - 1);
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (BLOCK_ELEMENTS.has(name)) endLine();
      },
      ontext(data) {
        if (hidden > 0 || inHead) return;
        if (pre > 0) {
          linePreformatted = true;
          const [first = '', ...rest] = data.split(/\r?\n/);
          line += first;
          for (const next of rest) {
            endLine();
            line = next;
            linePreformatted = true;
          }
        } else {
          line += data.replace(/[ \t\r\n\f]+/g, (space) => (/[\r\n]/.test(space) ? SEGMENT_BREAK : ' '));
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endLine();
  return lines.join('\n');
}

/** Stands for collapsed whitespace that held a line break, until the characters on both sides are known. */
const SEGMENT_BREAK = '\u0001';
/** Han characters, CJK and full-width punctuation, Chinese quotes, dashes and ellipsis. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u{20000}-\u{3134f}]/u;

/**
 * A page's source wraps long Chinese paragraphs anywhere: `坚持两个维护，⏎   成效`.
 * HTML turns that line break into a space, which in Chinese is wrong, so
 * (as CSS Text 3's segment-break rule, and Firefox, do) a break between two
 * wide characters disappears; elsewhere it is a space, as in English.
 */
function joinSegments(line: string): string {
  if (!line.includes(SEGMENT_BREAK)) return line;
  // Whitespace collapses across text nodes too: a run holding a break is a break.
  const collapsed = line.replace(/[ \u0001]+/g, (run) => (run.includes(SEGMENT_BREAK) ? SEGMENT_BREAK : ' '));
  const characters = [...collapsed];
  let out = '';
  for (let i = 0; i < characters.length; i++) {
    const character = characters[i]!;
    if (character !== SEGMENT_BREAK) {
      out += character;
      continue;
    }
    const before = characters[i - 1];
    const after = characters[i + 1];
    out += before !== undefined && after !== undefined && WIDE.test(before) && WIDE.test(after) ? '' : ' ';
  }
  return out;
}

// ---------------------------------------------------------------- pdf

/** One visual line of a PDF page, with its geometry (PDF units; y grows upwards). */
export interface PdfLine {
  text: string;
  left: number;
  right: number;
  y: number;
  fontSize: number;
}

/**
 * The PDF's text layer as unpdf's `extractTextItems` gives it (read page by
 * page in pdf-pages.ts) rather than `extractText`: the same pdf.js text content, with each item's position,
 * which the paragraph re-joining below needs (extractText only has the
 * strings and their line ends).
 */
async function pdfToText(bytes: Uint8Array, maxBytes: number): Promise<Extracted> {
  // Loaded with the PDF reader, when a PDF is read: no other input needs them.
  const [{ pdfStreamsInflatedSize }, { readPdfPages }] = await Promise.all([import('./pdf-streams.js'), import('./pdf-pages.js')]);
  if ((await pdfStreamsInflatedSize(bytes, maxBytes)) > maxBytes) {
    throw tooLarge(`the .pdf's page contents and fonts inflate to more than ${formatSize(maxBytes)}`, maxBytes);
  }
  let pages: StructuredTextItem[][];
  try {
    const { extractTextItems, getDocumentProxy } = await import('unpdf');
    // pdf.js takes ownership of (and may detach) the buffer it is given: pass a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), {
      isEvalSupported: false, // never evaluate code found in a PDF (fonts compiled with eval, PDF JavaScript)
      enableXfa: false,
      verbosity: 0, // pdf.js warnings go to the console; a batch run's console is for progress
    });
    try {
      // One page at a time, a repeated page refused, the text counted as it comes (pdf-pages.ts).
      pages = await readPdfPages(pdf, maxBytes);
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    if (error instanceof GongwenError) throw error;
    const reason = error instanceof Error && error.name === 'PasswordException' ? 'encrypted, a password is needed' : messageOf(error);
    throw new GongwenError('FORMAT', `corrupt or unreadable .pdf: ${reason}`, { cause: error });
  }
  // The text layer is measured before it is joined.
  const characters = pages.reduce((sum, page) => page.reduce((pageSum, item) => pageSum + item.str.length, sum), 0);
  if (characters > maxBytes) throw tooLarge(`the .pdf holds ${formatSize(characters)} of text`, maxBytes);
  const text = joinPdfLines(pages.map(linesOfPage));
  const warnings: Warning[] = [];
  if (text.trim() === '') {
    warnings.push({
      rule: 'empty-input',
      message: `PDF of ${pages.length} page${pages.length === 1 ? '' : 's'} without a text layer (a scan?): run OCR first`,
      offset: 0,
      source: 'gongwen',
    });
  }
  return { text, format: 'pdf', warnings };
}

/** pdf.js text items → visual lines (an item with `hasEOL` ends a line). */
export function linesOfPage(items: readonly StructuredTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  for (const item of items) {
    if (item.str.trim() !== '') {
      if (current === undefined) {
        current = { text: '', left: item.x, right: item.x + item.width, y: item.y, fontSize: item.fontSize };
      }
      current.right = Math.max(current.right, item.x + item.width);
      current.fontSize = Math.max(current.fontSize, item.fontSize);
    }
    if (current !== undefined) current.text += item.str;
    if (item.hasEOL && current !== undefined) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) lines.push(current);
  // trim() strips what \s matches; /^\s+|\s+$/g was quadratic on a run of spaces inside.
  for (const line of lines) line.text = line.text.trim();
  return lines.filter((line) => line.text !== '');
}

/** Ends of a sentence or a clause that ends a paragraph line. */
const LINE_END = /[。！？：；”…!?:;]$/;
/** Running page numbers: `- 3 -`, `— 3 —`, `第3页`, `第3页 共10页`. */
// `\s*(?:[,，]\s*)?`, not `\s*[,，]?\s*`: the same texts, without two \s* splitting one run of spaces every way.
const PAGE_NUMBER = /^(?:[-—－–]\s*\d+\s*[-—－–]|第\s*\d+\s*页(?:\s*(?:[,，]\s*)?共\s*\d+\s*页)?)$/;

/**
 * Re-join the visual lines of a PDF into paragraphs. pdf.js gives one line per
 * visual line, so a paragraph wrapped at the margin is cut mid-word:
 * `两个维\n护`. A break is removed when the line does not end a sentence
 * (。！？：；”), the next line does not open a heading or an item (see
 * `markerAtStart`), and —
 * where the geometry is known — the line runs to the right margin and the next
 * one is not indented (the `　　` of a paragraph start is not in pdf.js's text,
 * only its x position). The margin test keeps a centred title such as
 * `2021年工作报告` apart from the `同志们：` below it, although it has no final
 * punctuation. Lines that are only a running page number (`- 3 -`) at the top
 * or bottom of a page are dropped, so a paragraph across a page break joins up.
 */
export function joinPdfLines(pages: readonly (readonly PdfLine[])[]): string {
  const out: string[] = [];
  let previous: { line: PdfLine; page: PageBox; onlyMarker: boolean } | undefined;
  const enumerations: EnumerationCarry = {};
  for (const page of pages) {
    const lines = page.filter((line, i) => !((i === 0 || i === page.length - 1) && PAGE_NUMBER.test(line.text)));
    const box = pageBox(lines);
    for (const line of lines) {
      const marker = markerAtStart(line.text, enumerations);
      if (previous === undefined) {
        out.push(line.text);
      } else if (marker === null && !previous.onlyMarker && continues(previous.line, previous.page, line, box, previous.page === box)) {
        const space = /[A-Za-z0-9,]$/.test(previous.line.text) && /^[A-Za-z0-9(]/.test(line.text) ? ' ' : '';
        out[out.length - 1] += space + line.text;
      } else {
        out.push(line.text);
      }
      previous = { line, page: box, onlyMarker: marker?.end === line.text.length };
    }
  }
  return out.join('\n');
}

interface PageBox {
  left: number;
  right: number;
  /** False when pdf.js gave no usable widths: fall back to the punctuation and marker tests. */
  known: boolean;
}

function pageBox(lines: readonly PdfLine[]): PageBox {
  const measured = lines.filter((line) => line.right > line.left && line.fontSize > 0);
  if (measured.length === 0) return { left: 0, right: 0, known: false };
  return {
    left: Math.min(...measured.map((line) => line.left)),
    right: Math.max(...measured.map((line) => line.right)),
    known: true,
  };
}

/**
 * The marker a line opens with, if the parser takes it for a heading (`一、`
 * `（一）` `1.` `（1）` `①` `第一部分` `第一，`, a lone `二`: extract/headings.ts)
 * or for an item of an enumeration (`一是` `其一，`: extract/enumerations.ts,
 * whose ordinals must start a run or continue one, hence `carry`, updated
 * with the line's markers). Such a line is never joined to the one before,
 * and a line that is only a marker (`二`) takes nothing after it: the PDF's
 * paragraphs and the parser agree on where headings start.
 */
function markerAtStart(text: string, carry: EnumerationCarry): { end: number } | null {
  const heading = matchHeadingMarker(text, 0, text.length);
  const item = findEnumerationMarkers(text, 0, text.length, carry)[0];
  return heading ?? (item?.start === 0 ? item : null);
}

function continues(line: PdfLine, lineBox: PageBox, next: PdfLine, nextBox: PageBox, samePage: boolean): boolean {
  if (LINE_END.test(line.text)) return false;
  if (lineBox.known && line.fontSize > 0) {
    // A line that stops more than two characters short of the margin ends its paragraph.
    if (line.right < lineBox.right - 2 * line.fontSize) return false;
  }
  if (nextBox.known && next.fontSize > 0) {
    // Indented (the paragraph's 　　) or centred.
    if (next.left > nextBox.left + 0.8 * next.fontSize) return false;
  }
  // A blank line between them.
  if (samePage && lineBox.known && line.fontSize > 0 && line.y - next.y > 2.2 * line.fontSize) return false;
  return true;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
