/**
 * `gongwen corpus targets`: each report's targets for its year (GDP growth,
 * CPI, urban jobs, surveyed unemployment, deficit ratio, grain output…),
 * joined with the outcome the next report states for the same indicator:
 * report Y sets the targets for year Y, report Y+1 says what year Y came to.
 *
 * The targets and outcomes are the extractor's (`analysis.targets`,
 * `analysis.outcomes`, src/extract/indicators.ts); records of an older
 * documents.jsonl that lack them count as reports without targets, and the
 * table's `notes` say so.
 *
 * Met or missed, by the indicator's direction: growth, jobs, grain and the
 * fall of energy intensity are floors (met when the outcome reaches the
 * target, the lower end of a range); prices, unemployment and the deficit
 * ratio are ceilings (met when the outcome stays at or under the target, the
 * upper end of a range). `左右` is not widened: 7.4% against `7.5%左右` is
 * missed, and the `qualifier` column shows the target was approximate.
 *
 * One pass; held per report with a year: its targets and outcomes (a few
 * records each), for the join at the end.
 */
import { GongwenError } from '../../diagnostics.js';
import { INDICATORS } from '../../extract/indicators.js';
import type { IndicatorRecord } from '../../extract/types.js';
import { listFlag, stringFlag, type FlagValues } from '../flags.js';
import { compareGroups, fieldValue } from '../filters.js';
import type { Cell, Corpus, CorpusAnalysis, Table } from '../types.js';

export interface TargetsOptions {
  /** Only these indicators (`gdp-growth`, `cpi`…). Default: all. */
  indicators?: string[];
  /** Metadata field naming a series of reports (`region`): the next report is the next year's of the same series. Default: none (one series). */
  series?: string;
}

export type TargetStatus = 'met' | 'missed' | 'no outcome' | 'not comparable';

export interface TargetRow {
  [column: string]: Cell;
  /** The year the target is for (the report's year). */
  year: number;
  series: Cell;
  indicator: string;
  target: number | null;
  target_high: number | null;
  unit: string;
  qualifier: string | null;
  target_raw: string;
  outcome: number | null;
  outcome_unit: string | null;
  outcome_raw: string | null;
  status: TargetStatus;
  document: string;
  outcome_document: string | null;
}

export const TARGET_COLUMNS = ['year', 'series', 'indicator', 'target', 'target_high', 'unit', 'qualifier', 'target_raw', 'outcome', 'outcome_unit', 'outcome_raw', 'status', 'document', 'outcome_document'] as const;

/** Indicators whose target is a ceiling; every other one is a floor. */
export const CEILING_INDICATORS: ReadonlySet<string> = new Set(['cpi', 'surveyed-unemployment', 'registered-unemployment', 'deficit-ratio']);

/** Units that compare after conversion, to kilograms (grain output is stated in 斤, 公斤 and 吨 over the decades). */
const WEIGHT_IN_KG: Readonly<Record<string, number>> = { 斤: 0.5, 市斤: 0.5, 公斤: 1, 千克: 1, 吨: 1000 };

/** The outcome in the target's unit, or null when the units do not compare. */
function inTargetUnit(outcome: IndicatorRecord, targetUnit: string): number | null {
  if (outcome.value === null) return null;
  const a = normalizeUnit(outcome.unit);
  const b = normalizeUnit(targetUnit);
  if (a === b) return outcome.value;
  const from = WEIGHT_IN_KG[a];
  const to = WEIGHT_IN_KG[b];
  return from !== undefined && to !== undefined ? (outcome.value * from) / to : null;
}

/** `％` is `%`; spaces inside a unit (`亿 公斤`, from spaced-out scans) are not part of it. */
const normalizeUnit = (unit: string) => unit.replace(/％/g, '%').replace(/\s+/g, '');

export function targetStatus(target: IndicatorRecord, outcome: IndicatorRecord | undefined): TargetStatus {
  if (outcome === undefined || outcome.value === null) return 'no outcome';
  const value = inTargetUnit(outcome, target.unit);
  if (target.value === null || value === null) return 'not comparable';
  if (CEILING_INDICATORS.has(target.indicator)) return value <= (target.valueHigh ?? target.value) + 1e-9 ? 'met' : 'missed';
  return value >= target.value - 1e-9 ? 'met' : 'missed';
}

interface Report {
  id: string;
  year: number;
  series: Cell;
  targets: IndicatorRecord[];
}

