import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { foreignFormat, SNIFF_BYTES } from '../../src/archive/foreign-formats.js';
import { encodeWithPython, makeDocx, utf16 } from '../helpers/archive-files.js';

const head = (bytes: Uint8Array): Uint8Array => bytes.subarray(0, SNIFF_BYTES);

describe('foreignFormat', () => {
  it('names what a walk passes over, from the first bytes', () => {
    expect(foreignFormat(head(gzipSync(Buffer.from('一、总体情况'))))).toBe('gzip archive: unpack it first');
    expect(foreignFormat(head(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46])))).toBe('JPEG image, not a report');
    expect(foreignFormat(head(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')))).toBe('GIF image, not a report');
    expect(foreignFormat(head(Buffer.from('\x00\x00\x00\x20ftypisom\x00\x00\x02\x00', 'latin1')))).toBe('MP4/QuickTime media, not a report');
    expect(foreignFormat(head(Buffer.from('{\\rtf1\\ansi\\ansicpg936 ', 'latin1')))).toMatch(/^RTF document/);
  });

  it('leaves every format we read, in any encoding, to be read', async () => {
    const report = '一、总体情况\n召开会议7次。';
    for (const bytes of [
      Buffer.from(report),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(report)]),
      utf16(report, 'le'),
      utf16(report, 'be'),
      encodeWithPython(report, 'gb18030'),
      Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
      await makeDocx([{ text: report }]),
      Buffer.from('<!doctype html><html><body>'),
      Buffer.from('GIF 与 PNG 图片格式说明'), // text that starts with a signature's letters but not its bytes
      Buffer.from(''),
    ]) {
      expect(foreignFormat(head(bytes))).toBeUndefined();
    }
  });
});
