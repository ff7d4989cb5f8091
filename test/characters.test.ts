/**
 * The character classes every layer shares (src/text/characters.ts). The sets each module
 * derives from the quote and bracket table are pinned here: the extractors' output depends
 * on exactly these marks.
 */
import { describe, expect, it } from 'vitest';
import {
  CLOSERS,
  endsClauseAt,
  isBlank,
  isHan,
  isHanExtensionA,
  LATIN_LETTER,
  LATIN_WORD_CHAR,
  MARK_PAIRS,
  PAIRS,
  QUOTE_PAIRS,
  SPACE_RUN,
} from '../src/text/characters.js';
import { CLOSING_QUOTES, OPENING_QUOTES } from '../src/extract/quotes.js';

describe('quotes and brackets', () => {
  it('one table, each opening mark once', () => {
    const opens = MARK_PAIRS.map((pair) => pair.open);
    expect(new Set(opens).size).toBe(opens.length);
  });

  it('sentences are not split inside these pairs (no ASCII quote, no 〈〉)', () => {
    expect([...PAIRS]).toEqual([
      ['“', '”'],
      ['‘', '’'],
      ['「', '」'],
      ['『', '』'],
      ['《', '》'],
      ['（', '）'],
      ['(', ')'],
      ['【', '】'],
      ['〔', '〕'],
    ]);
    expect([...CLOSERS].join('')).toBe('”’」』》）)】〕');
  });

  it('quotations pair every quote of the table, ASCII and full-width ＂ included', () => {
    expect(QUOTE_PAIRS.map((pair) => pair.open + pair.close)).toEqual(['“”', '‘’', '「」', '『』', '""', '＂＂']);
    expect([...OPENING_QUOTES].join('')).toBe('“‘「『"＂');
    expect([...CLOSING_QUOTES].join('')).toBe('”’」』"＂');
  });
});

describe('white space', () => {
  it('SPACE_RUN takes \\s and the zero-width characters', () => {
    const run = new RegExp(`^${SPACE_RUN}$`);
    for (const space of [' ', '\t', '\n', '\r\n', '\u3000', '\u00a0', '\ufeff', '\u200b', '\u200d', '\u2060', '\u2002']) {
      expect(run.test(space)).toBe(true);
    }
    expect(run.test('')).toBe(false);
    expect(run.test(' 一 ')).toBe(false);
  });

  it('isBlank: only white space, or nothing', () => {
    expect(isBlank('')).toBe(true);
    expect(isBlank('\u3000\u200b\n')).toBe(true);
    expect(isBlank('\u3000一')).toBe(false);
  });
});

describe('clause ends after a number', () => {
  it('the end of the text, space, punctuation, a closing bracket or quote', () => {
    const text = '为x，为x。为x)为x”为x 为x';
    const ends = [2, 5, 8, 11, 14];
    for (const at of [...ends, text.length]) expect(endsClauseAt(text, at)).toBe(true);
    expect(endsClauseAt('增长x个', 3)).toBe(false);
  });
});

describe('letters', () => {
  it('isHan is the U+4E00–U+9FFF block; Extension A is apart', () => {
    expect([...'一龥中'].map((char) => isHan(char.charCodeAt(0)))).toEqual([true, true, true]);
    expect(isHan('〇'.charCodeAt(0))).toBe(false);
    expect(isHan('㐀'.charCodeAt(0))).toBe(false);
    expect(isHanExtensionA('㐀'.charCodeAt(0))).toBe(true);
  });

  it('Latin letters include accented ones; word characters add digits and _', () => {
    expect(['a', 'Z', 'ī', 'é'].every((char) => LATIN_LETTER.test(char))).toBe(true);
    expect(['1', '_', 'ｘ', '一'].some((char) => LATIN_LETTER.test(char))).toBe(false);
    expect(['a', '1', '_', 'ī'].every((char) => LATIN_WORD_CHAR.test(char))).toBe(true);
    expect(['１', 'ｘ', '-'].some((char) => LATIN_WORD_CHAR.test(char))).toBe(false);
  });
});
