/**
 * Heading markers of English reports as the official translations number them:
 * `I.` `II.` (Roman), `1.` (Arabic), `(1)` and `(a)`. The depth is not fixed by the style:
 * it comes from the nesting the document shows (see `HeadingNesting`).
 */
export type EnglishHeadingStyle = 'roman' | 'arabic' | 'paren-arabic' | 'paren-latin';

export interface EnglishMarker {
  /** As written: `IV.`, `(2)`. */
  raw: string;
  style: EnglishHeadingStyle;
  ordinal: number;
  /** Length of the marker and the spaces after it. */
  length: number;
}

const ROMAN = /^([IVX]{1,6})\.[ \t\u00a0]+(?=\S)/;
const ARABIC = /^(\d{1,2})\.[ \t\u00a0]+(?=\S)/;
const PAREN_ARABIC = /^\((\d{1,2})\)[ \t\u00a0]*(?=\S)/;
const PAREN_LATIN = /^\(([a-z])\)[ \t\u00a0]*(?=\S)/;

/** The heading marker opening `line` (leading spaces already removed), or null. */
export function headingMarker(line: string): EnglishMarker | null {
  const roman = ROMAN.exec(line);
  if (roman) {
    const ordinal = romanValue(roman[1]!);
    if (ordinal !== null) return marker(roman[0], `${roman[1]}.`, 'roman', ordinal);
  }
  const arabic = ARABIC.exec(line);
  if (arabic && Number(arabic[1]) > 0) return marker(arabic[0], `${arabic[1]}.`, 'arabic', Number(arabic[1]));
  const parenArabic = PAREN_ARABIC.exec(line);
  if (parenArabic && Number(parenArabic[1]) > 0) return marker(parenArabic[0], `(${parenArabic[1]})`, 'paren-arabic', Number(parenArabic[1]));
  const parenLatin = PAREN_LATIN.exec(line);
  if (parenLatin) return marker(parenLatin[0], `(${parenLatin[1]})`, 'paren-latin', parenLatin[1]!.charCodeAt(0) - 96);
  return null;
}

function marker(matched: string, raw: string, style: EnglishHeadingStyle, ordinal: number): EnglishMarker {
  return { raw, style, ordinal, length: matched.length };
}

const ROMAN_DIGITS: Record<string, number> = { I: 1, V: 5, X: 10 };

/** I–XXXIX in canonical form, else null (`IIII`, `VX` are not numerals). */
export function romanValue(numeral: string): number | null {
  let value = 0;
  for (let i = 0; i < numeral.length; i++) {
    const digit = ROMAN_DIGITS[numeral[i]!]!;
    const next = ROMAN_DIGITS[numeral[i + 1] ?? ''] ?? 0;
    value += digit < next ? -digit : digit;
  }
  return value > 0 && value < 40 && toRoman(value) === numeral ? value : null;
}

function toRoman(value: number): string {
  const tens = 'X'.repeat(Math.floor(value / 10));
  const units = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'][value % 10]!;
  return tens + units;
}

/**
 * Depth from the order in which styles appear: the first style seen is level 1, a new
 * style opens the next level, and a style seen before closes the levels below it.
 */
export class HeadingNesting {
  private readonly open: EnglishHeadingStyle[] = [];

  depthOf(style: EnglishHeadingStyle): number {
    const at = this.open.indexOf(style);
    if (at >= 0) this.open.length = at + 1;
    else this.open.push(style);
    return this.open.length;
  }
}
