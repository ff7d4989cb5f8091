/**
 * Offsets → unist points (1-based line and column, 0-based offset).
 *
 * Tree building asks for points in roughly increasing order, so the lookup
 * starts from the line of the previous answer and only falls back to a binary
 * search on a jump: amortised O(1) per node. Points are shared between
 * nodes that meet at an offset: treat them as read-only.
 */
import type { Point, Position } from 'unist';
import type { Line } from './lines.js';

const RECENT_POINTS = 4;

export class PositionIndex {
  private readonly starts: ArrayLike<number>;
  private cursor = 0;
  private readonly recent: Point[] = [];
  private nextRecent = 0;

  /** From the lines, or from their start offsets alone (the tree builder's typed column). */
  constructor(lines: readonly Line[] | { readonly starts: ArrayLike<number> }) {
    this.starts = 'starts' in lines ? lines.starts : lines.map((line) => line.start);
  }

  point(offset: number): Point {
    // Adjacent nodes share their boundary point (one node's end is the next
    // one's start): reusing the object halves the allocations of a large tree.
    // A heading asks for the same few offsets in turn (line start, marker end, line end:
    // for its section, heading, marker and warning), so the last four points are kept.
    const recent = this.recent;
    for (let i = 0; i < recent.length; i++) if (recent[i]!.offset === offset) return recent[i]!;
    const starts = this.starts;
    let line = this.cursor;
    if (!(starts[line]! <= offset && (line + 1 >= starts.length || offset < starts[line + 1]!))) {
      if (line + 1 < starts.length && offset >= starts[line + 1]! && (line + 2 >= starts.length || offset < starts[line + 2]!)) {
        line += 1;
      } else {
        line = this.search(offset);
      }
      this.cursor = line;
    }
    const point: Point = { line: line + 1, column: offset - starts[line]! + 1, offset };
    if (recent.length < RECENT_POINTS) recent.push(point);
    else recent[this.nextRecent] = point;
    this.nextRecent = (this.nextRecent + 1) % RECENT_POINTS;
    return point;
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }

  private search(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
