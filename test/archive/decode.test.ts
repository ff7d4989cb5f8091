import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decode, firstInvalidUtf8, normalizeEncoding } from '../../src/archive/decode.js';
import { contentHash } from '../../src/archive/hash.js';
import { BINARY_FILE_SHARE, SUSPICIOUS_TEXT_SHARE, isControlCharacter } from '../../src/text/control.js';
import { checkInput } from '../../src/text/input-checks.js';
import { encodeWithPython, utf16 } from '../helpers/archive-files.js';
import { readSeed } from '../helpers/fixtures.js';
import { thrownGongwenError as decodeError } from '../helpers/errors.js';

/** The seed the brief names. */
const seed = readSeed('002_a41be418d54fa817.txt');
/** The seed with U+00A0, which GBK cannot encode: GB18030 can. */
const seedWithNbsp = readSeed('001_57d06ec813a5cf50.txt');


describe('decode: encodings', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decode(Buffer.from(seed, 'utf8'))).toEqual({ text: seed, encoding: 'utf-8', warnings: [] });
  });

  it('reads UTF-8 with a BOM and strips it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')]);
    expect(decode(bytes)).toMatchObject({ text: seed, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decode(utf16(seed, 'le'))).toMatchObject({ text: seed, encoding: 'utf-16le' });
    expect(decode(utf16(seed, 'be'))).toMatchObject({ text: seed, encoding: 'utf-16be' });
  });

  it('detects GB18030 and round-trips a seed report', () => {
    expect(decode(encodeWithPython(seed, 'gb18030'))).toMatchObject({ text: seed, encoding: 'gb18030' });
  });

  it('round-trips U+00A0 through GB18030 (GBK cannot encode it)', () => {
    expect(seedWithNbsp).toContain('\u00a0');
    expect(() => encodeWithPython(seedWithNbsp, 'gbk')).toThrow();
    expect(decode(encodeWithPython(seedWithNbsp, 'gb18030'))).toMatchObject({ text: seedWithNbsp, encoding: 'gb18030' });
  });

  it('reports GBK as gb18030', () => {
    expect(decode(encodeWithPython(seed, 'gbk'))).toMatchObject({ text: seed, encoding: 'gb18030' });
  });

  it('reads a GBK title alone, where chardet guesses Big5 with low confidence', () => {
    for (const text of ['一、总体情况', '报告', '同志们']) {
      expect(decode(encodeWithPython(text, 'gbk'))).toMatchObject({ text, encoding: 'gb18030' });
    }
  });

  it('detects Big5 (traditional-character reports)', () => {
    const text = '中華人民共和國國務院政府工作報告。各位代表：現在，我代表國務院，向大會報告政府工作，請予審議。';
    expect(decode(encodeWithPython(text, 'big5'))).toMatchObject({ text, encoding: 'big5' });
  });

  it('hashes the same report identically in every encoding', () => {
    const hashes = new Set(
      [
        Buffer.from(seed, 'utf8'),
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')]),
        utf16(seed, 'le'),
        utf16(seed, 'be'),
        encodeWithPython(seed, 'gb18030'),
        encodeWithPython(seed, 'gbk'),
      ].map((bytes) => contentHash(decode(bytes).text)),
    );
    expect(hashes).toEqual(new Set([contentHash(seed)]));
    expect(contentHash(seed)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('decode: the encoding option', () => {
  it('forces an encoding given by label (gbk → gb18030)', () => {
    expect(decode(encodeWithPython(seed, 'gbk'), { encoding: 'GBK' })).toMatchObject({ text: seed, encoding: 'gb18030' });
    expect(decode(Buffer.from(seed, 'utf8'), { encoding: 'utf8' })).toMatchObject({ encoding: 'utf-8' });
  });

  it('lets a BOM win over the option (a mixed folder with --encoding gbk)', () => {
    expect(decode(utf16(seed, 'le'), { encoding: 'gbk' })).toMatchObject({ text: seed, encoding: 'utf-16le' });
  });

  it('fails with DECODE when the forced encoding does not fit', () => {
    const error = decodeError(() => decode(encodeWithPython(seed, 'gb18030'), { encoding: 'utf-8' }));
    expect(error.code).toBe('DECODE');
    expect(error.message).toMatch(/not valid utf-8 at byte \d+/);
  });

  it('rejects an unknown label with USAGE', () => {
    expect(decodeError(() => normalizeEncoding('klingon')).code).toBe('USAGE');
    expect(normalizeEncoding('GB2312')).toBe('gb18030');
    expect(normalizeEncoding('CP936')).toBe('gb18030');
    expect(normalizeEncoding('Big5')).toBe('big5');
  });
});

describe('decode: invalid and binary input', () => {
  it('reports damaged UTF-8 as DECODE at the bad byte, never as GB18030 mojibake', () => {
    const good = Buffer.from(seed, 'utf8');
    const damaged = Buffer.concat([good.subarray(0, 300), Buffer.from([0xe4, 0xb8]), good.subarray(300)]);
    // 300 is inside a character here, so the first invalid byte is at or before 300.
    const error = decodeError(() => decode(damaged));
    expect(error.code).toBe('DECODE');
    expect(error.message).toMatch(/^not valid utf-8 at byte \d+/);
    expect(Number(/byte (\d+)/.exec(error.message)?.[1])).toBe(firstInvalidUtf8(damaged));
  });

  it('reports invalid GB18030 sequences as DECODE, not U+FFFD', () => {
    const bytes = Buffer.concat([encodeWithPython(seed, 'gb18030'), Buffer.from([0x81, 0x20])]);
    const error = decodeError(() => decode(bytes, { encoding: 'gb18030' }));
    expect(error.code).toBe('DECODE');
  });

  it('reports NUL bytes as BINARY', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decodeError(() => decode(png)).code).toBe('BINARY');
  });

  it('reports a high share of control characters as BINARY', () => {
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    expect(decodeError(() => decode(bytes)).code).toBe('BINARY');
    // A few form feeds and escapes in a real text are fine.
    expect(decode(Buffer.from(`${seed}\f\x1b[0m`, 'utf8')).encoding).toBe('utf-8');
  });

  it('shares its control characters with the input checks: a file is refused at one share, a decoded string warned about at a lower one', () => {
    expect(SUSPICIOUS_TEXT_SHARE).toBeLessThan(BINARY_FILE_SHARE);
    // Tab, the line ends and ESC are text; NUL, BEL, backspace, SO/SI and DEL are not.
    expect([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b, 0x20, 0x4e00].filter(isControlCharacter)).toEqual([]);
    expect([0x00, 0x07, 0x08, 0x0e, 0x0f, 0x1f, 0x7f].every(isControlCharacter)).toBe(true);

    // ASCII around the controls, so that the share of bytes (a file) is the share of characters (a string).
    const withShare = (share: number, control = '\u0001'): string => Array.from({ length: 1000 }, (_, i) => (i % Math.round(1 / share) === 0 ? control : 'a')).join('');
    const binaryWarnings = (text: string): number => checkInput(text).filter((warning) => warning.rule === 'binary-input').length;
    // 5 %: decoded as a file, only warned about as a string.
    expect(decode(Buffer.from(withShare(0.05), 'utf8')).text).toBe(withShare(0.05));
    expect(binaryWarnings(withShare(0.05))).toBe(1);
    // 20 %: refused as a file.
    expect(decodeError(() => decode(Buffer.from(withShare(0.2), 'utf8'))).code).toBe('BINARY');
    // 0.5 %: neither; 5 % of escapes (colour codes): neither.
    expect(binaryWarnings(withShare(0.005))).toBe(0);
    expect(binaryWarnings(withShare(0.05, '\u001b'))).toBe(0);
    // A NUL is decisive for both, whatever the share.
    expect(binaryWarnings(`${seed}\u0000`)).toBe(1);
    expect(decodeError(() => decode(Buffer.from(`${seed}\u0000`, 'utf8'))).code).toBe('BINARY');
  });

  it('hints at UTF-16 without a BOM when the text does not read as a report', () => {
    // Mostly control characters once read as UTF-16: not taken for UTF-16, but the NUL pattern is pointed out.
    const bytes = Buffer.from('abc\u0001\u0002\u0003\u0004\u0005\u0006 def', 'utf16le');
    const error = decodeError(() => decode(bytes));
    expect(error.code).toBe('BINARY');
    expect(error.message).toContain('--encoding utf-16le');
  });

  it('reports NUL characters in UTF-16 as BINARY', () => {
    expect(decodeError(() => decode(utf16('a\0b', 'le'))).code).toBe('BINARY');
  });

  it('decodes empty input as empty UTF-8 text', () => {
    expect(decode(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', warnings: [] });
  });
});

describe('decode: UTF-16 without a BOM', () => {
  it('reads a report saved as UTF-16 LE or BE without a BOM', () => {
    for (const text of [seed, '一、总体情况\n二、工作安排\n', 'abc 报告 def']) {
      expect(decode(Buffer.from(text, 'utf16le'))).toEqual({ text, encoding: 'utf-16le', warnings: [] });
      expect(decode(utf16(text, 'be').subarray(2))).toEqual({ text, encoding: 'utf-16be', warnings: [] });
    }
  });

  it('reads UTF-16 Chinese without a single ASCII character (no NUL byte at all)', () => {
    const text = '一、总体情况。同志们：今年以来，我们坚持“两个维护”。';
    expect(Buffer.from(text, 'utf16le').includes(0)).toBe(true); // 一 is U+4E00
    const withoutNul = '总体情况。同志们：今年以来，我们坚持“两个维护”。';
    expect(Buffer.from(withoutNul, 'utf16le').includes(0)).toBe(false);
    expect(decode(Buffer.from(withoutNul, 'utf16le'))).toMatchObject({ text: withoutNul, encoding: 'utf-16le' });
  });

  it('never takes UTF-8 or GB18030 text for UTF-16, English included (`he` read as UTF-16 is U+6568)', () => {
    for (const text of [seed, seedWithNbsp, 'hello world, this is English text of even length.', '2021年工作报告\n']) {
      expect(decode(Buffer.from(text, 'utf8')).encoding).toBe('utf-8');
      expect(decode(encodeWithPython(text, 'gb18030')).encoding).toBe(/^[\x00-\x7f]*$/.test(text) ? 'utf-8' : 'gb18030');
    }
  });

  it('lets --encoding decide over the guess', () => {
    const bytes = Buffer.from('abc 报告 def', 'utf16le');
    expect(decode(bytes, { encoding: 'utf-16le' }).text).toBe('abc 报告 def');
    expect(decodeError(() => decode(bytes, { encoding: 'gbk' })).code).toBe('BINARY');
  });
});

describe('decode: undecodable input is DECODE, never a guess', () => {
  it('refuses bytes that are neither UTF-8 nor GB18030 (Big5 used to take them, 0xFF as U+F8F8)', () => {
    const error = decodeError(() => decode(Buffer.from('abc\xff\xffdef', 'latin1')));
    expect(error.code).toBe('DECODE');
    expect(error.message).toBe(
      'neither UTF-8 nor GB18030 (invalid UTF-8 at byte 3): the file is corrupt or in another encoding (pass --encoding to choose one, e.g. --encoding big5)',
    );
  });

  it('refuses GBK with one stray 0xFF rather than printing Big5 mojibake (`# 珨﹜軞极錶`)', () => {
    const bytes = Buffer.concat([encodeWithPython('一、总体情况\n', 'gbk'), Buffer.from([0xff])]);
    expect(decodeError(() => decode(bytes)).code).toBe('DECODE');
  });

  it('holds Big5 to its byte structure, also when asked for', () => {
    const text = '中華人民共和國國務院政府工作報告。各位代表：現在，我代表國務院，向大會報告政府工作，請予審議。';
    const big5 = encodeWithPython(text, 'big5');
    expect(decode(big5, { encoding: 'big5' })).toMatchObject({ text, encoding: 'big5' });
    for (const stray of [0xff, 0x80]) {
      const damaged = Buffer.concat([big5, Buffer.from([stray])]);
      expect(decodeError(() => decode(damaged, { encoding: 'big5' })).code).toBe('DECODE');
      expect(decodeError(() => decode(damaged)).code).toBe('DECODE');
    }
  });

  it('uses Big5 only when chardet is confident: short traditional text reads as GB18030, which it also is', () => {
    // Two bytes per character in both: without confidence, the mainland encoding is the guess (and --encoding big5 the way out).
    const title = encodeWithPython('政府工作報告', 'big5');
    expect(decode(title).encoding).toBe('gb18030');
    expect(decode(title, { encoding: 'big5' }).text).toBe('政府工作報告');
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with the fatal TextDecoder on any bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) === -1).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('is -1 on any encoded string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => firstInvalidUtf8(Buffer.from(text, 'utf8')) === -1));
  });
});
