/**
 * `gongwen corpus slogans`: how often every numbered formula (数字化提法) occurs
 * in each group (by default each year), raw and per 10,000 characters, with
 * the first and last group it is seen in. Variants and wrong forms count for
 * their canonical form (`二个维护` for 两个维护), as the extractor maps them.
 *
 * One pass; held: a count per (group, formula) and the characters per group.
 * Each document's text is read once to count its characters (documents.jsonl
 * does not store the length).
 */
import { groupFlag, integerFlag, listFlag, type FlagValues } from '../flags.js';
import { compareGroups } from '../filters.js';
import { canonicalFormula, formulaEntry } from '../formulas.js';
import { countCharacters, groupOf, sortedGroups } from '../grouping.js';
import type { Cell, Corpus, CorpusAnalysis, Table } from '../types.js';

export interface SlogansOptions {
  /** Metadata field to group by. Default: `year`. */
  group?: string;
  /** Only the N formulas most frequent over the whole corpus (then every group gets a row, zeros included). */
  top?: number;
  /** Only these formulas (canonical forms; then every group gets a row, zeros included). */
  formulas?: string[];
  /** Also count quoted numeral-led phrases that are not in the dictionary (`“五问”`). Default: false. */
  unknown?: boolean;
}

export interface SloganRow {
  [column: string]: Cell;
  group: Cell;
  formula: string;
  /** In the slogan dictionary (dicts/slogans.yaml). */
  known: boolean;
  /** Occurrences in the group's documents. */
  count: number;
  /** Documents of the group in which it occurs. */
  documents: number;
  /** Characters (whitespace excluded) of all the group's documents. */
  characters: number;
  /** count per 10,000 characters of the group. */
  per_10k: number;
  /** First and last group (in group order) in which the formula occurs at all. */
  first_seen: Cell;
  last_seen: Cell;
}

export const SLOGAN_COLUMNS = ['group', 'formula', 'known', 'count', 'documents', 'characters', 'per_10k', 'first_seen', 'last_seen'] as const;

interface FormulaTally {
  known: boolean;
  total: number;
  /** group → [occurrences, documents] */
  byGroup: Map<Cell, [number, number]>;
}

