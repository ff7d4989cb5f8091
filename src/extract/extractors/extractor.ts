/**
 * The one interface every extractor plugs in through. `analyze` hands each
 * extractor every region of the document (title, salutation, headings,
 * paragraphs) in document order; the extractor returns the inline spans it
 * wants in the tree and keeps its flat records, which `finish` hands back.
 *
 * A new extractor is a new file here and one line in `analyze`'s list: the
 * core (parse, tree builder) does not change.
 */
import type { Warning } from '../../diagnostics.js';
import type { TextRegion } from '../../tree/build.js';
import type { InlineSpan } from '../../tree/spans.js';

/** A [start, end) range of absolute offsets into the input. */
export interface Claim {
  start: number;
  end: number;
}

/** What an extractor is given for one region. */
export interface RegionInput {
  /** The whole input (offsets are into it). */
  input: string;
  region: TextRegion;
  /** `input.slice(region.start, region.end)`. */
  text: string;
  /** Whether an offset falls in one of the region's sentences (findings in debris between sentences are dropped). */
  inSentence(offset: number): boolean;
  /**
   * Spans earlier extractors of the list claimed in this region (slogans: `两个维护` is not a
   * count of 2). Later extractors leave numbers inside them alone.
   */
  claimed: readonly Claim[];
}

/** What an extractor returns for one region. */
export interface RegionFindings {
  /** Inline nodes for the tree, in the order they were found. */
  spans: InlineSpan[];
  /** Spans later extractors should leave alone. */
  claims?: Claim[];
  /** Warnings without positions: `analyze` adds line and column. */
  warnings?: Warning[];
}

/** One extraction over one document: regions in, records out. */
export interface ExtractorRun<Result> {
  region(input: RegionInput): RegionFindings;
  /** The records of the whole document, after the last region. */
  finish(): Result;
}

export interface Extractor<Result> {
  /** For diagnostics and the eval: `slogans`, `placeholders`, `metrics`. */
  readonly name: string;
  /** A fresh run for one document (extractors keep per-document state in their run). */
  start(input: string): ExtractorRun<Result>;
}
