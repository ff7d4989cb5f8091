import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decode, firstInvalidUtf8, normalizeEncoding } from '../../src/archive/decode.js';
import { contentHash } from '../../src/archive/hash.js';
import { GongwenError } from '../../src/diagnostics.js';
import { BINARY_FILE_SHARE, SUSPICIOUS_TEXT_SHARE, isControlCharacter } from '../../src/text/control.js';
import { checkInput } from '../../src/text/input-checks.js';
import { encodeWithPython, utf16 } from '../helpers/archive-files.js';
import { readSeed } from '../helpers/fixtures.js';

/** The seed the brief names. */
const seed = readSeed('002_a41be418d54fa817.txt');
/** The seed with U+00A0, which GBK cannot encode: GB18030 can. */
const seedWithNbsp = readSeed('001_57d06ec813a5cf50.txt');

function decodeError(run: () => unknown): GongwenError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GongwenError);
    return error as GongwenError;
  }
  throw new Error('expected a GongwenError');
}

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

  it('hints at UTF-16 without a BOM', () => {
    const error = decodeError(() => decode(Buffer.from('abc 报告 def', 'utf16le')));
    expect(error.code).toBe('BINARY');
    expect(error.message).toContain('--encoding utf-16le');
    expect(decode(Buffer.from('abc 报告 def', 'utf16le'), { encoding: 'utf-16le' }).text).toBe('abc 报告 def');
  });

  it('reports NUL characters in UTF-16 as BINARY', () => {
    expect(decodeError(() => decode(utf16('a\0b', 'le'))).code).toBe('BINARY');
  });

  it('decodes empty input as empty UTF-8 text', () => {
    expect(decode(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', warnings: [] });
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
