/**
 * The corpus layer's contract: a corpus is a stream of analysed documents,
 * and every analysis turns one into a tidy table (plain records), which the
 * CLI writes as CSV, JSON or an aligned terminal table, and, where a chart
 * says more, a chart spec. One file per analysis under `src/corpus/analyses/`.
 */
import type { AnalysisJson } from '../extract/types.js';
import type { OptionSpecs } from '../cli/command.js';
import type { SegmenterChoice } from '../segment/segmenter.js';
import type { TokenStore } from './token-store.js';

/** One report of the corpus, as `gongwen extract` wrote it (documents.jsonl) or as analysed from raw input. */
export interface CorpusDocument {
  /** `path`, or `file.jsonl#line`: the id `gongwen extract` gives. */
  id: string;
  /** The input's own fields (year, title, url, region…) with `year`, `docType`, `title` filled from the analysis when absent. */
  metadata: Record<string, unknown>;
  /** What `analyzeJson` returns for the report. */
  analysis: AnalysisJson;
  /** The decoded text of the report, read on demand (documents.jsonl does not hold it). */
  text(): Promise<string>;
  /** contentHash of the text, when known without reading it (a record of gongwen extract): the key of its stored words. */
  hash?: string;
}

/** A stream of documents; every call of `documents()` is a new pass, in the corpus order. */
export interface Corpus {
  documents(): AsyncIterable<CorpusDocument>;
  /**
   * Where the analyses that count words keep each report's words (token-store.ts), for a
   * segmenter: openCorpus's is in its cache folder. Without one, words are kept in memory only.
   */
  tokenStore?(segmenter: SegmenterChoice): TokenStore;
}

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** A tidy table: one record per row, the columns in order. */
export interface Table<R extends Row = Row> {
  columns: Array<keyof R & string>;
  rows: R[];
  /** What a reader of the table must know (documents that could not count, a field absent everywhere); the CLI prints them on stderr. */
  notes?: string[];
}

/**
 * One analysis of `gongwen corpus <name>` and of the `gongwen/corpus` API.
 * `options` are its own CLI flags (parseArgs form); `fromFlags` turns their values into `Options`.
 */
export interface CorpusAnalysis<Options, R extends Row = Row> {
  name: string;
  /** One or two lines for `gongwen corpus --help`. */
  usage: string;
  options: OptionSpecs;
  fromFlags(values: Record<string, unknown>, positionals: string[]): Options;
  run(corpus: Corpus, options: Options): Promise<Table<R>>;
  /** A vega-lite spec drawing the table, when a chart says more than the table. */
  chart?(table: Table<R>, options: Options): Record<string, unknown> | null;
}
