/** Binary search over sorted lists: spans, sentences, offsets. */

/**
 * The index of the last of `items` whose key (`keyOf`) is at most `position`, or -1 when
 * none is. `items` must be sorted by key, ascending (ties allowed).
 *
 * For ranges in text order that do not overlap (sentences, quotations, dictionary matches),
 * the item found by their start is the only one that can hold `position`: it does when
 * `position` is also before its end.
 */
export function lastIndexAtOrBefore<T>(items: readonly T[], position: number, keyOf: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (keyOf(items[middle]!) <= position) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The last of `items` whose key is at most `position` (see lastIndexAtOrBefore), or undefined. */
export function lastAtOrBefore<T>(items: readonly T[], position: number, keyOf: (item: T) => number): T | undefined {
  const index = lastIndexAtOrBefore(items, position, keyOf);
  return index < 0 ? undefined : items[index];
}

/**
 * The range of `ranges` (in text order, not overlapping) that holds `offset`
 * (`start <= offset < end`), or undefined.
 */
export function rangeAt<R extends { start: number; end: number }>(ranges: readonly R[], offset: number): R | undefined {
  const range = lastAtOrBefore(ranges, offset, startOf);
  return range !== undefined && offset < range.end ? range : undefined;
}

const startOf = (range: { start: number }) => range.start;
