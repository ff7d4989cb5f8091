/**
 * Numbered slogans (数字化提法, SPEC §4) in one paragraph of a report.
 *
 * Three kinds are found, in one pass each over the paragraph:
 *
 * 1. dictionary forms (dicts/slogans.yaml), quoted or not, anywhere in the text, leftmost
 *    and longest first, through a character trie built once from the dictionary (below);
 * 2. quoted phrases (quotes.ts) that start with a numeral and are at most 12 characters long,
 *    unless they are a measure, a date or ordinal, an idiom or a plain term, and templates
 *    whose numeral is a placeholder (`“X+X”方案`, `“X个一”工作方案`): quoted-phrases.ts;
 * 3. unquoted summaries of a list just written, `公平、公开、公正、公认四项要求`: list-summaries.ts.
 *
 * Offsets are absolute: the caller passes the paragraph and where it starts in the input.
 */
import { englishRendering } from '../english/glossary.js';
import type { Warning } from '../diagnostics.js';
import type { SloganRecord } from './types.js';
import { loadSloganDictionary, type SloganDictionary, type SloganEntry, type SloganFormKind } from './slogan-dictionary.js';
import { findListSummaries } from './list-summaries.js';
import { isCodeBeforeProgramNoun, isHotline, judgeQuotedPhrase, MAX_LONG_QUOTED_FORMULA_LENGTH } from './quoted-phrases.js';
import { findNamedSets } from './named-sets.js';
import { pairQuotes, type QuoteSpan } from './quotes.js';
import { NUMERAL_CHAR, ORDINAL_RUN } from './slogan-numerals.js';
import { lastAtOrBefore } from '../text/search.js';

/** How a slogan was recognised. */
export type SloganOrigin = 'dictionary' | 'quoted' | 'template' | 'list-summary' | 'named-set' | 'repeat';

/** A slogan with what the detector knows beyond the public record. */
export interface SloganFinding extends Omit<SloganRecord, 'english'> {
  origin: SloganOrigin;
  /** The dictionary entry, for dictionary forms. */
  entry: SloganEntry | null;
  /** How the written form relates to the entry (a variant or wrong form gets a warning). */
  formKind: SloganFormKind | null;
  /** For a list summary, the items of the list it sums up (`公平`, `公开`, …). */
  members: string[] | null;
  /**
   * The quotation holding the slogan, in absolute offsets (like `offset`); null when the
   * slogan is not quoted. It may hold more than the slogan: `“坚持两个维护”`.
   */
  quote: QuoteSpan | null;
}

export interface SloganFindings {
  slogans: SloganFinding[];
  warnings: Warning[];
  /** Every quotation of the text, slogan or not, in absolute offsets. */
  quotes: QuoteSpan[];
}

/** The public records and warnings of a paragraph that starts at `offset` in the input. */
export function findSlogans(text: string, offset: number): { slogans: SloganRecord[]; warnings: Warning[] } {
  const { slogans, warnings } = findSloganDetails(text, offset);
  return { slogans: slogans.map(toSloganRecord), warnings };
}

