/**
 * The lines of the input as columns of typed arrays, not an object per line.
 *
 * The tree builder looks at every line (its visible extent, its heading marker) before it
 * builds anything. As objects, 6 MB of `一、\n` lines (860,000 lines) took ~140 bytes of heap
 * per line kept, and spreading one object into another per line cost ~3 s; as columns a line
 * costs 33 bytes, and `at(i)` makes the short-lived view the builder reads.
 */
import type { HeadingMarkerMatch } from '../skeleton/headings.js';
import type { AnyHeadingStyle } from './types.js';
import { lineStarts, type Line } from '../text/lines.js';

/** One line as the builder reads it: a fresh object per call, cheap and short-lived. */
export interface LineInfo extends Line {
  /** First character after indentation and leading debris. */
  visibleStart: number;
  /** Just past the last non-space character. */
  visibleEnd: number;
  /** The heading marker that opens the line, or null. */
  marker: HeadingMarkerMatch | null;
}

/** Every style a marker can have, so that a line stores its marker's style as one byte (0: none). */
const STYLES: readonly AnyHeadingStyle[] = ['cjk', 'paren-cjk', 'arabic', 'paren-arabic', 'circled', 'part', 'diyi', 'cjk-bare', 'unnumbered', 'roman', 'paren-latin'];
const STYLE_CODES = new Map(STYLES.map((style, index) => [style, index + 1]));

export class LineTable {
  readonly count: number;
  /** Offset of each line's first character (what PositionIndex needs). */
  readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly visibleStarts: Int32Array;
  private readonly visibleEnds: Int32Array;
  private readonly markerStyles: Uint8Array;
  private readonly markerEnds: Int32Array;
  private readonly markerOrdinals: Float64Array;

  /** Splits `input` at the terminators of splitLines (`\r\n`, `\n`, `\r`, U+2028, U+2029). */
  constructor(private readonly input: string) {
    this.starts = lineStarts(input);
    const count = (this.count = this.starts.length);
    this.ends = new Int32Array(count);
    for (let i = 0; i + 1 < count; i++) {
      // A line ends before its terminator: `\r\n` is one terminator of two characters.
      const next = this.starts[i + 1]!;
      this.ends[i] = input.charCodeAt(next - 1) === 10 && input.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
    }
    this.ends[count - 1] = input.length;
    this.visibleStarts = new Int32Array(count);
    this.visibleEnds = new Int32Array(count);
    this.markerStyles = new Uint8Array(count);
    this.markerEnds = new Int32Array(count);
    this.markerOrdinals = new Float64Array(count);
  }

  /** The line at `index`, or undefined past either end. */
  at(index: number): LineInfo | undefined {
    if (index < 0 || index >= this.count) return undefined;
    const start = this.starts[index]!;
    const end = this.ends[index]!;
    const visibleStart = this.visibleStarts[index]!;
    return {
      index,
      start,
      end,
      next: index + 1 < this.count ? this.starts[index + 1]! : end,
      visibleStart,
      visibleEnd: this.visibleEnds[index]!,
      marker: this.marker(index),
    };
  }

  start(index: number): number {
    return this.starts[index]!;
  }

  end(index: number): number {
    return this.ends[index]!;
  }

  /** Visible extent and marker of a line (its marker starts at visibleStart). */
  describe(index: number, visibleStart: number, visibleEnd: number, marker: HeadingMarkerMatch | null): void {
    this.visibleStarts[index] = visibleStart;
    this.visibleEnds[index] = visibleEnd;
    this.setMarker(index, marker);
  }

  /** True when the line has visible text (not only space and debris). */
  hasVisibleText(index: number): boolean {
    return this.visibleStarts[index]! < this.visibleEnds[index]!;
  }

  /** True when the line is empty or white space only (debris is not space). */
  isBlank(index: number): boolean {
    return this.visibleStarts[index] === this.ends[index];
  }

  hasMarker(index: number): boolean {
    return this.markerStyles[index] !== 0;
  }

  marker(index: number): HeadingMarkerMatch | null {
    const code = this.markerStyles[index]!;
    if (code === 0) return null;
    const start = this.visibleStarts[index]!;
    return { style: STYLES[code - 1] as HeadingMarkerMatch['style'], ordinal: this.markerOrdinals[index]!, start, end: this.markerEnds[index]! };
  }

  setMarker(index: number, marker: HeadingMarkerMatch | null): void {
    if (marker === null) {
      this.markerStyles[index] = 0;
      return;
    }
    if (marker.start !== this.visibleStarts[index]) throw new Error(`a heading marker starts where its line's text starts (line ${index + 1})`);
    this.markerStyles[index] = STYLE_CODES.get(marker.style)!;
    this.markerEnds[index] = marker.end;
    this.markerOrdinals[index] = marker.ordinal;
  }

  /** The line's visible text. */
  text(index: number): string {
    return this.input.slice(this.visibleStarts[index], this.visibleEnds[index]);
  }

  /** Length of the line's visible text. */
  visibleLength(index: number): number {
    return this.visibleEnds[index]! - this.visibleStarts[index]!;
  }
}
