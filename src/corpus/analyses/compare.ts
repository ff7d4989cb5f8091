/**
 * `gongwen corpus compare`: two reports side by side.
 *
 * - headings (to `depth`, default 2): added (only in B), removed (only in A),
 *   renamed (a heading of A and one of B at the same depth that are not equal
 *   but alike: Dice coefficient of their character bigrams ≥ 0.5, best pairs
 *   first; `2023年工作回顾` → `2024年工作回顾`);
 * - metrics of the same subject (subject, comparison, unit kind and stance
 *   alike) with both values, and the indicator targets and outcomes both state;
 * - formulas only in one of them, with their count.
 *
 * The two reports: the corpus's only two documents, or those chosen by `a`
 * and `b`: a document id (or its end: `reports.jsonl#3`) or a `--where`
 * expression (`year=2024`); the first match in corpus order. One pass; held:
 * the two chosen analyses.
 */
import { GongwenError } from '../../diagnostics.js';
import type { AnalysisJson, HeadingRecord, IndicatorRecord, MetricRecord } from '../../extract/types.js';
import { integerFlag, stringFlag, type FlagValues } from '../flags.js';
import { parseWhere } from '../filters.js';
import type { Cell, Corpus, CorpusAnalysis, CorpusDocument, Table } from '../types.js';

export interface CompareOptions {
  /** Selects report A: a document id, the end of one, or a where-expression. */
  a?: string;
  b?: string;
  /** Deepest heading level compared. Default: 2. */
  depth?: number;
}

export type CompareSection = 'heading' | 'metric' | 'target' | 'outcome' | 'formula';
export type CompareChange = 'added' | 'removed' | 'renamed' | 'both' | 'only-a' | 'only-b';

export interface CompareRow {
  [column: string]: Cell;
  section: CompareSection;
  change: CompareChange;
  /** Heading depth; null for other sections. */
  depth: number | null;
  /** What is compared: the heading (B's when added), the metric's subject and comparison, the indicator, the formula. */
  key: string;
  a: string | null;
  b: string | null;
  a_value: number | null;
  b_value: number | null;
  /** Renamed headings: how alike the two are (0–1). */
  similarity: number | null;
}

export const COMPARE_COLUMNS = ['section', 'change', 'depth', 'key', 'a', 'b', 'a_value', 'b_value', 'similarity'] as const;

/** The Dice coefficient of two strings' character bigrams (whitespace ignored): 1 for equal, 0 for nothing shared. */
export function bigramSimilarity(a: string, b: string): number {
  const bigrams = (text: string) => {
    const characters = [...text.replace(/\s+/g, '')];
    const counts = new Map<string, number>();
    for (let i = 0; i + 1 < characters.length; i++) {
      const bigram = characters[i]! + characters[i + 1]!;
      counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
    }
    return { counts, total: Math.max(0, characters.length - 1) };
  };
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.total + y.total === 0) return a.replace(/\s+/g, '') === b.replace(/\s+/g, '') ? 1 : 0;
  let shared = 0;
  for (const [bigram, count] of x.counts) shared += Math.min(count, y.counts.get(bigram) ?? 0);
  return (2 * shared) / (x.total + y.total);
}

const RENAME_THRESHOLD = 0.5;

function selector(expression: string): (document: CorpusDocument) => boolean {
  if (/(>=|<=|!=|!~|==|=|>|<|~)/.test(expression) && !expression.includes('#')) {
    const where = parseWhere(expression);
    return (document) => where(document.metadata);
  }
  return (document) => document.id === expression || document.id.endsWith(expression.startsWith('#') ? expression : `/${expression}`) || document.id.endsWith(expression);
}

async function chooseReports(corpus: Corpus, options: CompareOptions): Promise<[CorpusDocument, CorpusDocument]> {
  if ((options.a === undefined) !== (options.b === undefined)) throw new GongwenError('USAGE', 'compare needs both --a and --b, or neither (then the inputs must hold exactly two reports)');
  if (options.a !== undefined && options.b !== undefined) {
    const isA = selector(options.a);
    const isB = selector(options.b);
    let a: CorpusDocument | undefined;
    let b: CorpusDocument | undefined;
    for await (const document of corpus.documents()) {
      if (!a && isA(document)) a = document;
      else if (!b && isB(document)) b = document;
      if (a && b) break;
    }
    if (!a) throw new GongwenError('USAGE', `compare: no document matches --a ${options.a}`);
    if (!b) throw new GongwenError('USAGE', `compare: no other document matches --b ${options.b}`);
    return [a, b];
  }
  const documents: CorpusDocument[] = [];
  for await (const document of corpus.documents()) {
    documents.push(document);
    if (documents.length > 2) break;
  }
  if (documents.length !== 2) {
    throw new GongwenError('USAGE', `compare needs two reports: the inputs hold ${documents.length > 2 ? 'more than two' : documents.length}; choose with --a and --b (a document id or an expression like year=2024)`);
  }
  return [documents[0]!, documents[1]!];
}

