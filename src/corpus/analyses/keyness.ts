/**
 * `keyness`: the words that distinguish a target group of reports from a
 * reference group (`--target 'year>=2013' --reference 'year>=1978 and year<=2012'`;
 * by default the reference is every other report), scored by signed G² and
 * chi² as quanteda's `textstat_keyness` scores them (see text/contingency.ts
 * for the corrections). One pass: each report in either group has its words
 * counted (segmented once, then read from the corpus's token store:
 * token-store.ts); reports in neither group are not read.
 */
import type { Corpus, CorpusAnalysis, CorpusDocument, Row, Table } from '../types.js';
import { GongwenError } from '../../diagnostics.js';
import type { SegmenterName } from '../../segment/segmenter.js';
import { parseWhere } from '../filters.js';
import { keynessScore, type KeynessCorrection } from '../text/contingency.js';
import { numberFlag, stringFlag } from '../text/flag-values.js';
import { chineseStopWords } from '../text/stopwords.js';
import { TermCounts } from '../text/term-counts.js';
import type { ReportWords, WordOptions } from '../text/words.js';
import { tokenStoreOf } from '../token-store.js';

export interface KeynessOptions extends WordOptions {
  /** Reports of the target group. */
  target: (document: CorpusDocument) => boolean;
  /** Reports of the reference group (default: every report not in the target). */
  reference?: (document: CorpusDocument) => boolean;
  /** Keep the top N words each way (over- and under-represented in the target); default all. */
  top?: number;
  /** Drop words seen fewer times than this in both groups together (default 5, as on the command line). */
  minCount?: number;
  /** 'default': Yates for chi² where quanteda applies it, Williams for G²; 'none': neither. */
  correction?: KeynessCorrection;
}

export interface KeynessRow extends Row {
  word: string;
  /** 'target' when over-represented in the target group, 'reference' when under-represented. */
  direction: 'target' | 'reference';
  target_count: number;
  reference_count: number;
  /** Words counted in each group (the 2×2 table's column totals). */
  target_total: number;
  reference_total: number;
  /** Signed log-likelihood G² (positive: over-represented in the target). */
  g2: number;
  p_g2: number;
  /** Signed chi². */
  chi2: number;
  p_chi2: number;
}

const COLUMNS: Array<keyof KeynessRow & string> = [
  'word', 'direction', 'target_count', 'reference_count', 'target_total', 'reference_total', 'g2', 'p_g2', 'chi2', 'p_chi2',
];

/** Rounds a statistic for the table: 4 decimals (p-values keep their significant digits). */
const round = (value: number): number => Math.round(value * 10_000) / 10_000;
const significant = (value: number): number => Number(value.toPrecision(4));

/** `counts` in an array of at least `size` entries (doubling). */
function grown(counts: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(Math.max(size, counts.length * 2));
  bigger.set(counts);
  return bigger;
}

/** Words seen fewer times than this in both groups together are left out: rare words would crowd the top with chance. */
const DEFAULT_MIN_COUNT = 5;

export async function keyness(corpus: Corpus, options: KeynessOptions): Promise<Table<KeynessRow>> {
  const minCount = options.minCount ?? DEFAULT_MIN_COUNT;
  const top = options.top;
  if (top !== undefined && !(Number.isInteger(top) && top >= 1)) throw new GongwenError('USAGE', 'keyness: top must be a positive integer.');
  const inReference = options.reference ?? ((document: CorpusDocument) => !options.target(document));
  // Counts by term id (a TermCounts vocabulary), each report's counted once per ReportWords: the token store hands the same object for a report met again.
  const vocabulary = new TermCounts();
  const reportCounts = new WeakMap<ReportWords, { termIds: Int32Array; counts: Int32Array; total: number }>();
  const stopWords = options.stopWords ?? chineseStopWords();
  const counted = (word: string) => !stopWords.has(word);
  let targetCounts = new Float64Array(1 << 14);
  let referenceCounts = new Float64Array(1 << 14);
  let targetTotal = 0;
  let referenceTotal = 0;
  let targetDocuments = 0;
  let referenceDocuments = 0;
  const store = tokenStoreOf(corpus, options.segmenter);
  for await (const document of corpus.documents()) {
    const target = options.target(document);
    const reference = !target && inReference(document);
    if (!target && !reference) continue;
    const words = await store.words(document);
    let report = reportCounts.get(words);
    if (report === undefined) {
      const { termIds, indexes, size } = vocabulary.vocabularyOf(words.vocabulary, counted);
      const occurrences = new Int32Array(size);
      for (const id of words.ids) occurrences[id]!++;
      const counts = Int32Array.from(indexes, (v) => occurrences[v]!);
      reportCounts.set(words, (report = { termIds, counts, total: counts.reduce((sum, count) => sum + count, 0) }));
    }
    if (vocabulary.words.length > targetCounts.length) {
      targetCounts = grown(targetCounts, vocabulary.words.length);
      referenceCounts = grown(referenceCounts, vocabulary.words.length);
    }
    const counts = target ? targetCounts : referenceCounts;
    report.termIds.forEach((id, k) => (counts[id]! += report.counts[k]!));
    if (target) {
      targetTotal += report.total;
      targetDocuments++;
    } else {
      referenceTotal += report.total;
      referenceDocuments++;
    }
  }
  if (targetDocuments === 0 || referenceDocuments === 0) {
    throw new GongwenError(
      'USAGE',
      `keyness: the ${targetDocuments === 0 ? 'target' : 'reference'} group is empty (${targetDocuments} target, ${referenceDocuments} reference reports).`,
    );
  }

  const rows: KeynessRow[] = [];
  for (let id = 0; id < vocabulary.words.length; id++) {
    const word = vocabulary.words[id]!;
    const a = targetCounts[id]!;
    const b = referenceCounts[id]!;
    if (a + b < minCount) continue;
    const score = keynessScore(a, b, targetTotal, referenceTotal, options.correction);
    rows.push({
      word,
      direction: score.g2 > 0 ? 'target' : 'reference',
      target_count: a,
      reference_count: b,
      target_total: targetTotal,
      reference_total: referenceTotal,
      g2: round(score.g2),
      p_g2: significant(score.pG2),
      chi2: round(score.chi2),
      p_chi2: significant(score.pChi2),
    });
  }
  // Most over-represented first, most under-represented last (quanteda's order); ties by word for a stable output.
  rows.sort((x, y) => y.g2 - x.g2 || (x.word < y.word ? -1 : x.word > y.word ? 1 : 0));
  if (top === undefined) return { columns: COLUMNS, rows };
  const over = rows.filter((row) => row.g2 > 0).slice(0, top);
  const under = rows.filter((row) => row.g2 < 0).slice(-top);
  return { columns: COLUMNS, rows: [...over, ...under] };
}

