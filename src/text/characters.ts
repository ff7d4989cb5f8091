/** Character classes shared by every layer. */

// ------------------------------------------------------------------ white space

/**
 * Indentation and invisible characters: ASCII space and tab, U+3000 (ideographic
 * space, the usual indent of Chinese reports), U+00A0, every other Unicode space
 * (U+1680, U+2000–U+200A: EN and EM SPACE indent some Word files, U+202F, U+205F), and
 * zero-width characters (U+200B–U+200D, U+2060, U+FEFF) that scraped archives leave on
 * otherwise empty lines. No line ends: what may stand between a line's start and its text.
 */
export const SPACE_CLASS = '[ \\t\\u3000\\u00a0\\u1680\\u2000-\\u200d\\u202f\\u205f\\u2060\\ufeff\\f\\v]';

/**
 * White space of any kind, line ends included: `\s` (which holds U+3000, U+00A0 and
 * U+FEFF, the line ends and the other Unicode spaces) and the zero-width characters
 * U+200B–U+200D and U+2060 (which `\s` lacks). A regex source: one or more of them.
 */
export const SPACE_RUN = '[\\s\\u3000\\u00a0\\u200b-\\u200d\\u2060\\ufeff]+';
const BLANK_RE = new RegExp(`^(?:${SPACE_RUN})?$`);
/** One character of SPACE_RUN. */
const SPACE_RUN_CHARACTER = new RegExp(`^${SPACE_RUN.slice(0, -1)}$`);

const SPACE_RUNS = new RegExp(SPACE_RUN, 'g');

/** `text` with every run of SPACE_RUN taken out: what counts as its characters (zero-width spaces do not). */
export function removeSpaceRuns(text: string): string {
  return text.replace(SPACE_RUNS, '');
}

/** Whether `character` (one UTF-16 code unit) is white space of any kind, as SPACE_RUN reads it. */
export function isSpaceRunCharacter(character: string): boolean {
  return SPACE_RUN_CHARACTER.test(character);
}

/**
 * `text` without the runs of SPACE_RUN at its two ends. A loop, not
 * `replace(/^\s+|\s+$/g)`: an unanchored `\s+$` retries at every space of a long
 * inner run, quadratic in its length (`一、标题` + 200,000 spaces + `x`: a minute).
 */
