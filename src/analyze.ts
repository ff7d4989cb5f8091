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
import { findSlogans } from './extract/slogans.js';
import { countPlaceholders, findPlaceholders } from './extract/placeholders.js';
import { announcesTargets, findMetrics } from './extract/metrics.js';
import { describeDocument } from './extract/document.js';
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

const QUOTES_BEFORE = new Set(['“', '‘', '「', '『', '"']);
const QUOTES_AFTER = new Set(['”', '’', '」', '』', '"']);

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
    // Findings in debris between sentences are dropped. Sentences are sorted: binary search.
    const inSentence = (offset: number) => {
      const sentences = region.sentences;
      let low = 0;
      let high = sentences.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const sentence = sentences[middle]!;
        if (offset < sentence.start) high = middle - 1;
        else if (offset >= sentence.end) low = middle + 1;
        else return true;
      }
      return false;
    };

    const found = findSlogans(text_, region.start);
    for (const slogan of found.slogans) {
      if (!inSentence(slogan.offset)) continue; // inside debris
      slogans.push(slogan);
      const end = slogan.offset + slogan.length;
      const quoted = slogan.quoted && QUOTES_BEFORE.has(text[slogan.offset - 1]!) && QUOTES_AFTER.has(text[end]!);
      spans.push({
        type: 'Slogan',
        start: quoted ? slogan.offset - 1 : slogan.offset,
        end: quoted ? end + 1 : end,
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
    for (const metric of findMetrics(text_, region.start, region.sentences, { sectionRole: region.role ?? 'other', exclude, targetsAnnounced: afterAnnouncement })) {
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