export async function targets(corpus: Corpus, options: TargetsOptions = {}): Promise<Table<TargetRow>> {
  const wanted = options.indicators && options.indicators.length > 0 ? new Set(options.indicators) : null;
  const keep = (value: IndicatorRecord) => wanted === null || wanted.has(value.indicator);
  const reports: Report[] = [];
  /** `series\0year` → the first report of that year: its id and outcomes (for the year before). */
  const outcomes = new Map<string, { id: string; outcomes: IndicatorRecord[] }>();
  const key = (series: Cell, year: number) => `${String(series)}\u0000${year}`;
  let withoutIndicators = 0;
  for await (const document of corpus.documents()) {
    const year = fieldValue(document.metadata, 'year');
    if (typeof year !== 'number') continue;
    const series = options.series ? fieldValue(document.metadata, options.series) : null;
    // Records of a documents.jsonl written before indicators were extracted have neither field.
    const analysis = document.analysis as { targets?: IndicatorRecord[]; outcomes?: IndicatorRecord[] };
    if (analysis.targets === undefined && analysis.outcomes === undefined) withoutIndicators++;
    const own = (analysis.targets ?? []).filter(keep);
    if (own.length > 0) reports.push({ id: document.id, year, series, targets: own });
    const stated = (analysis.outcomes ?? []).filter(keep);
    if (stated.length > 0 && !outcomes.has(key(series, year))) outcomes.set(key(series, year), { id: document.id, outcomes: stated });
  }
  const rows: TargetRow[] = [];
  for (const report of reports) {
    const next = outcomes.get(key(report.series, report.year + 1));
    for (const target of report.targets) {
      const outcome = next?.outcomes.find((candidate) => candidate.indicator === target.indicator);
      rows.push({
        year: report.year,
        series: report.series,
        indicator: target.indicator,
        target: target.value,
        target_high: target.valueHigh,
        unit: normalizeUnit(target.unit),
        qualifier: target.qualifier,
        target_raw: target.raw,
        outcome: outcome ? inTargetUnit(outcome, target.unit) ?? outcome.value : null,
        outcome_unit: outcome ? normalizeUnit(inTargetUnit(outcome, target.unit) !== null ? target.unit : outcome.unit) : null,
        outcome_raw: outcome?.raw ?? null,
        status: targetStatus(target, outcome),
        document: report.id,
        outcome_document: outcome ? next!.id : null,
      });
    }
  }
  rows.sort((a, b) => compareGroups(a.series, b.series) || a.year - b.year || (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
  const table: Table<TargetRow> = { columns: [...TARGET_COLUMNS], rows };
  if (withoutIndicators > 0) table.notes = [`${withoutIndicators} documents carry no targets or outcomes: extracted by a gongwen without indicators; run gongwen extract again`];
  return table;
}

/** Target (a line, a band for a range) and outcome (points) of one indicator over the years; the first of the table unless --indicator names one. */
export function targetsChart(table: Table<TargetRow>, options: TargetsOptions = {}): Record<string, unknown> | null {
  const indicator = options.indicators?.[0] ?? (table.rows.some((row) => row.indicator === 'gdp-growth') ? 'gdp-growth' : table.rows[0]?.indicator);
  const rows = table.rows.filter((row) => row.indicator === indicator && row.target !== null);
  if (rows.length === 0 || indicator === undefined) return null;
  const unit = rows[0]!.unit;
  const values = rows.flatMap((row) => [
    { year: row.year, series: '目标', value: row.target, high: row.target_high ?? row.target, raw: row.target_raw, status: row.status },
    ...(row.outcome === null ? [] : [{ year: row.year, series: '实际', value: row.outcome, high: row.outcome, raw: row.outcome_raw, status: row.status }]),
  ]);
  const x = { field: 'year', type: 'quantitative', title: '年份', axis: { format: 'd' }, scale: { zero: false } };
  const y = { field: 'value', type: 'quantitative', title: `${INDICATOR_LABELS[indicator] ?? indicator}（${unit}）` };
  const color = { field: 'series', type: 'nominal', title: '', scale: { domain: ['目标', '实际'], range: ['#4c78a8', '#e45756'] } };
  return {
    title: { text: `${INDICATOR_LABELS[indicator] ?? indicator}：目标与实际`, subtitle: '目标：当年政府工作报告；实际：次年报告所述' },
    width: 720,
    height: 360,
    data: { values },
    layer: [
      { transform: [{ filter: "datum.series === '目标'" }], mark: { type: 'area', opacity: 0.2 }, encoding: { x, y, y2: { field: 'high' }, color } },
      { transform: [{ filter: "datum.series === '目标'" }], mark: { type: 'line', point: true }, encoding: { x, y, color } },
      { transform: [{ filter: "datum.series === '实际'" }], mark: { type: 'point', filled: true, size: 60 }, encoding: { x, y, color, tooltip: [{ field: 'raw' }, { field: 'status' }] } },
    ],
  };
}

/** The Chinese label of each indicator (src/extract/indicators.ts), for the chart's titles. */
export const INDICATOR_LABELS: Readonly<Record<string, string>> = Object.fromEntries(INDICATORS.map((indicator) => [indicator.id, indicator.label]));

export const targetsAnalysis: CorpusAnalysis<TargetsOptions, TargetRow> = {
  name: 'targets',
  usage: `targets  [--indicator gdp-growth]… [--series FIELD]
      Each report's targets for its year joined with the outcome the next report states: met,
      missed or no outcome; the chart draws target against outcome of one indicator.`,
  options: {
    indicator: { type: 'string', multiple: true },
    series: { type: 'string' },
  },
  fromFlags(values: FlagValues) {
    if (values.group !== undefined) throw new GongwenError('USAGE', 'gongwen corpus targets takes no --group: rows are per report and year (use --series FIELD for several series of reports)');
    const options: TargetsOptions = {};
    const indicators = listFlag(values, 'indicator');
    if (indicators.length > 0) options.indicators = indicators;
    const series = stringFlag(values, 'series');
    if (series) options.series = series;
    return options;
  },
  run: targets,
  chart: targetsChart,
};