export function trimSpaceRuns(text: string): string {
  let from = 0;
  while (from < text.length && isSpaceRunCharacter(text[from]!)) from++;
  let to = text.length;
  while (to > from && isSpaceRunCharacter(text[to - 1]!)) to--;
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

/** Only spaces, invisible characters and line ends. */
export function isBlank(text: string): boolean {
  return BLANK_RE.test(text);
}

// ------------------------------------------------------------------ sentence and clause ends

/** Sentence-ending punctuation (full-width, as reports use it). */
export const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?']);
/** Heading text ends at the first of these (SPEC §2); `；` does not end a heading. */
export const HEADING_END = new Set(['。', '！', '？']);

/**
 * After a number (or a template blank), what says it ends its clause: the end of the text,
 * white space (`\s`), clause or sentence punctuation, a closing bracket or quote. Only a
 * number ending its clause may stand without a unit after a rate or a change:
 * `整改率为***，`, `同比增长x.x。`, `减少1000万以上；`.
 */
const CLAUSE_END_AFTER = /^(?:$|[\s，。；：、！？,.;:!?）)”"])/;

/** Whether the character at `index` of `text` (or the end of `text`) ends a clause, as CLAUSE_END_AFTER says. */
export function endsClauseAt(text: string, index: number): boolean {
  return CLAUSE_END_AFTER.test(text.slice(index, index + 1));
}

// ------------------------------------------------------------------ quotes and brackets

/** What a pair of marks encloses: a quotation, a title (`《…》`), an aside. */
export type MarkKind = 'quote' | 'title' | 'bracket';

export interface MarkPair {
  open: string;
  close: string;
  kind: MarkKind;
}

/**
 * Every quote and bracket pair reports write, in one table. Each module picks the pairs
 * it cares about from here and says why in a comment where it does:
 *
 * - sentence splitting and tree building: `PAIRS` below;
 * - quotation spans for slogans (extract/quotes.ts): every `quote` pair;
 * - numbers that are names, not metrics (extract/metrics.ts): some quotes and the titles;
 * - the quote marks a Slogan node takes in (analyze.ts).
 *
 * ASCII `"` and full-width `＂` open and close with the same mark, so that a module pairing
 * them needs a rule of its own (sentences.ts, quotes.ts).
 */
export const MARK_PAIRS: readonly MarkPair[] = [
  { open: '“', close: '”', kind: 'quote' },
  { open: '‘', close: '’', kind: 'quote' },
  { open: '「', close: '」', kind: 'quote' },
  { open: '『', close: '』', kind: 'quote' },
  { open: '"', close: '"', kind: 'quote' },
  { open: '＂', close: '＂', kind: 'quote' },
  { open: '《', close: '》', kind: 'title' },
  { open: '〈', close: '〉', kind: 'title' },
  { open: '（', close: '）', kind: 'bracket' },
  { open: '(', close: ')', kind: 'bracket' },
  { open: '【', close: '】', kind: 'bracket' },
  { open: '〔', close: '〕', kind: 'bracket' },
];

/** The `quote` rows of MARK_PAIRS: `“”`, `‘’`, `「」`, `『』`, `"`, `＂`. */
export const QUOTE_PAIRS: readonly MarkPair[] = MARK_PAIRS.filter((pair) => pair.kind === 'quote');

/**
 * Opening → closing quotes and brackets that a sentence may not be split inside (and that
 * tree building keeps together): the pairs of MARK_PAIRS whose two marks differ. Not `"` and
 * `＂`: sentences.ts pairs `"` by a rule of its own and reads `＂` as plain text. Not `〈〉`:
 * sentence splitting never knew it, and its output is kept as it was.
 */
export const PAIRS: ReadonlyMap<string, string> = new Map(
  MARK_PAIRS.filter((pair) => pair.open !== pair.close && pair.open !== '〈').map((pair) => [pair.open, pair.close]),
);
export const CLOSERS = new Set(PAIRS.values());

// ------------------------------------------------------------------ letters and digits

/**
 * Han characters, two definitions. Callers keep the one they were written with, since
 * they disagree on rare characters and changing either would change output:
 *
 * - `HAN` / `isHan`: the CJK Unified Ideographs block, U+4E00–U+9FFF, which holds the
 *   characters of ordinary report text; what the metric, placeholder and token rules test.
 * - `HAN_SCRIPT`: Unicode's Script=Han (a `u`-flag regex source), which adds Extension A
 *   (U+3400–U+4DBF) and the astral extensions, the compatibility ideographs, the radicals,
 *   `〇` (U+3007) and `々` (U+3005); what list summaries test (extract/list-summaries.ts).
 */
export const HAN = '\\u4e00-\\u9fff';
export const HAN_SCRIPT = '\\p{Script=Han}';

/** Whether the UTF-16 code `code` is in HAN (U+4E00–U+9FFF). */
export function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** Whether `code` is in CJK Extension A (U+3400–U+4DBF): rare characters, outside HAN. */
export function isHanExtensionA(code: number): boolean {
  return code >= 0x3400 && code <= 0x4dbf;
}

/**
 * Latin letters, accented ones included (U+00C0–U+024F: `ī` in `ｘī＠②铜片`, OCR debris
 * in the 1950s reports). A character class body, for callers that add to it.
 */
export const LATIN_LETTERS = 'A-Za-z\\u00c0-\\u024f';
export const LATIN_LETTER = new RegExp(`[${LATIN_LETTERS}]`);
/** A character of a Latin word or code: a letter, an ASCII digit or `_` (`x86`, `dadawk01`, `PM2.5`). */
export const LATIN_WORD_CHAR = new RegExp(`[${LATIN_LETTERS}0-9_]`);

/** Arabic digits, half- and full-width. */
export const ARABIC_DIGITS = '0123456789０１２３４５６７８９';

/**
 * A lookup table of char codes: `table[text.charCodeAt(i)] === 1` for the characters of
 * `chars` (BMP only). Hot loops test it instead of a regex character class, `text[i]` in a
 * string or a Set: no one-character string per position.
 */
export function charCodeTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}
