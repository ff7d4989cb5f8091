/**
 * Inline spans: what the extractors mark inside a text region, before it
 * becomes nodes. Spans nest (a placeholder inside a metric, inside a slogan);
 * spans that cross each other cannot both be nodes, so the later one is kept
 * only in the flat records.
 */
import type { PlaceholderKind } from './types.js';

export type InlineSpan =
  | { type: 'Slogan'; start: number; end: number; canonical: string; count: number | null; quoted: boolean; known: boolean }
  | { type: 'Placeholder'; start: number; end: number; kind: PlaceholderKind }
  | { type: 'Metric'; start: number; end: number; index: number };

/** Spans sorted outer-first, with crossing spans and empty spans removed. */
export function nestableSpans(spans: readonly InlineSpan[]): InlineSpan[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: InlineSpan[] = [];
  const open: InlineSpan[] = [];
  for (const span of sorted) {
    while (open.length > 0 && open[open.length - 1]!.end <= span.start) open.pop();
    const parent = open[open.length - 1];
    if (parent && span.end > parent.end) continue; // crosses its would-be parent
    kept.push(span);
    open.push(span);
  }
  return kept;
}
