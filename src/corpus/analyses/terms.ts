/**
 * `terms`: the most distinctive words of each report, or of each group of
 * reports (`--group year`: the reports of one year are one document), by
 * TF-IDF as natural's `TfIdf` computes it: tf = the word's count in the
 * document, idf = 1 + ln(N / (1 + documents holding it)). Words are the
 * segmenter's, without stop words, punctuation and numbers (text/words.ts).
 * natural is loaded from its submodule (text/natural.ts), never its root.
 * One pass: each report is segmented once.
 */
import type { Corpus, CorpusAnalysis, CorpusDocument, Row, Table } from '../types.js';
import { GongwenError } from '../../diagnostics.js';
import type { SegmenterName } from '../../segment/segmenter.js';
import { numberFlag, stringFlag } from '../text/flag-values.js';
import { loadTfIdf } from '../text/natural.js';
import { forEachWord, type WordOptions } from '../text/words.js';

export interface TermsOptions extends WordOptions {
  /** The group of a report (its TF-IDF document); null leaves the report out. Default: each report alone, by id. */
  group?: (document: CorpusDocument) => string | null;
  /** Terms per document or group (default 10). */
  top?: number;
}

export interface TermsRow extends Row {
  /** The report's id, or the group's value with `group`. */
  group: string;
  /** 1 for the most distinctive term. */
  rank: number;
  term: string;
  /** Occurrences in the document or group. */
  tf: number;
  idf: number;
  tfidf: number;
}

const COLUMNS: Array<keyof TermsRow & string> = ['group', 'rank', 'term', 'tf', 'idf', 'tfidf'];
const round = (value: number): number => Math.round(value * 10_000) / 10_000;

export async function terms(corpus: Corpus, options: TermsOptions = {}): Promise<Table<TermsRow>> {
  const top = options.top ?? 10;
  if (!(Number.isInteger(top) && top >= 1)) throw new GongwenError('USAGE', 'terms: top must be a positive integer.');
  const groupOf = options.group ?? ((document: CorpusDocument) => document.id);
  // Counts per group, in first-seen group order, as the term → count records natural's TfIdf
  // stores (it takes a pre-counted document as is). Word lists would cost ~30 bytes a word;
  // one shared string per distinct word (`vocabulary`) keeps the keys from being copied per report.
  const groups = new Map<string, Record<string, number>>();
  const vocabulary = new Map<string, string>();
  for await (const document of corpus.documents()) {
    const group = groupOf(document);
    if (group === null) continue;
    let counts = groups.get(group);
    if (!counts) groups.set(group, (counts = Object.create(null) as Record<string, number>));
    const into = counts;
    forEachWord(
      await document.text(),
      (word) => {
        let shared = vocabulary.get(word);
        if (shared === undefined) vocabulary.set(word, (shared = word));
        into[shared] = (into[shared] ?? 0) + 1;
      },
      options,
    );
  }

  const TfIdf = loadTfIdf();
  const tfidf = new TfIdf();
  const keys = [...groups.keys()];
  for (const key of keys) {
    const counts = groups.get(key)!;
    counts.__key = key as unknown as number; // natural's own slot for the document's key
    tfidf.addDocument(counts, key);
  }
  groups.clear();
  const rows: TermsRow[] = [];
  keys.forEach((key, index) => {
    const listed = tfidf.listTerms(index);
    // natural sorts by tf-idf only; ties (common in short documents) by term, for a stable output.
    listed.sort((a, b) => b.tfidf - a.tfidf || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    listed.slice(0, top).forEach((term, rank) => {
      rows.push({ group: key, rank: rank + 1, term: term.term, tf: term.tf, idf: round(term.idf), tfidf: round(term.tfidf) });
    });
  });
  return { columns: COLUMNS, rows };
}

const SEGMENTERS: readonly SegmenterName[] = ['nodejieba', 'node-rs-jieba'];

export const termsAnalysis: CorpusAnalysis<TermsOptions, TermsRow> = {
  name: 'terms',
  usage:
    'terms [--group FIELD] [--top 10] [--segmenter nodejieba|node-rs-jieba]\n' +
    '  the most distinctive words of each report, or of each group of reports (--group year), by TF-IDF',
  options: {
    group: { type: 'string' },
    top: { type: 'string' },
    segmenter: { type: 'string' },
  },
  fromFlags(values) {
    const field = stringFlag(values, 'group');
    const segmenter = stringFlag(values, 'segmenter');
    if (segmenter !== undefined && !SEGMENTERS.includes(segmenter as SegmenterName)) {
      throw new GongwenError('USAGE', `--segmenter must be ${SEGMENTERS.join(' or ')} for terms, got "${segmenter}".`);
    }
    return {
      top: numberFlag(values, 'top', 10, { min: 1, integer: true }),
      ...(field === undefined ? {} : { group: groupByField(field) }),
      ...(segmenter ? { segmenter: segmenter as SegmenterName } : {}),
    };
  },
  run: terms,
  chart(table) {
    if (table.rows.length === 0) return null;
    // One small bar chart per document or group: its terms by tf-idf.
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: 'Most distinctive terms (TF-IDF)',
      data: { values: table.rows },
      facet: { row: { field: 'group', type: 'nominal', title: null } },
      spec: {
        mark: 'bar',
        encoding: {
          y: { field: 'term', type: 'nominal', sort: { field: 'tfidf', order: 'descending' }, title: null },
          x: { field: 'tfidf', type: 'quantitative', title: 'tf-idf' },
          tooltip: [{ field: 'term' }, { field: 'tf' }, { field: 'idf' }, { field: 'tfidf' }],
        },
      },
      resolve: { scale: { y: 'independent' } },
    };
  },
};

/** Groups reports by a metadata field (`year`, `docType`, `region`…); reports without it are left out. */
export function groupByField(field: string): (document: CorpusDocument) => string | null {
  return (document) => {
    const value = document.metadata[field];
    return value === undefined || value === null || value === '' ? null : String(value);
  };
}