function compareHeadings(a: readonly HeadingRecord[], b: readonly HeadingRecord[], maxDepth: number): CompareRow[] {
  const rows: CompareRow[] = [];
  const normalize = (text: string) => text.replace(/\s+/g, '');
  for (let depth = 1; depth <= maxDepth; depth++) {
    const left = a.filter((heading) => heading.depth === depth).map((heading) => heading.text);
    const right = b.filter((heading) => heading.depth === depth).map((heading) => heading.text);
    const rightSet = new Set(right.map(normalize));
    const leftSet = new Set(left.map(normalize));
    const removed = [...new Set(left.filter((text) => !rightSet.has(normalize(text))))];
    const added = [...new Set(right.filter((text) => !leftSet.has(normalize(text))))];
    // Best pairs first, each heading in one pair at most.
    const pairs = removed
      .flatMap((x) => added.map((y) => ({ x, y, similarity: bigramSimilarity(x, y) })))
      .filter((pair) => pair.similarity >= RENAME_THRESHOLD)
      .sort((p, q) => q.similarity - p.similarity);
    const paired = new Set<string>();
    for (const { x, y, similarity } of pairs) {
      if (paired.has(`a:${x}`) || paired.has(`b:${y}`)) continue;
      paired.add(`a:${x}`);
      paired.add(`b:${y}`);
      rows.push({ section: 'heading', change: 'renamed', depth, key: x, a: x, b: y, a_value: null, b_value: null, similarity: Math.round(similarity * 1000) / 1000 });
    }
    for (const x of removed) if (!paired.has(`a:${x}`)) rows.push({ section: 'heading', change: 'removed', depth, key: x, a: x, b: null, a_value: null, b_value: null, similarity: null });
    for (const y of added) if (!paired.has(`b:${y}`)) rows.push({ section: 'heading', change: 'added', depth, key: y, a: null, b: y, a_value: null, b_value: null, similarity: null });
  }
  return rows;
}

function compareMetrics(a: readonly MetricRecord[], b: readonly MetricRecord[]): CompareRow[] {
  const key = (metric: MetricRecord) => `${metric.subject}\u0000${metric.comparison ?? ''}\u0000${metric.unitKind}\u0000${metric.stance}`;
  const firstBy = (metrics: readonly MetricRecord[]) => {
    const map = new Map<string, MetricRecord>();
    for (const metric of metrics) if (metric.subject !== null && !metric.placeholder && !map.has(key(metric))) map.set(key(metric), metric);
    return map;
  };
  const right = firstBy(b);
  const rows: CompareRow[] = [];
  for (const [k, x] of firstBy(a)) {
    const y = right.get(k);
    if (!y) continue;
    const label = `${x.subject}${x.comparison ? ` ${x.comparison}` : ''}${x.stance === 'target' ? '（目标）' : ''}`;
    rows.push({ section: 'metric', change: 'both', depth: null, key: label, a: x.raw, b: y.raw, a_value: x.value, b_value: y.value, similarity: null });
  }
  return rows;
}

function compareIndicators(section: 'target' | 'outcome', a: readonly IndicatorRecord[] | undefined, b: readonly IndicatorRecord[] | undefined): CompareRow[] {
  if (!a || !b) return [];
  return a.flatMap((x) => {
    const y = b.find((candidate) => candidate.indicator === x.indicator);
    return y ? [{ section, change: 'both' as const, depth: null, key: x.indicator, a: x.raw, b: y.raw, a_value: x.value, b_value: y.value, similarity: null }] : [];
  });
}

function compareFormulas(a: AnalysisJson, b: AnalysisJson): CompareRow[] {
  const counts = (analysis: AnalysisJson) => {
    const map = new Map<string, number>();
    for (const slogan of analysis.slogans) if (slogan.known) map.set(slogan.canonical, (map.get(slogan.canonical) ?? 0) + 1);
    return map;
  };
  const x = counts(a);
  const y = counts(b);
  const rows: CompareRow[] = [];
  for (const [formula, count] of x) if (!y.has(formula)) rows.push({ section: 'formula', change: 'only-a', depth: null, key: formula, a: formula, b: null, a_value: count, b_value: 0, similarity: null });
  for (const [formula, count] of y) if (!x.has(formula)) rows.push({ section: 'formula', change: 'only-b', depth: null, key: formula, a: null, b: formula, a_value: 0, b_value: count, similarity: null });
  return rows;
}

export async function compare(corpus: Corpus, options: CompareOptions = {}): Promise<Table<CompareRow>> {
  const [a, b] = await chooseReports(corpus, options);
  const x = a.analysis as AnalysisJson & { targets?: IndicatorRecord[]; outcomes?: IndicatorRecord[] };
  const y = b.analysis as AnalysisJson & { targets?: IndicatorRecord[]; outcomes?: IndicatorRecord[] };
  const rows = [
    ...compareHeadings(x.headings, y.headings, options.depth ?? 2),
    ...compareMetrics(x.metrics, y.metrics),
    ...compareIndicators('target', x.targets, y.targets),
    ...compareIndicators('outcome', x.outcomes, y.outcomes),
    ...compareFormulas(x, y),
  ];
  const describe = (document: CorpusDocument) => `${document.id}${typeof document.metadata.title === 'string' ? ` (${document.metadata.title})` : ''}`;
  return { columns: [...COMPARE_COLUMNS], rows, notes: [`A: ${describe(a)}`, `B: ${describe(b)}`] };
}

export const compareAnalysis: CorpusAnalysis<CompareOptions, CompareRow> = {
  name: 'compare',
  usage: `compare  [--a SELECTOR --b SELECTOR] [--depth N]
      Two reports side by side: headings added, removed, renamed; metrics of the same subject with
      both values; formulas only in one. SELECTOR: a document id (or its end) or year=2024.`,
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    depth: { type: 'string' },
  },
  fromFlags(values: FlagValues) {
    if (values.group !== undefined) throw new GongwenError('USAGE', 'gongwen corpus compare takes no --group: it compares two reports (choose them with --a and --b)');
    const options: CompareOptions = { depth: integerFlag(values, 'depth', 2) };
    const a = stringFlag(values, 'a');
    const b = stringFlag(values, 'b');
    if (a !== undefined) options.a = a;
    if (b !== undefined) options.b = b;
    return options;
  },
  run: compare,
};
