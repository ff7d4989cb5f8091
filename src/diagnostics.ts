/**
 * Warnings are data, not exceptions: vfile-style messages with a rule id,
 * a reason and a position, so a linter, an editor or a reporter can show them.
 */
import type { Position } from 'unist';

export type WarningRule =
  | 'empty-input'
  | 'binary-input'
  | 'lone-surrogate'
  | 'long-line'
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
  position?: Position;
  source: 'gongwen';
}

/** Thrown for input that cannot be read at all (files: unreadable, binary, undecodable). */
export class GongwenError extends Error {
  constructor(
    readonly code: 'ENOENT' | 'EISDIR' | 'UNREADABLE' | 'BINARY' | 'DECODE' | 'FORMAT' | 'SEGMENTER' | 'USAGE',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GongwenError';
  }
}
