/**
 * `applyFixes`: the certain fixes of a lint run applied through the exact
 * offsets of their messages. Each fix replaces `actual` at `place` by
 * `expected[0]`; nothing else in the text changes. Overlapping fixes: the
 * first (in text order) wins; the other is left for the next run.
 */
import type { VFileMessage } from 'vfile-message';

export interface FixResult {
  text: string;
  applied: VFileMessage[];
  /** Fixable messages not applied: overlapping an earlier fix, or their text no longer at their place. */
  skipped: VFileMessage[];
}

/** The messages that carry a certain fix, with their [start, end) offsets. */
export function fixesOf(messages: readonly VFileMessage[]): Array<{ message: VFileMessage; start: number; end: number; replacement: string }> {
  const fixes = [];
  for (const message of messages) {
    const replacement = message.expected?.[0];
    const place = message.place;
    if (replacement === undefined || !place || !('start' in place)) continue;
    const start = place.start.offset;
    const end = place.end.offset;
    if (typeof start !== 'number' || typeof end !== 'number') continue;
    fixes.push({ message, start, end, replacement });
  }
  return fixes.sort((a, b) => a.start - b.start || a.end - b.end);
}

export function applyFixesDetailed(text: string, messages: readonly VFileMessage[]): FixResult {
  const applied: VFileMessage[] = [];
  const skipped: VFileMessage[] = [];
  const parts: string[] = [];
  let cursor = 0;
  for (const fix of fixesOf(messages)) {
    const stale = fix.message.actual !== undefined && text.slice(fix.start, fix.end) !== fix.message.actual;
    if (fix.start < cursor || stale) {
      skipped.push(fix.message);
      continue;
    }
    parts.push(text.slice(cursor, fix.start), fix.replacement);
    cursor = fix.end;
    applied.push(fix.message);
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), applied, skipped };
}

/** The text with every certain fix of `messages` applied. */
export function applyFixes(text: string, messages: readonly VFileMessage[]): string {
  return applyFixesDetailed(text, messages).text;
}
