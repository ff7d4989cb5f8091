/**
 * Files a folder walk (or a glob) finds that are not reports in a format we
 * read, recognised by their first bytes — never by their extension: a `.doc`
 * that is really HTML or a `.txt` that is a PDF is read (formats.ts), a `.doc`
 * that is a Word 97–2003 file is passed over with this reason, in
 * skipped.jsonl.
 *
 * Only what is certain from a few magic bytes is here. Anything else found
 * goes on to be read: a damaged .docx or an undecodable text is a failure
 * (errors.jsonl), not a skip, because it may be a report.
 * A file named on the command line is never passed over: asked for, it fails
 * with formats.ts' message instead.
 */

/** How many bytes of a file `foreignFormat` needs. */
export const SNIFF_BYTES = 16;

interface Signature {
  /** Bytes at `at` (default 0); `undefined` matches any byte. */
  bytes: readonly (number | undefined)[];
  at?: number;
  reason: string;
}

const ascii = (text: string): number[] => [...text].map((character) => character.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    reason: 'legacy binary Office file (Word 97–2003 .doc, WPS .wps, .xls, .ppt), not a format gongwen reads: save it as .docx',
  },
  { bytes: ascii('{\\rtf'), reason: 'RTF document, not a format gongwen reads: save it as .docx or plain text' },
  { bytes: [0x89, ...ascii('PNG')], reason: 'PNG image, not a report' },
  { bytes: [0xff, 0xd8, 0xff], reason: 'JPEG image, not a report' },
  { bytes: ascii('GIF8'), reason: 'GIF image, not a report' },
  { bytes: [...ascii('II*'), 0x00], reason: 'TIFF image, not a report' },
  { bytes: [...ascii('MM'), 0x00, 0x2a], reason: 'TIFF image, not a report' },
  { bytes: [...ascii('RIFF'), undefined, undefined, undefined, undefined, ...ascii('WEBP')], reason: 'WebP image, not a report' },
  { bytes: ascii('ftyp'), at: 4, reason: 'MP4/QuickTime media, not a report' },
  { bytes: ascii('ID3'), reason: 'MP3 audio, not a report' },
  { bytes: ascii('OggS'), reason: 'Ogg media, not a report' },
  { bytes: [0x1f, 0x8b], reason: 'gzip archive: unpack it first' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], reason: '7-Zip archive: unpack it first' },
  { bytes: [...ascii('Rar!'), 0x1a, 0x07], reason: 'RAR archive: unpack it first' },
  { bytes: [0x7f, ...ascii('ELF')], reason: 'executable program, not a report' },
];

/** Why the file starting with `head` is not a report we read, or undefined when it may be one. */
export function foreignFormat(head: Uint8Array): string | undefined {
  for (const { bytes, at = 0, reason } of SIGNATURES) {
    if (head.length >= at + bytes.length && bytes.every((byte, i) => byte === undefined || head[at + i] === byte)) return reason;
  }
  return undefined;
}