/** Like `findSlogans`, with each finding's origin, dictionary entry, list members and quotation. */
export function findSloganDetails(text: string, offset: number): SloganFindings {
  const matcher = getMatcher();
  const quotes = pairQuotes(text);
  const slogans: SloganFinding[] = [];
  const warnings: Warning[] = [];

  const dictionaryMatches = matcher.scan(text);
  for (const match of dictionaryMatches) {
    const quote = lastAtOrBefore(quotes, match.start, contentStartOf);
    const quoted = quote !== undefined && match.end <= quote.contentEnd;
    const written = text.slice(match.start, match.end);
    slogans.push({
      text: written,
      canonical: match.entry.canonical,
      count: match.entry.count,
      quoted,
      known: true,
      numbered: NUMERAL_CHAR.test(match.entry.canonical),
      offset: offset + match.start,
      length: match.end - match.start,
      origin: 'dictionary',
      entry: match.entry,
      formKind: match.kind,
      members: null,
      quote: quoted ? shifted(quote, offset) : null,
    });
    if (match.kind === 'variant' || match.kind === 'wrong') {
      const relation = match.kind === 'wrong' ? 'a wrong form' : 'a variant';
      warnings.push(warning('slogan-variant', `“${written}” is ${relation} of the slogan “${match.entry.canonical}”.`, offset + match.start));
    }
  }

  // Matches do not overlap: the last one starting before `end` is the one that may reach past `start`.
  const overlapsDictionary = (start: number, end: number) =>
    (lastAtOrBefore(dictionaryMatches, end - 1, startOf)?.end ?? -1) > start;

  for (const quote of quotes) {
    // A footnote mark closing the quoted name is no part of it: `“五张清单［3］”` (Hainan 2025).
    const raw = text.slice(quote.contentStart, quote.contentEnd).replace(FOOTNOTE_MARK_AT_END, '');
    // Spaces just inside the quotes are not part of the slogan: `“ 双拥 ”`.
    const leading = raw.length - raw.trimStart().length;
    const content = raw.trim();
    const start = quote.contentStart + leading;
    const end = start + content.length;
    // Counted in characters; only a long quote needs counting (UTF-16 units ≥ characters).
    if (content === '' || (content.length > MAX_LONG_QUOTED_FORMULA_LENGTH && [...content].length > MAX_LONG_QUOTED_FORMULA_LENGTH)) continue;
    // `“三会一课”`, `“两新组织”`: the dictionary already reported the slogan inside.
    if (overlapsDictionary(start, end)) continue;
    let verdict = judgeQuotedPhrase(content);
    // `“1269”行动计划`, `“5411”思路`: a quoted digit code named by the noun after the quote.
    const after = text.slice(quote.close + 1, quote.close + 13);
    if (isHotline(content, after)) continue;
    if (verdict.kind === 'not-a-slogan' && isCodeBeforeProgramNoun(content, after)) verdict = { kind: 'slogan', count: null };
    if (verdict.kind === 'not-a-slogan') continue;
    slogans.push({
      text: content,
      canonical: content,
      count: verdict.count,
      quoted: true,
      known: false,
      numbered: true,
      offset: offset + start,
      length: content.length,
      origin: verdict.kind === 'template' ? 'template' : 'quoted',
      entry: null,
      formKind: null,
      members: null,
      quote: shifted(quote, offset),
    });
  }

  for (const summary of findListSummaries(text, quotes, dictionaryMatches)) {
    slogans.push({
      text: summary.text,
      canonical: summary.text,
      count: summary.count,
      quoted: false,
      known: false,
      numbered: true,
      offset: offset + summary.start,
      length: summary.text.length,
      origin: 'list-summary',
      entry: null,
      formKind: null,
      members: summary.items,
      quote: null,
    });
    if (summary.count !== summary.size) {
      const what = summary.size === summary.items.length ? 'items' : 'characters';
      warnings.push(
        warning(
          'slogan-count-mismatch',
          `“${summary.text}” says ${summary.count} but sums up ${summary.size} ${what} (${summary.items.join('、')}).`,
          offset + summary.start,
        ),
      );
    }
  }

  // Unquoted named sets, `碳达峰十大行动`, `3大标志性工程`, where nothing above found a slogan.
  const taken = slogans.map((slogan) => ({ start: slogan.offset - offset, end: slogan.offset - offset + slogan.length }));
  for (const set of findNamedSets(text)) {
    if (taken.some((span) => span.start < set.end && set.start < span.end)) continue;
    if (quotes.some((quote) => quote.contentStart <= set.start && set.end <= quote.contentEnd)) continue;
    slogans.push({
      text: set.text,
      canonical: set.text,
      count: set.count,
      quoted: false,
      known: false,
      numbered: true,
      offset: offset + set.start,
      length: set.text.length,
      origin: 'named-set',
      entry: null,
      formKind: null,
      members: null,
      quote: null,
    });
  }

  slogans.sort((a, b) => a.offset - b.offset);
  warnings.sort((a, b) => a.offset - b.offset);
  return { slogans, warnings, quotes: offset === 0 ? quotes : quotes.map((quote) => shifted(quote, offset)) };
}

const contentStartOf = (quote: QuoteSpan) => quote.contentStart;
/** `［3］`, `[12]`, `〔4〕` at the end of a quote's content. */
const FOOTNOTE_MARK_AT_END = /[［\[〔][0-9０-９]{1,3}[］\]〕]$/;
const startOf = (match: DictionaryMatch) => match.start;

/** The public record of a finding: what `findSlogans` gives. */
export function toSloganRecord(finding: SloganFinding): SloganRecord {
  const { text, canonical, count, quoted, known, numbered, offset, length } = finding;
  return { text, canonical, count, quoted, known, numbered, offset, length, english: known ? englishRendering(canonical) : null };
}

function shifted(quote: QuoteSpan, offset: number): QuoteSpan {
  return {
    open: offset + quote.open,
    close: offset + quote.close,
    contentStart: offset + quote.contentStart,
    contentEnd: offset + quote.contentEnd,
  };
}

function warning(rule: Warning['rule'], message: string, offset: number): Warning {
  return { rule, message, offset, source: 'gongwen' };
}