const SEGMENTERS: readonly SegmenterName[] = ['nodejieba', 'node-rs-jieba'];

export const keynessAnalysis: CorpusAnalysis<KeynessOptions, KeynessRow> = {
  name: 'keyness',
  usage: `keyness  --target EXPR [--reference EXPR] [--top 20] [--min-count 5] [--correction default|none]
           [--segmenter nodejieba|node-rs-jieba]
      Words over- and under-represented in the target reports against the reference (default: all
      others), by signed G² and chi² (e.g. --target 'year>=2013'); the chart: the top N both ways.`,
  options: {
    target: { type: 'string' },
    reference: { type: 'string' },
    top: { type: 'string' },
    'min-count': { type: 'string' },
    correction: { type: 'string' },
    segmenter: { type: 'string' },
  },
  fromFlags(values) {
    if (values.group !== undefined) throw new GongwenError('USAGE', 'gongwen corpus keyness takes no --group: it compares two groups, chosen with --target and --reference');
    const targetExpression = stringFlag(values, 'target');
    if (targetExpression === undefined) throw new GongwenError('USAGE', "keyness needs --target EXPR (e.g. --target 'year>=2013').");
    const target = parseWhere(targetExpression);
    const referenceExpression = stringFlag(values, 'reference');
    const reference = referenceExpression === undefined ? undefined : parseWhere(referenceExpression);
    const correction = stringFlag(values, 'correction') ?? 'default';
    if (correction !== 'default' && correction !== 'none') throw new GongwenError('USAGE', `--correction must be default or none, got "${correction}".`);
    const segmenter = stringFlag(values, 'segmenter');
    if (segmenter !== undefined && !SEGMENTERS.includes(segmenter as SegmenterName)) {
      throw new GongwenError('USAGE', `--segmenter must be ${SEGMENTERS.join(' or ')} for keyness, got "${segmenter}".`);
    }
    return {
      target: (document) => target(document.metadata),
      ...(reference ? { reference: (document: CorpusDocument) => reference(document.metadata) } : {}),
      top: numberFlag(values, 'top', 20, { min: 1, integer: true }),
      minCount: numberFlag(values, 'min-count', DEFAULT_MIN_COUNT, { min: 1, integer: true }),
      correction,
      ...(segmenter ? { segmenter: segmenter as SegmenterName } : {}),
    };
  },
  run: keyness,
  chart(table) {
    if (table.rows.length === 0) return null;
    // quanteda's textplot_keyness: one bar per word, signed G², target words up top.
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: 'Keyness: signed G², target against reference',
      data: { values: table.rows },
      mark: 'bar',
      encoding: {
        y: { field: 'word', type: 'nominal', sort: { field: 'g2', order: 'descending' }, title: null },
        x: { field: 'g2', type: 'quantitative', title: 'signed G² (positive: over-represented in the target)' },
        color: {
          field: 'direction',
          type: 'nominal',
          scale: { domain: ['target', 'reference'], range: ['#1f77b4', '#999999'] },
          title: null,
        },
        tooltip: [{ field: 'word' }, { field: 'target_count' }, { field: 'reference_count' }, { field: 'g2' }, { field: 'p_g2' }],
      },
    };
  },
};
