/**
 * Messages the view shows: vfile messages, so the linter's output (`lintText`) and the
 * parser's warnings go through one path. Offsets are resolved here against the input.
 */
import { VFileMessage } from 'vfile-message';
import type { Warning } from '../diagnostics.js';
import { splitLines } from '../text/lines.js';

/** The parser's warnings as vfile messages (`ruleId` = rule, `source: 'gongwen'`, `fatal: false`). */
export function warningsToMessages(warnings: readonly Warning[]): VFileMessage[] {
  return warnings.map((warning) => {
    const message = new VFileMessage(warning.message, {
      ruleId: warning.rule,
      source: warning.source,
      ...(warning.position ? { place: warning.position } : {}),
    });
    message.fatal = false; // a warning, not an error
    return message;
  });
}

export type Severity = 'error' | 'warning' | 'info';

/** A message placed in the text: `[start, end)` UTF-16 offsets, `start === end` for a point. */
export interface PlacedMessage {
  /** Index into the messages given to toHast: the `message-N` anchor of the page. */
  index: number;
  message: VFileMessage;
  severity: Severity;
  /** Null for a file-level message (no place): listed in the panel only. */
  start: number | null;
  end: number | null;
  line: number | null;
  column: number | null;
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/**
 * Resolves each message's place to offsets in `text`: from the points' `offset` when set,
 * else from line and column. Offsets are clamped to the text and moved off the middle of a
 * surrogate pair (a span boundary there would split a character the page cannot show).
 */
export function placeMessages(text: string, messages: readonly VFileMessage[]): PlacedMessage[] {
  let lineStarts: number[] | null = null;
  const toOffset = (point: { line: number; column: number; offset?: number | undefined }): number => {
    if (typeof point.offset === 'number') return point.offset;
    lineStarts ??= splitLines(text).map((line) => line.start);
    const lineStart = lineStarts[Math.min(Math.max(point.line, 1), lineStarts.length) - 1]!;
    return lineStart + Math.max(point.column, 1) - 1;
  };
  return messages.map((message, index) => {
    const place = message.place;
    const severity = severityOf(message);
    if (!place) return { index, message, severity, start: null, end: null, line: null, column: null };
    const range = 'start' in place ? place : { start: place, end: place };
    const start = snap(text, toOffset(range.start));
    const end = Math.max(start, snap(text, toOffset(range.end)));
    return { index, message, severity, start, end, line: range.start.line, column: range.start.column };
  });
}

function snap(text: string, offset: number): number {
  const clamped = Math.min(Math.max(0, Math.trunc(offset)), text.length);
  const code = text.charCodeAt(clamped - 1);
  const next = text.charCodeAt(clamped);
  const insidePair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  return insidePair ? clamped + 1 : clamped;
}
