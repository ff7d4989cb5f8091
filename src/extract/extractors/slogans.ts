/** Numbered slogans (src/extract/slogans.ts) as an extractor: Slogan nodes, claims for the metric extractor. */
import { QUOTE_PAIRS } from '../../text/characters.js';
import { findSloganDetails, toSloganRecord, type SloganFinding } from '../slogans.js';
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
    return {
      region({ input, region, text, inSentence }): RegionFindings {
        const found = findSloganDetails(text, region.start);
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
