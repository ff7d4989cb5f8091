/**
 * English labels for the corpus tables and charts (`gongwen corpus … --lang en`): the
 * indicator names (`gdp-growth` → "GDP growth"), the formulas (两个维护 → "Two Upholds",
 * from the glossary), and the Chinese words the charts are drawn with (目标 → target).
 *
 * Tables keep their keys and gain English columns next to them (`indicator_en`,
 * `formula_en`): a script reading the Chinese keys goes on working. Charts are relabelled
 * throughout: a string equal to a formula or a chart word is replaced, and the chart words
 * inside longer strings (titles, filter expressions) too, so data and filters stay in step.
 */
import { INDICATORS } from '../extract/indicators.js';
import type { IndicatorId } from '../extract/types.js';
import type { Cell, Table } from '../corpus/types.js';
import { loadGlossary } from './glossary.js';

/** The indicators as the English translations of the reports name them. */
export const ENGLISH_INDICATOR_LABELS: Readonly<Record<IndicatorId, string>> = Object.fromEntries(
  INDICATORS.map((indicator) => [indicator.id, indicator.english]),
) as Record<IndicatorId, string>;

/** The Chinese words of the corpus charts, with the Chinese indicator labels of targets.ts. */
const CHART_WORDS: ReadonlyArray<[string, string]> = [
  ['目标：当年政府工作报告；实际：次年报告所述', "target: that year's government work report; outcome: as the next report states"],
  ['每万字出现次数，按 ', 'occurrences per 10,000 characters, by '],
  ['数字化提法出现频率', 'Numbered formulas: frequency'],
  ['每万字出现次数', 'occurrences per 10,000 characters'],
  // The indicator labels, longest first (`单位国内生产总值能耗降低` before `国内生产总值增长`).
  ...[...INDICATORS].sort((a, b) => b.label.length - a.label.length).map((indicator): [string, string] => [indicator.label, indicator.english]),
  ['目标与实际', 'target and outcome'],
  ['目标值', 'target'],
  ['实际值', 'outcome'],
  ['（目标）', ' (target)'],
  [' 分组', ''],
  ['目标', 'target'],
  ['实际', 'outcome'],
  ['年份', 'year'],
  ['提法', 'formula'],
  ['：', ': '],
  ['（', ' ('],
  ['）', ')'],
];

export type Lang = 'zh' | 'en';

/** The English name of an indicator id, or the id itself when it is not one. */
export function indicatorLabel(id: string): string {
  return (ENGLISH_INDICATOR_LABELS as Record<string, string>)[id] ?? id;
}

/** A formula's preferred English rendering, or null. */
function formulaLabel(canonical: string): string | null {
  return loadGlossary().byCanonical.get(canonical)?.renderings[0]?.text ?? null;
}

/** The table with an English column after each Chinese-keyed one (`indicator` → `indicator_en`, `formula` → `formula_en`). */
export function englishTable<Row extends Record<string, Cell>>(table: Table<Row>): Table<Row> {
  const added: Array<[string, (value: Cell) => Cell]> = [];
  if (table.columns.includes('indicator')) added.push(['indicator', (value) => (typeof value === 'string' ? indicatorLabel(value) : value)]);
  if (table.columns.includes('formula')) added.push(['formula', (value) => (typeof value === 'string' ? formulaLabel(value) : null)]);
  if (added.length === 0) return table;
  const columns = table.columns.flatMap((column) => (added.some(([name]) => name === column) ? [column, `${column}_en`] : [column]));
  const rows = table.rows.map((row) => {
    const out: Record<string, Cell> = { ...row };
    for (const [name, label] of added) out[`${name}_en`] = label(row[name] ?? null);
    return out as Row;
  });
  return { ...table, columns, rows };
}

/** A vega-lite spec with its Chinese labels and formulas in English. */
export function englishChart(spec: Record<string, unknown>): Record<string, unknown> {
  return relabel(spec) as Record<string, unknown>;
}

function relabel(value: unknown): unknown {
  if (typeof value === 'string') return relabelString(value);
  if (Array.isArray(value)) return value.map(relabel);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, relabel(inner)]));
  }
  return value;
}

function relabelString(text: string): string {
  const formula = formulaLabel(text);
  if (formula !== null) return formula;
  let out = text;
  for (const [chinese, english] of CHART_WORDS) out = out.replaceAll(chinese, english);
  return out;
}
