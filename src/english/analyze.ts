/**
 * `parse` and `analyze` of an English report: the tree of tree.ts, and the same flat JSON
 * as the Chinese path: headings, slogans (formulas found by their official renderings,
 * under their Chinese canonical form), metrics (compromise's numbers), targets, outcomes.
 *
 * Not read in English: inline enumerations (`First, … Second, …`) and template
 * placeholders; their lists are empty.
 */
import { withPositions } from '../diagnostics.js';
import { checkInput } from '../text/input-checks.js';
import type { Analysis } from '../analyze.js';
import type { Report } from '../parse.js';
import type { HeadingRecord, IndicatorRecord, MetricRecord, SloganRecord } from '../extract/types.js';
import { toValue } from '../extract/indicators.js';
import { headingRecord } from '../tree/heading-record.js';
import type { RootNode, Section } from '../tree/types.js';
import { findEnglishFormulas } from './formulas.js';
import { findEnglishMetrics } from './metrics.js';
import { buildEnglishTree, type EnglishAnnotator } from './tree.js';
import type { EnglishSpan } from './words.js';

const OPENING_QUOTES = new Set(['“', '"', '‘', "'"]);
const CLOSING_QUOTES = new Set(['”', '"', '’', "'"]);

/** The tree of an English report, without findings. */
export function parseEnglish(text: string): Report {
  const built = buildEnglishTree(text);
  return { tree: built.tree, title: built.title, salutation: built.salutation, warnings: withPositions(text, checkInput(text)) };
}

/** The tree with Slogan and Metric nodes, and the flat records. */
export function analyzeEnglish(text: string): Analysis {
  const slogans: SloganRecord[] = [];
  const metrics: MetricRecord[] = [];
  const annotate: EnglishAnnotator = ({ input, sentence, role }) => {
    const spans: EnglishSpan[] = [];
    const formulas = findEnglishFormulas(sentence.terms);
    for (const formula of formulas) {
      const quoted = OPENING_QUOTES.has(input[formula.start - 1] ?? '') && CLOSING_QUOTES.has(input[formula.end] ?? '');
      slogans.push({
        text: input.slice(formula.start, formula.end),
        canonical: formula.canonical,
        count: formula.count,
        quoted,
        known: true,
        numbered: /[0-9一二三四五六七八九十两双百千万]/.test(formula.canonical),
        offset: formula.start,
        length: formula.end - formula.start,
        english: formula.rendering,
      });
      spans.push({
        type: 'Slogan',
        start: quoted ? formula.start - 1 : formula.start,
        end: quoted ? formula.end + 1 : formula.end,
        canonical: formula.canonical,
        count: formula.count,
        quoted,
        known: true,
      });
    }
    const found = findEnglishMetrics({ text: input, start: sentence.start, end: sentence.end, terms: sentence.terms, numbers: sentence.numbers, claimed: formulas, inPlans: role === 'plans' });
    for (const metric of found) {
      spans.push({ type: 'Metric', start: metric.offset, end: metric.offset + metric.raw.length, index: metrics.length });
      metrics.push(metric);
    }
    return spans;
  };

  const built = buildEnglishTree(text, annotate);
  const warnings = withPositions(text, checkInput(text));
  const report: Report = { tree: built.tree, title: built.title, salutation: built.salutation, warnings };
  const headings = headingRecords(built.tree);
  return {
    title: built.title,
    year: reportYear(text),
    docType: docTypeOf(built.title),
    headings,
    enumerations: [],
    slogans,
    placeholders: [],
    placeholderCounts: { total: 0, number: 0, year: 0, name: 0 },
    metrics,
    targets: firstPerIndicator(metrics, 'target'),
    outcomes: firstPerIndicator(metrics, 'actual'),
    warnings: warnings.map(({ rule, message, offset }) => ({ rule, message, offset })),
    tree: built.tree,
    report,
  };
}

function headingRecords(tree: RootNode): HeadingRecord[] {
  const records: HeadingRecord[] = [];
  const visit = (section: Section) => {
    records.push(headingRecord(section));
    for (const child of section.children) if (child.type === 'Section') visit(child);
  };
  for (const child of tree.children) if (child.type === 'Section') visit(child);
  return records;
}

/** The year the report is about: the first year named in its opening lines. */
function reportYear(text: string): number | null {
  const opening = text.slice(0, 600);
  const match = /\b(19[5-9]\d|20\d\d)\b/.exec(opening);
  return match ? Number(match[1]) : null;
}

function docTypeOf(title: string | null): string | null {
  if (title === null) return null;
  if (/report on the work of the government/i.test(title)) return '政府工作报告';
  if (/work report|report on the work/i.test(title)) return '工作报告';
  return null;
}

function firstPerIndicator(metrics: readonly MetricRecord[], stance: MetricRecord['stance']): IndicatorRecord[] {
  const values = new Map<string, IndicatorRecord>();
  for (const metric of metrics) {
    if (metric.indicator === null || metric.stance !== stance || values.has(metric.indicator)) continue;
    values.set(metric.indicator, toValue(metric));
  }
  return [...values.values()];
}
