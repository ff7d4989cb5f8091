/** Binary search over sorted lists (src/text/search.ts), used by the extractors and analyze(). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lastAtOrBefore, lastIndexAtOrBefore, rangeAt } from '../src/text/search.js';

const itself = (value: number) => value;

describe('lastIndexAtOrBefore', () => {
  it('finds the last item whose key is at most the position', () => {
    const values = [2, 5, 9];
    expect([0, 2, 4, 5, 8, 9, 100].map((position) => lastIndexAtOrBefore(values, position, itself))).toEqual([-1, 0, 0, 1, 1, 2, 2]);
  });

  it('is -1 for an empty list', () => {
    expect(lastIndexAtOrBefore([], 3, itself)).toBe(-1);
  });

  it('takes the last of equal keys', () => {
    expect(lastIndexAtOrBefore([1, 3, 3, 3, 7], 3, itself)).toBe(3);
  });

  it('reads the key through keyOf', () => {
    const spans = [{ start: 0 }, { start: 4 }, { start: 10 }];
    expect(lastIndexAtOrBefore(spans, 6, (span) => span.start)).toBe(1);
    expect(lastAtOrBefore(spans, 6, (span) => span.start)).toBe(spans[1]);
    expect(lastAtOrBefore(spans, -1, (span) => span.start)).toBeUndefined();
  });

  it('agrees with a linear scan on any sorted list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, position) => {
        const sorted = [...values].sort((a, b) => a - b);
        let expected = -1;
        sorted.forEach((value, index) => {
          if (value <= position) expected = index;
        });
        expect(lastIndexAtOrBefore(sorted, position, itself)).toBe(expected);
      }),
    );
  });
});

describe('rangeAt', () => {
  const ranges = [
    { start: 0, end: 3 },
    { start: 3, end: 3 },
    { start: 5, end: 9 },
  ];

  it('finds the range holding an offset, end excluded', () => {
    expect(rangeAt(ranges, 0)).toBe(ranges[0]);
    expect(rangeAt(ranges, 2)).toBe(ranges[0]);
    expect(rangeAt(ranges, 5)).toBe(ranges[2]);
    expect(rangeAt(ranges, 8)).toBe(ranges[2]);
  });

  it('finds none in a gap, in an empty range or outside', () => {
    expect(rangeAt(ranges, 3)).toBeUndefined();
    expect(rangeAt(ranges, 4)).toBeUndefined();
    expect(rangeAt(ranges, 9)).toBeUndefined();
    expect(rangeAt(ranges, -1)).toBeUndefined();
    expect(rangeAt([], 0)).toBeUndefined();
  });

  it('agrees with a linear scan on ranges in text order', () => {
    const cuts = fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 12 }).map((values) => [...values].sort((a, b) => a - b));
    fc.assert(
      fc.property(cuts, fc.integer({ min: -2, max: 45 }), (points, offset) => {
        // Pairs of consecutive cut points: ranges in order, not overlapping, some empty.
        const list = [];
        for (let i = 0; i + 1 < points.length; i += 2) list.push({ start: points[i]!, end: points[i + 1]! });
        expect(rangeAt(list, offset)).toBe(list.find((range) => range.start <= offset && offset < range.end));
      }),
    );
  });
});
