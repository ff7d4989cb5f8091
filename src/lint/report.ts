/**
 * How a rule reports: a VFileMessage at exact offsets into the original
 * input, with `actual` and `expected` when the fix is certain.
 */
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import { splitLines } from '../text/lines.js';
import { PositionIndex } from '../text/positions.js';

/** Offset → point lookups for one file, built once per file. */
const indexes = new WeakMap<VFile, { text: string; index: PositionIndex }>();

function positionIndex(file: VFile, text: string): PositionIndex {
  const known = indexes.get(file);
  if (known && known.text === text) return known.index;
  const index = new PositionIndex(splitLines(text));
  indexes.set(file, { text, index });
  return index;
}

export interface Finding {
  reason: string;
  /** [start, end) UTF-16 offsets into the original input. */
  start: number;
  end: number;
  /** The certain replacement of text[start, end) (`''` removes it); absent when nothing is certain. */
  fix?: string;
  /** Extra explanation shown by reporters that show notes (vfile-reporter --verbose, SARIF). */
  note?: string;
}

/** Reports one finding on `file`; unified-lint-rule then stamps ruleId, source and severity on it. */
export function report(file: VFile, text: string, finding: Finding): void {
  const index = positionIndex(file, text);
  const copy = (point: Point): Point => ({ line: point.line, column: point.column, offset: point.offset! });
  const place = { start: copy(index.point(finding.start)), end: copy(index.point(finding.end)) };
  const message = file.message(finding.reason, { place });
  if (finding.fix !== undefined) {
    message.actual = text.slice(finding.start, finding.end);
    message.expected = [finding.fix];
  }
  if (finding.note) message.note = finding.note;
}
