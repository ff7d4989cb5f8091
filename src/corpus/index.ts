/**
 * gongwen/corpus: analyses over many reports (the output of `gongwen extract`,
 * or raw inputs), each a function returning a tidy table, and the writers of
 * those tables and their charts.
 *
 *   const corpus = openCorpus('out/', { where: 'year>=2013' });
 *   const table = await slogans(corpus, { top: 10 });
 *   process.stdout.write(tableToCsv(table));
 */
export type { Corpus, CorpusDocument, CorpusAnalysis, Table, Row, Cell } from './types.js';
export { openCorpus, type OpenCorpusOptions } from './open.js';
export { ExtractionCache, defaultCacheDir, userCacheDir, type CachedRecord } from './cache.js';
export { TokenStore, tokenStoreOf, encodeWords, decodeWords, wordsFingerprint, type TokenStoreOptions, type WordSource } from './token-store.js';
export { wordSegmenter, reportWords, countWords, type ReportWords } from './text/words.js';
export { parseWhere, fieldValue, compareGroups, type MetadataPredicate } from './filters.js';
export { groupOf, countCharacters } from './grouping.js';
export { canonicalFormula, formulaForms, formulaEntry } from './formulas.js';
export { ANALYSES, type AnyCorpusAnalysis } from './analyses/index.js';
export { slogans, slogansChart, slogansAnalysis, SLOGAN_COLUMNS, type SlogansOptions, type SloganRow } from './analyses/slogans.js';
export { metrics, metricsChart, metricMatcher, metricsAnalysis, METRIC_COLUMNS, type MetricsOptions, type MetricRow } from './analyses/metrics.js';
export {
  targets,
  targetsChart,
  targetStatus,
  targetsAnalysis,
  TARGET_COLUMNS,
  CEILING_INDICATORS,
  INDICATOR_LABELS,
  type TargetsOptions,
  type TargetRow,
  type TargetStatus,
} from './analyses/targets.js';
export { kwic, kwicAnalysis, KWIC_COLUMNS, type KwicOptions, type KwicPattern, type KwicPatternKind, type KwicRow } from './analyses/kwic.js';
export { compare, compareAnalysis, bigramSimilarity, COMPARE_COLUMNS, type CompareOptions, type CompareRow, type CompareSection, type CompareChange } from './analyses/compare.js';
export { keyness, keynessAnalysis, type KeynessOptions, type KeynessRow } from './analyses/keyness.js';
export { terms, termsAnalysis, groupByField, type TermsOptions, type TermsRow } from './analyses/terms.js';
export { findReuse, reuseAnalysis, type ReuseOptions, type ReusePassageRow, type ReuseDocumentRow, type ReuseResult } from './analyses/reuse.js';
export * from './output/index.js';
