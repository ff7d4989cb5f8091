/**
 * Numbered formulas in English text, found by their official renderings (dicts/slogans-en.yaml)
 * and reported under the Chinese canonical form. compromise does the normalisation: both the
 * rendering and the text are read into terms (hyphens and punctuation split off, case folded),
 * each term is reduced to its singular (`consciousnesses` → `consciousness`, `Upholds` →
 * `uphold`), and articles are skipped, so "the two upholds", "Two-Upholds" and "four
 * consciousnesses" all match.
 */
import { loadGlossary } from './glossary.js';
import { readEnglishText, singular, type NlpTerm } from './nlp.js';

/** A formula found in English text. */
export interface EnglishFormulaMatch {
  canonical: string;
  count: number | null;
  /** The glossary rendering it matched: `Two Upholds`. */
  rendering: string;
  /** Offsets of the first and past the last matched term. */
  start: number;
  end: number;
}

interface Pattern {
  canonical: string;
  count: number | null;
  rendering: string;
  keys: string[];
}

const ARTICLES = new Set(['the', 'a', 'an']);

let patternsByFirstKey: Map<string, Pattern[]> | undefined;

/** The matching key of a term: its normal form, singular; '' for articles (skipped). */
export function termKey(term: Pick<NlpTerm, 'normal'>): string {
  const normal = term.normal.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (normal === '' || ARTICLES.has(normal)) return '';
  return singular(normal);
}

/** The keys of a phrase, articles left out: `the Two Upholds` → [two, uphold]. */
export function phraseKeys(phrase: string): string[] {
  return readEnglishText(phrase)
    .sentences.flatMap((sentence) => sentence.terms)
    .map(termKey)
    .filter((key) => key !== '');
}

function patterns(): Map<string, Pattern[]> {
  if (patternsByFirstKey === undefined) {
    patternsByFirstKey = new Map();
    for (const entry of loadGlossary().entries) {
      for (const rendering of entry.renderings) {
        const keys = phraseKeys(rendering.text);
        if (keys.length === 0) continue;
        const list = patternsByFirstKey.get(keys[0]!) ?? [];
        list.push({ canonical: entry.canonical, count: entry.count, rendering: rendering.text, keys });
        patternsByFirstKey.set(keys[0]!, list);
      }
    }
    // Longest first, so that "Three Stricts and Three Earnests" wins over a shorter rendering.
    for (const list of patternsByFirstKey.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  }
  return patternsByFirstKey;
}

/** The formulas among a sentence's terms, left to right, longest match first, not overlapping. */
export function findEnglishFormulas(terms: readonly NlpTerm[]): EnglishFormulaMatch[] {
  const keys = terms.map(termKey);
  const table = patterns();
  const found: EnglishFormulaMatch[] = [];
  let i = 0;
  while (i < terms.length) {
    const candidates = keys[i] === '' ? undefined : table.get(keys[i]!);
    let matched: { pattern: Pattern; last: number } | undefined;
    for (const pattern of candidates ?? []) {
      const last = matchAt(keys, i, pattern.keys);
      if (last !== -1) {
        matched = { pattern, last };
        break;
      }
    }
    if (matched === undefined) {
      i++;
      continue;
    }
    const { pattern, last } = matched;
    found.push({ canonical: pattern.canonical, count: pattern.count, rendering: pattern.rendering, start: terms[i]!.start, end: terms[last]!.end });
    i = last + 1;
  }
  return found;
}

/** Index of the last term of `wanted` matched from `from` (articles in the text skipped), or -1. */
function matchAt(keys: readonly string[], from: number, wanted: readonly string[]): number {
  let at = from;
  for (let k = 0; k < wanted.length; k++) {
    while (at < keys.length && keys[at] === '' && k > 0) at++;
    if (at >= keys.length || keys[at] !== wanted[k]) return -1;
    if (k < wanted.length - 1) at++;
  }
  return at;
}