export async function slogans(corpus: Corpus, options: SlogansOptions = {}): Promise<Table<SloganRow>> {
  const field = options.group ?? 'year';
  const characters = new Map<Cell, number>();
  const tallies = new Map<string, FormulaTally>();
  for await (const document of corpus.documents()) {
    const group = groupOf(document, field);
    characters.set(group, (characters.get(group) ?? 0) + countCharacters(await document.text()));
    const inDocument = new Map<string, { known: boolean; count: number }>();
    for (const slogan of document.analysis.slogans) {
      if (!slogan.known && !options.unknown) continue;
      const entry = inDocument.get(slogan.canonical) ?? { known: slogan.known, count: 0 };
      entry.count++;
      inDocument.set(slogan.canonical, entry);
    }
    for (const [formula, { known, count }] of inDocument) {
      const tally = tallies.get(formula) ?? { known, total: 0, byGroup: new Map() };
      tally.total += count;
      const cell = tally.byGroup.get(group) ?? [0, 0];
      cell[0] += count;
      cell[1] += 1;
      tally.byGroup.set(group, cell);
      tallies.set(formula, tally);
    }
  }

  let chosen = [...tallies.keys()].sort((a, b) => tallies.get(b)!.total - tallies.get(a)!.total || (a < b ? -1 : a > b ? 1 : 0));
  const dense = options.top !== undefined || (options.formulas?.length ?? 0) > 0;
  if (options.formulas && options.formulas.length > 0) {
    // Asked for by any written form (`八项规定`): counted under the canonical form, as the extractor reports it.
    chosen = [...new Set(options.formulas.map(canonicalFormula))];
    // A formula asked for that never occurs still gets its rows of zeros: "not used" is an answer.
    for (const formula of chosen) if (!tallies.has(formula)) tallies.set(formula, { known: formulaEntry(formula) !== null, total: 0, byGroup: new Map() });
  }
  if (options.top !== undefined) chosen = chosen.slice(0, options.top);

  const groups = sortedGroups(characters).map(([group]) => group);
  const rows: SloganRow[] = [];
  for (const formula of chosen) {
    const tally = tallies.get(formula)!;
    // Documents without the field (group null) say nothing about when a formula was first used.
    const seen = [...tally.byGroup.keys()].filter((group) => group !== null).sort(compareGroups);
    const first = seen[0] ?? null;
    const last = seen[seen.length - 1] ?? null;
    for (const group of groups) {
      const [count, documents] = tally.byGroup.get(group) ?? [0, 0];
      if (count === 0 && !dense) continue;
      const size = characters.get(group) ?? 0;
      rows.push({
        group,
        formula,
        known: tally.known,
        count,
        documents,
        characters: size,
        per_10k: size === 0 ? 0 : round((count * 10_000) / size),
        first_seen: first,
        last_seen: last,
      });
    }
  }
  return { columns: [...SLOGAN_COLUMNS], rows };
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** A line per formula over the groups, per 10,000 characters: the formulas asked for, else the five most frequent of the table. */
export function slogansChart(table: Table<SloganRow>, options: SlogansOptions = {}): Record<string, unknown> | null {
  if (table.rows.length === 0) return null;
  const totals = new Map<string, number>();
  for (const row of table.rows) totals.set(row.formula, (totals.get(row.formula) ?? 0) + row.count);
  const formulas = options.formulas && options.formulas.length > 0
    ? [...new Set(options.formulas.map(canonicalFormula))].filter((formula) => totals.has(formula))
    : [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)!).slice(0, 5);
  // Every group of the table gets a point on every line: a year without the formula is a zero, not a gap.
  const sizes = new Map<Cell, number>();
  for (const row of table.rows) sizes.set(row.group, row.characters);
  const byKey = new Map(table.rows.map((row) => [`${String(row.group)}\u0000${row.formula}`, row]));
  const values = formulas.flatMap((formula) =>
    [...sizes.keys()]
      .filter((group) => group !== null)
      .sort(compareGroups)
      .map((group) => ({ group, formula, per_10k: byKey.get(`${String(group)}\u0000${formula}`)?.per_10k ?? 0 })),
  );
  const numeric = values.every((value) => typeof value.group === 'number');
  return {
    title: { text: '数字化提法出现频率', subtitle: `每万字出现次数，按 ${options.group ?? 'year'} 分组` },
    width: 720,
    height: 360,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: numeric
        ? { field: 'group', type: 'quantitative', title: options.group ?? 'year', axis: { format: 'd' }, scale: { zero: false } }
        : { field: 'group', type: 'ordinal', title: options.group ?? 'year' },
      y: { field: 'per_10k', type: 'quantitative', title: '每万字出现次数' },
      color: { field: 'formula', type: 'nominal', title: '提法', sort: formulas },
    },
  };
}

export const slogansAnalysis: CorpusAnalysis<SlogansOptions, SloganRow> = {
  name: 'slogans',
  usage: `slogans  [--top N] [--formula F]… [--unknown]
      Occurrences of every numbered formula by group, raw and per 10,000 characters, first and
      last group seen; the chart draws the --formula lines (else the 5 most frequent) over time.`,
  options: {
    top: { type: 'string' },
    formula: { type: 'string', multiple: true },
    unknown: { type: 'boolean' },
  },
  fromFlags(values: FlagValues) {
    const options: SlogansOptions = { group: groupFlag(values) };
    if (values.top !== undefined) options.top = integerFlag(values, 'top', 20);
    const formulas = listFlag(values, 'formula');
    if (formulas.length > 0) options.formulas = formulas;
    if (values.unknown === true) options.unknown = true;
    return options;
  },
  run: slogans,
  chart: slogansChart,
};
