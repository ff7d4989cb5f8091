/**
 * Which of two reports is the later: by the `year` of their metadata (written
 * as a number or a string: this archive spells `"2025"`), else by corpus order.
 * Reports without a year (the NPC resolutions of the national archive) sort
 * after every dated report, among themselves in corpus order.
 */

/** A report's year from its metadata, or null when it has none that reads as an integer. */
export function yearOf(metadata: Record<string, unknown>): number | null {
  const value = metadata.year;
  const year = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(year) ? year : null;
}

/**
 * Chronological ranks: `ranks[i]` is the rank of the i-th document of the
 * corpus, 0 the earliest; ties in year keep corpus order.
 */
export function chronologicalRanks(years: ReadonlyArray<number | null>): Uint32Array {
  const order = years.map((_, index) => index);
  order.sort((a, b) => {
    const yearA = years[a] ?? Infinity;
    const yearB = years[b] ?? Infinity;
    return yearA === yearB ? a - b : yearA - yearB;
  });
  const ranks = new Uint32Array(years.length);
  order.forEach((document, rank) => (ranks[document] = rank));
  return ranks;
}