// ------------------------------------------------------------------ the dictionary matcher

interface DictionaryForm {
  spelling: string;
  /** The char code of the spelling's second character, -1 for a one-character spelling. */
  second: number;
  entry: SloganEntry;
  kind: SloganFormKind;
}

interface DictionaryMatch {
  start: number;
  end: number;
  entry: SloganEntry;
  kind: SloganFormKind;
}

interface Matcher {
  scan(text: string): DictionaryMatch[];
}

let matcher: Matcher | undefined;

function getMatcher(): Matcher {
  matcher ??= buildMatcher(loadSloganDictionary());
  return matcher;
}

/**
 * Built once per dictionary: every form (with and without each `、`), grouped by its first
 * char code, longest first. The scan only stops at characters that start a form; there the
 * first spelling the text starts with is the longest form at that position.
 */
function buildMatcher(dictionary: SloganDictionary): Matcher {
  // One form per spelling, the last listed winning (as a trie built in order would have it).
  const bySpelling = new Map<string, DictionaryForm>();
  for (const form of dictionary.forms) {
    for (const spelling of spellingsOf(form.text)) {
      // A spelling with a character outside the BMP was never matched (it was compared
      // code point to UTF-16 unit): keep it out.
      if (spelling === '' || [...spelling].length !== spelling.length) continue;
      const second = spelling.length > 1 ? spelling.charCodeAt(1) : -1;
      bySpelling.set(spelling, { spelling, second, entry: form.entry, kind: form.kind });
    }
  }
  // bucketOf[code] is 1 + the index in `buckets` of the forms starting with that char code, else 0.
  const bucketOf = new Uint16Array(0x10000);
  const buckets: DictionaryForm[][] = [];
  for (const form of bySpelling.values()) {
    const code = form.spelling.charCodeAt(0);
    if (bucketOf[code] === 0) bucketOf[code] = buckets.push([]);
    buckets[bucketOf[code]! - 1]!.push(form);
  }
  for (const bucket of buckets) bucket.sort((a, b) => b.spelling.length - a.spelling.length);
  // Second characters of the spellings: most candidate starts (the 一 of `进一步`, the 中 of
  // `中国`) are followed by none of them. Unusable if a spelling is one character long.
  const seconds = new Uint8Array(0x10000);
  let oneCharacterSpelling = false;
  for (const form of bySpelling.values()) {
    if (form.second === -1) oneCharacterSpelling = true;
    else seconds[form.second] = 1;
  }

  return {
    scan(text) {
      const matches: DictionaryMatch[] = [];
      let index = 0;
      while (index < text.length) {
        const bucket = bucketOf[text.charCodeAt(index)]!;
        if (bucket !== 0 && (oneCharacterSpelling || seconds[text.charCodeAt(index + 1)] === 1)) {
          const found = longestFormAt(buckets[bucket - 1]!, text, index);
          if (found !== null && isSloganPosition(text, index, found)) {
            matches.push({ start: index, end: index + found.spelling.length, entry: found.entry, kind: found.kind });
            index += found.spelling.length;
            continue;
          }
        }
        index += 1;
      }
      return matches;
    },
  };
}

/** `一个中心、两个基本点` is also written `一个中心两个基本点`: each `、` is optional. */
function spellingsOf(form: string): string[] {
  const parts = form.split('、');
  let spellings = [parts[0] ?? ''];
  for (const part of parts.slice(1)) spellings = spellings.flatMap((head) => [`${head}、${part}`, `${head}${part}`]);
  return spellings;
}

/** The longest of `forms` (sorted longest first) written at `start`, or null. */
function longestFormAt(forms: readonly DictionaryForm[], text: string, start: number): DictionaryForm | null {
  // Most positions fail at the second character (`一` of `进一步`): compare it first.
  const second = text.charCodeAt(start + 1);
  for (const form of forms) {
    if ((form.second === second || form.second === -1) && text.startsWith(form.spelling, start)) return form;
  }
  return null;
}

function isSloganPosition(text: string, start: number, found: DictionaryForm): boolean {
  // `第四种形态处置***人次`: an ordinal, not the slogan 四种形态.
  if (ORDINAL_RUN.test(text.slice(Math.max(0, start - 12), start))) return false;
  // Part of a larger number: `十四个坚持` is not 四个…, `2两会` is noise.
  if (NUMERAL_CHAR.test(text[start - 1] ?? '')) return false;
  // `三资企业` is another word than the rural 三资.
  const end = start + found.spelling.length;
  if (found.entry.notPrecededBy.some((word) => text.endsWith(word, start))) return false;
  return !found.entry.notFollowedBy.some((word) => text.startsWith(word, end));
}
