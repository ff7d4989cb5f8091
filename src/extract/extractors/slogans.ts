/** Numbered slogans (src/extract/slogans.ts) as an extractor: Slogan nodes, claims for the metric extractor. */
import { QUOTE_PAIRS } from '../../text/characters.js';
import { findSloganDetails, toSloganRecord, type SloganFinding } from '../slogans.js';
import type { QuoteSpan } from '../quotes.js';
import { NUMERAL_CHAR } from '../slogan-numerals.js';
import type { SloganRecord } from '../types.js';
import type { Extractor, RegionFindings } from './extractor.js';

/**
 * Quote marks a Slogan node takes in when the slogan fills its quotation (`“两个维护”`): the
 * quote pairs of the shared table but `＂`. A quotation opened or closed by `＂`, or opened by
 * a stray `”` (`组织”两个维护”`), which pairQuotes accepts, leaves its marks out of the node,
 * as it always did.
 */
const NODE_OPENING_QUOTES = new Set(QUOTE_PAIRS.filter((pair) => pair.open !== '＂').map((pair) => pair.open));
const NODE_CLOSING_QUOTES = new Set(QUOTE_PAIRS.filter((pair) => pair.close !== '＂').map((pair) => pair.close));

/** The span of a Slogan node: the slogan, with its quote marks when it fills its quotation. */
function sloganNodeSpan(text: string, slogan: SloganFinding): { start: number; end: number } {
  const start = slogan.offset;
  const end = start + slogan.length;
  const quote = slogan.quote;
  const withMarks =
    quote !== null &&
    quote.contentStart === start &&
    quote.contentEnd === end &&
    NODE_OPENING_QUOTES.has(text[quote.open]!) &&
    NODE_CLOSING_QUOTES.has(text[quote.close]!);
  return withMarks ? { start: quote.open, end: quote.close + 1 } : { start, end };
}

export const sloganExtractor: Extractor<SloganRecord[]> = {
  name: 'slogans',
  start() {
    const records: SloganRecord[] = [];
    // Formulas the report has quoted so far: a report quotes a local formula once and writes it
    // unquoted afterwards (2025 Ningxia: `“一河三山”` in a heading, `加快实施一河三山防洪…` later).
    const quotedSoFar = new Set<string>();
    return {
      region({ input, region, text, inSentence }): RegionFindings {
        const found = findSloganDetails(text, region.start);
        found.slogans = withRepeats(found.slogans, found.quotes, text, region.start, quotedSoFar);
        const findings: RegionFindings = { spans: [], warnings: found.warnings };
        for (const slogan of found.slogans) {
          if (!inSentence(slogan.offset)) continue; // inside debris
          records.push(toSloganRecord(slogan));
          findings.spans.push({
            type: 'Slogan',
            ...sloganNodeSpan(input, slogan),
            canonical: slogan.canonical,
            count: slogan.count,
            quoted: slogan.quoted,
            known: slogan.known,
          });
        }
        // Every slogan found is claimed, in debris too: its numbers are never metrics.
        findings.claims = found.slogans.map((slogan) => ({ start: slogan.offset, end: slogan.offset + slogan.length }));
        return findings;
      },
      finish: () => records,
    };
  },
};

/** A repeat is at least this long: `双拥` unquoted is left to the dictionary, never guessed. */
const SHORTEST_REPEAT = 3;
/**
 * A formula that may be found again unquoted: long enough, and more than a count + a measure word
 * (`“18条”` quoted names a policy, `18条措施` later is a count of its measures).
 */
function isRepeatable(formula: string): boolean {
  return formula.length >= SHORTEST_REPEAT && formula.replace(EVERY_NUMERAL_CHAR, '').length >= 2;
}
const EVERY_NUMERAL_CHAR = new RegExp(NUMERAL_CHAR.source, 'g');
/**
 * Formulas remembered per report: every region is searched for each, so the work is regions ×
 * formulas; a report quotes a few dozen (the 22 provincial reports of 2025: at most 63 distinct), and a
 * hostile input quoting thousands stays linear in its length.
 */
const MOST_REMEMBERED = 256;

/**
 * The region's findings plus the unquoted repeats of formulas quoted earlier in the report (or
 * earlier in this region); the region's own quoted formulas are remembered for later regions.
 */
function withRepeats(slogans: SloganFinding[], allQuotes: readonly QuoteSpan[], text: string, start: number, quotedSoFar: Set<string>): SloganFinding[] {
  const ownQuoted = slogans.filter((slogan) => slogan.origin === 'quoted' && isRepeatable(slogan.text));
  const known = [...quotedSoFar];
  for (const slogan of ownQuoted) if (!quotedSoFar.has(slogan.text) && known.length < MOST_REMEMBERED) known.push(slogan.text);
  if (known.length === 0) return slogans;
  const taken = slogans.map((slogan) => ({ start: slogan.offset - start, end: slogan.offset - start + slogan.length }));
  // Inside any quotation the formula is part of another name (`“天府森林四库”`), never a repeat.
  const quotes = allQuotes.map((quote) => ({ start: quote.open - start, end: quote.close - start + 1 }));
  const repeats: SloganFinding[] = [];
  for (const formula of known) {
    const firstQuoted = ownQuoted.find((slogan) => slogan.text === formula);
    // Only after the quoted occurrence: before it, the report has not named the formula yet.
    let from = quotedSoFar.has(formula) ? 0 : firstQuoted!.offset - start + formula.length;
    for (let at = text.indexOf(formula, from); at >= 0; at = text.indexOf(formula, from)) {
      from = at + formula.length;
      const end = at + formula.length;
      if (taken.some((span) => span.start < end && at < span.end) || quotes.some((span) => span.start <= at && end <= span.end)) continue;
      taken.push({ start: at, end });
      repeats.push({
        text: formula, canonical: formula, count: null, quoted: false, known: false, numbered: true,
        offset: start + at, length: formula.length, origin: 'repeat', entry: null, formKind: null, members: null, quote: null,
      });
    }
  }
  for (const slogan of ownQuoted) if (quotedSoFar.size < MOST_REMEMBERED) quotedSoFar.add(slogan.text);
  return repeats.length === 0 ? slogans : [...slogans, ...repeats].sort((a, b) => a.offset - b.offset);
}
