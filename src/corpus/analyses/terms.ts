/**
 * `terms`: the most distinctive words of each report, or of each group of
 * reports (`--group year`: the reports of one year are one document), by
 * TF-IDF as natural's `TfIdf` computes it: tf = the word's count in the
 * document, idf = 1 + ln(N / (1 + documents holding it)). Words are the
 * segmenter's, without stop words, punctuation and numbers (text/words.ts).
 * natural is loaded from its submodule (text/natural.ts), never its root.
 * One pass: each report's words (segmented once, then read from the corpus's
 * token store: token-store.ts) are counted, kept compactly
 * (text/term-counts.ts); above `naturalLimit` documents the same formula is
 * applied to those arrays instead of natural's per-document objects.
 */
import type { Corpus, CorpusAnalysis, CorpusDocument, Row, Table } from '../types.js';
import { GongwenError } from '../../diagnostics.js';
import type { SegmenterName } from '../../segment/segmenter.js';
import { numberFlag, stringFlag } from '../text/flag-values.js';
import { loadTfIdf } from '../text/natural.js';
import { TermCounts, type DocumentVocabulary } from '../text/term-counts.js';
import { chineseStopWords } from '../text/stopwords.js';
import type { ReportWords, WordOptions } from '../text/words.js';
import { tokenStoreOf } from '../token-store.js';

export interface TermsOptions extends WordOptions {
  /** The group of a report (its TF-IDF document); null leaves the report out. Default: each report alone, by id. */
  group?: (document: CorpusDocument) => string | null;
  /** Terms per document or group (default 10). */
  top?: number;
  /**
   * Up to this many documents (reports or groups) natural's TfIdf scores them (default 2000);
   * above, the same formula runs on compact arrays, because natural keeps a JS object per
   * document (~90 KB a report: 10,000 reports would not fit in 1 GB). 0 forces the compact path.
   */
  naturalLimit?: number;
}

interface ScoredTerm {
  term: string;
  tf: number;
  idf: number;
  tfidf: number;
}

/** By tf-idf, ties by term (natural sorts by tf-idf only), for a stable output. */
const byScore = (a: ScoredTerm, b: ScoredTerm): number => b.tfidf - a.tfidf || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);

function scoreWithNatural(store: TermCounts, top: number): Map<string, ScoredTerm[]> {
  const TfIdf = loadTfIdf();
  const tfidf = new TfIdf();
  const groups = store.groups();
  for (const group of groups) {
    // natural takes a pre-counted document as is: term → count, plus its own `__key` slot.
    const { ids, counts } = store.countsOf(group);
    const document = Object.create(null) as Record<string, number>;
    ids.forEach((id, i) => (document[store.words[id]!] = counts[i]!));
    document.__key = group as unknown as number;
    tfidf.addDocument(document, group);
  }
  const scored = new Map<string, ScoredTerm[]>();
  groups.forEach((group, index) => scored.set(group, tfidf.listTerms(index).sort(byScore).slice(0, top)));
  return scored;
}

/** natural's formula on the compact counts: idf = 1 + ln(N / (1 + df)), tf-idf = count × idf. */
function scoreCompact(store: TermCounts, top: number): Map<string, ScoredTerm[]> {
  const groups = store.groups();
  const frequencies = store.documentFrequencies();
  const idf = Float64Array.from(frequencies, (df) => 1 + Math.log(groups.length / (1 + df)));
  const scored = new Map<string, ScoredTerm[]>();
  for (const group of groups) {
    const { ids, counts } = store.countsOf(group);
    // The top terms by one pass keeping the best `top` in order (what sorting all and slicing gives: byScore is a total order).
    const best: ScoredTerm[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const tfidf = counts[i]! * idf[id]!;
      if (best.length === top && tfidf < best[top - 1]!.tfidf) continue;
      const term: ScoredTerm = { term: store.words[id]!, tf: counts[i]!, idf: idf[id]!, tfidf };
      let at = best.length;
      while (at > 0 && byScore(term, best[at - 1]!) < 0) at--;
      if (at >= top) continue;
      best.splice(at, 0, term);
      if (best.length > top) best.pop();
    }
    scored.set(group, best);
  }
  return scored;
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

/** Above this many documents (reports or groups) TF-IDF is computed on compact arrays, not in natural's objects. */
export const NATURAL_DOCUMENT_LIMIT = 2000;

export async function terms(corpus: Corpus, options: TermsOptions = {}): Promise<Table<TermsRow>> {
  const top = options.top ?? 10;
  if (!(Number.isInteger(top) && top >= 1)) throw new GongwenError('USAGE', 'terms: top must be a positive integer.');
  const groupOf = options.group ?? ((document: CorpusDocument) => document.id);
  const store = new TermCounts();
  const tokens = tokenStoreOf(corpus, options.segmenter);
  const stopWords = options.stopWords ?? chineseStopWords();
  // A report's vocabulary as term ids, once per ReportWords: the token store hands the same object for a report met again.
  const vocabularies = new WeakMap<ReportWords, DocumentVocabulary>();
  const counted = (word: string) => !stopWords.has(word);
  for await (const document of corpus.documents()) {
    const group = groupOf(document);
    if (group === null) continue;
    const words = await tokens.words(document);
    let vocabulary = vocabularies.get(words);
    if (vocabulary === undefined) vocabularies.set(words, (vocabulary = store.vocabularyOf(words.vocabulary, counted)));
    store.addDocument(group, vocabulary, words.ids);
  }
  const limit = options.naturalLimit ?? NATURAL_DOCUMENT_LIMIT;
  const scored = store.groups().length <= limit ? scoreWithNatural(store, top) : scoreCompact(store, top);
  const rows: TermsRow[] = [];
  for (const [group, terms] of scored) {
    terms.forEach((term, rank) => {
      rows.push({ group, rank: rank + 1, term: term.term, tf: term.tf, idf: round(term.idf), tfidf: round(term.tfidf) });
    });
  }
  return { columns: COLUMNS, rows };
}

const SEGMENTERS: readonly SegmenterName[] = ['nodejieba', 'node-rs-jieba'];
const CHART_GROUP_LIMIT = 60;

export const termsAnalysis: CorpusAnalysis<TermsOptions, TermsRow> = {
  name: 'terms',
  usage: `terms    [--group FIELD] [--top 10] [--segmenter nodejieba|node-rs-jieba]
      The most distinctive words of each report, or of each group of reports (--group year), by TF-IDF.`,
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
    // One small bar chart per document or group: its terms by tf-idf. Past a few dozen panels
    // (terms of every report of an archive) a chart says less than the table: none.
    if (table.rows.length === 0 || new Set(table.rows.map((row) => row.group)).size > CHART_GROUP_LIMIT) return null;
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
