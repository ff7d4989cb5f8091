/**
 * `analyze(text)`: the tree with the extractors' findings inside it (Slogan,
 * Placeholder and Metric nodes, still lossless) and as flat lists: the JSON
 * that `gongwen analyze --json` prints.
 */
import { headingRecord } from './tree/heading-record.js';
import { withPositions, type Warning } from './diagnostics.js';
import { parseWith, type ParseOptions, type Report } from './parse.js';
import type { TextRegion } from './tree/build.js';
import type { InlineSpan } from './tree/spans.js';
import type { ListItem, RootNode, Section, SentenceNode } from './tree/types.js';
import { describeDocument } from './skeleton/document.js';
import { selectIndicatorValues } from './extract/indicators.js';
import type { Claim, ExtractorRun, RegionInput } from './extract/extractors/extractor.js';
import { metricExtractor } from './extract/extractors/metrics.js';
import { placeholderExtractor } from './extract/extractors/placeholders.js';
import { sloganExtractor } from './extract/extractors/slogans.js';
import { rangeAt } from './text/search.js';
import { resolveLanguage } from './english/detect.js';
import { analyzeEnglish } from './english/analyze.js';
import type { AnalysisJson, EnumerationRecord, HeadingRecord, WarningRecord } from './extract/types.js';

export type AnalyzeOptions = ParseOptions;

/** The flat findings plus the tree and the full warnings (with positions). */
export interface Analysis extends AnalysisJson {
  tree: RootNode;
  report: Report;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return run(text, options, true);
}

/**
 * The flat JSON only, the same as `toJson(analyze(text))` field for field, but
 * without building the word level of a tree nobody will see: no field of the
 * JSON depends on words, so no segmenter is loaded or run. What
 * `gongwen extract` and analyzeFiles use.
 */
export function analyzeJson(text: string, options: AnalyzeOptions = {}): AnalysisJson {
  return toJson(run(text, options, false));
}

function run(text: string, options: AnalyzeOptions, words: boolean): Analysis {
  if (typeof text === 'string' && resolveLanguage(text, options.language) === 'en') return analyzeEnglish(text);
  // The extractors, in the order they see each region: slogans first, so that the metric
  // extractor leaves the numbers of `两个维护` alone (see Extractor in src/extract/extractors/).
  const slogans = sloganExtractor.start(text);
  const placeholders = placeholderExtractor.start(text);
  const metrics = metricExtractor.start(text);
  const runs: ReadonlyArray<ExtractorRun<unknown>> = [slogans, placeholders, metrics];
  const extractorWarnings: Warning[] = [];

  // Called once per title, salutation, heading and paragraph, in document order.
  const annotate = (region: TextRegion): InlineSpan[] => {
    const spans: InlineSpan[] = [];
    const claimed: Claim[] = [];
    const input: RegionInput = {
      input: text,
      region,
      text: text.slice(region.start, region.end),
      inSentence: (offset) => rangeAt(region.sentences, offset) !== undefined,
      claimed,
    };
    for (const run of runs) {
      const found = run.region(input);
      spans.push(...found.spans);
      if (found.claims !== undefined) claimed.push(...found.claims);
      if (found.warnings !== undefined) extractorWarnings.push(...found.warnings);
    }
    return spans;
  };

  const report = parseWith(text, options, { annotate, words });
  const warnings = withPositions(text, [...report.warnings, ...extractorWarnings]).sort((a, b) => a.offset - b.offset);
  const { headings, enumerations } = skeletonRecords(report.tree);
  const document = describeDocument(text, report);
  const metricRecords = metrics.finish();
  const { targets, outcomes } = selectIndicatorValues(text, metricRecords, document.year, headings);
  return {
    title: report.title,
    year: document.year,
    docType: document.docType,
    headings,
    enumerations,
    slogans: slogans.finish(),
    ...placeholders.finish(),
    metrics: metricRecords,
    targets,
    outcomes,
    warnings: warnings.map(toWarningRecord),
    tree: report.tree,
    report: { ...report, warnings },
  };
}

/** The analysis without the tree: exactly the `gongwen analyze --json` shape. */
export function toJson(analysis: Analysis): AnalysisJson {
  const { tree: _tree, report: _report, ...json } = analysis;
  return json;
}

function toWarningRecord(warning: Warning): WarningRecord {
  return { rule: warning.rule, message: warning.message, offset: warning.offset };
}

/** Headings and enumerations as flat records, in document order. */
function skeletonRecords(tree: RootNode): { headings: HeadingRecord[]; enumerations: EnumerationRecord[] } {
  const headings: HeadingRecord[] = [];
  const enumerations: EnumerationRecord[] = [];
  const visit = (node: RootNode | Section | ListItem | SentenceNode | { type: string; children?: unknown[] }) => {
    if (node.type === 'Section') {
      headings.push(headingRecord(node as Section));
    } else if (node.type === 'ListItem') {
      const item = node as ListItem;
      enumerations.push({ marker: item.marker, style: item.style, ordinal: item.ordinal, lead: item.lead, offset: item.position.start.offset! });
      return; // no sections or items inside an item
    } else if (node.type === 'SentenceNode') {
      return;
    }
    for (const child of (node.children ?? []) as Array<{ type: string; children?: unknown[] }>) visit(child);
  };
  visit(tree);
  return { headings, enumerations };
}
