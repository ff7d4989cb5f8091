/**
 * `analyze(text)`: the tree with the extractors' findings inside it (Slogan,
 * Placeholder and Metric nodes, still lossless) and as flat lists: the JSON
 * that `gongwen analyze --json` prints.
 */
import { withPositions, type Warning } from './diagnostics.js';
import { parseWith, type ParseOptions, type Report } from './parse.js';
import type { TextRegion } from './tree/build.js';
import type { InlineSpan } from './tree/spans.js';
import type { Heading, ListItem, Root, Section, Sentence } from './tree/types.js';
import { findSloganDetails, toSloganRecord, type SloganFinding } from './extract/slogans.js';
import { countPlaceholders, findPlaceholders } from './extract/placeholders.js';
import { announcesTargets, findMetrics } from './extract/metrics.js';
import { describeDocument } from './extract/document.js';
import { selectIndicatorValues } from './extract/indicators.js';
import { QUOTE_PAIRS } from './text/characters.js';
import { rangeAt } from './text/search.js';
import type {
  AnalysisJson,
  EnumerationRecord,
  HeadingRecord,
  MetricRecord,
  PlaceholderRecord,
  SloganRecord,
  WarningRecord,
} from './extract/types.js';

export type AnalyzeOptions = ParseOptions;

/** The flat findings plus the tree and the full warnings (with positions). */
export interface Analysis extends AnalysisJson {
  tree: Root;
  report: Report;
}

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
  const slogans: SloganRecord[] = [];
  const placeholders: PlaceholderRecord[] = [];
  const metrics: MetricRecord[] = [];
  const extractorWarnings: Warning[] = [];

  // A paragraph ending in `主要预期目标是：` announces targets in the paragraphs
  // after it (2010–2012 政府工作报告), until the next heading.
  let targetsAnnounced = false;

  // Called once per title, salutation, heading and paragraph, in document order.
  const annotate = (region: TextRegion): InlineSpan[] => {
    const spans: InlineSpan[] = [];
    const text_ = text.slice(region.start, region.end);
    if (region.kind !== 'paragraph') targetsAnnounced = false;
    const afterAnnouncement = targetsAnnounced;
    if (region.kind === 'paragraph') targetsAnnounced = announcesTargets(text_);
    // Findings in debris between sentences are dropped (sentences are in text order).
    const inSentence = (offset: number) => rangeAt(region.sentences, offset) !== undefined;

    const found = findSloganDetails(text_, region.start);
    for (const slogan of found.slogans) {
      if (!inSentence(slogan.offset)) continue; // inside debris
      slogans.push(toSloganRecord(slogan));
      spans.push({
        type: 'Slogan',
        ...sloganNodeSpan(text, slogan),
        canonical: slogan.canonical,
        count: slogan.count,
        quoted: slogan.quoted,
        known: slogan.known,
      });
    }
    for (const warning of found.warnings) extractorWarnings.push(warning);

    for (const placeholder of findPlaceholders(text_, region.start)) {
      if (!inSentence(placeholder.offset)) continue;
      placeholders.push(placeholder);
      spans.push({ type: 'Placeholder', start: placeholder.offset, end: placeholder.offset + placeholder.raw.length, kind: placeholder.kind });
    }

    const exclude = found.slogans.map((slogan) => ({ start: slogan.offset, end: slogan.offset + slogan.length }));
    for (const metric of findMetrics(text_, region.start, region.sentences, { sectionRole: region.role ?? 'other', exclude, targetsAnnounced: afterAnnouncement, input: text })) {
      if (!inSentence(metric.offset)) continue;
      spans.push({ type: 'Metric', start: metric.offset, end: metric.offset + metric.raw.length, index: metrics.length });
      metrics.push(metric);
    }
    return spans;
  };

  const report = parseWith(text, options, { annotate, words });
  const warnings = withPositions(text, [...report.warnings, ...extractorWarnings]).sort((a, b) => a.offset - b.offset);
  const { headings, enumerations } = skeletonRecords(report.tree);
  const document = describeDocument(text, report);
  const { targets, outcomes } = selectIndicatorValues(text, metrics, document.year);
  return {
    title: report.title,
    year: document.year,
    docType: document.docType,
    headings,
    enumerations,
    slogans,
    placeholders,
    placeholderCounts: countPlaceholders(placeholders),
    metrics,
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
function skeletonRecords(tree: Root): { headings: HeadingRecord[]; enumerations: EnumerationRecord[] } {
  const headings: HeadingRecord[] = [];
  const enumerations: EnumerationRecord[] = [];
  const visit = (node: Root | Section | ListItem | Sentence | { type: string; children?: unknown[] }) => {
    if (node.type === 'Section') {
      const section = node as Section;
      const marker = (section.children[0] as Heading).children.find((child) => child.type === 'HeadingMarker')!;
      headings.push({
        depth: section.depth,
        marker: section.marker.raw,
        style: section.marker.style,
        ordinal: section.marker.ordinal,
        text: section.text,
        role: section.role,
        offset: marker.position.start.offset!,
      });
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
