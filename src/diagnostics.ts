/**
 * Warnings are data, not exceptions: vfile-style messages with a rule id,
 * a reason and a position, so a linter, an editor or a reporter can show them.
 */
import type { Position } from 'unist';
import { lineStarts } from './text/lines.js';
import { PositionIndex } from './text/positions.js';

export type WarningRule =
  | 'empty-input'
  | 'binary-input'
  | 'lone-surrogate'
  | 'long-line'
  | 'node-budget'
  | 'unclosed-quote'
  | 'mismatched-quote'
  | 'numbering-gap'
  | 'numbering-repeat'
  | 'numbering-restart'
  | 'numbering-mixed-style'
  | 'slogan-variant'
  | 'slogan-count-mismatch'
  | 'docx-numbering-lost';

export interface Warning {
  rule: WarningRule;
  message: string;
  /** UTF-16 offset into the original input. */
  offset: number;
  /** Always set on the warnings of parse and analyze; a file-level warning of the archive layer may lack it. */
  position?: Position;
  source: 'gongwen';
}

/** Gives every warning that lacks one a position (its offset, as a point-wide range) in `text`. */
export function withPositions(text: string, warnings: Warning[]): Warning[] {
  if (warnings.every((warning) => warning.position)) return warnings;
  const index = new PositionIndex({ starts: lineStarts(text) });
  return warnings.map((warning) => {
    if (warning.position) return warning;
    const at = Math.min(Math.max(0, warning.offset), text.length);
    return { ...warning, position: index.position(at, at) };
  });
}

/** Thrown for input that cannot be read at all (files: unreadable, binary, undecodable, over the size limit), and for an output folder that cannot be used (OUTPUT). */
export class GongwenError extends Error {
  constructor(
    readonly code: 'ENOENT' | 'EISDIR' | 'UNREADABLE' | 'BINARY' | 'DECODE' | 'FORMAT' | 'TOO_LARGE' | 'SEGMENTER' | 'USAGE' | 'OUTPUT',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GongwenError';
  }
}
