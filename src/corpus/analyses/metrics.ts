/**
 * `gongwen corpus metrics --subject 国内生产总值 --stance target`: one metric's
 * series over the groups (years): the first metric of each group, in corpus
 * order, whose subject, comparison, unit and stance are the ones asked for,
 * with how many others matched too.
 *
 * One pass; held: one row per group.
 */
import { GongwenError } from '../../diagnostics.js';
import type { MetricRecord, Stance, UnitKind } from '../../extract/types.js';
import { userPattern } from '../user-pattern.js';
import { choiceFlag, groupFlag, stringFlag, type FlagValues } from '../flags.js';
import { groupOf, sortedGroups } from '../grouping.js';
import type { Cell, Corpus, CorpusAnalysis, Table } from '../types.js';

export interface MetricsOptions {
  group?: string;
  /** The metric's subject: exactly (`国内生产总值`), or a regular expression between slashes (`/居民.*收入/`). */
  subject: string;
  stance?: Stance;
  /** The comparison word exactly (`增长`, `下降`, `比重`). */
  comparison?: string;
  /** A unit as written (`%`, `万人`, `元`) or a unit kind (`percent`, `money`, `person`). */
  unit?: string;
}

export interface MetricRow {
  [column: string]: Cell;
  group: Cell;
  document: string;
  subject: string;
  value: number | null;
  value_high: number | null;
  unit: string;
  qualifier: string | null;
  comparison: string | null;
  stance: Stance;
  raw: string;
  /** Metrics of the group that matched; `value` is the first of them. */
  matches: number;
}

export const METRIC_COLUMNS = ['group', 'document', 'subject', 'value', 'value_high', 'unit', 'qualifier', 'comparison', 'stance', 'raw', 'matches'] as const;

const UNIT_KINDS: ReadonlySet<string> = new Set<UnitKind>(['count', 'person', 'money', 'percent', 'percentage-point', 'area', 'length', 'weight', 'volume', 'energy', 'time', 'rank', 'other']);

/** Full-width `％` and `%` are one unit. */
const sameUnit = (a: string, b: string) => a.replace(/％/g, '%') === b.replace(/％/g, '%');

export function metricMatcher(options: MetricsOptions): (metric: MetricRecord) => boolean {
  const regex = /^\/(.+)\/$/su.exec(options.subject);
  let subjectMatches: (subject: string) => boolean;
  if (regex) {
    const pattern = userPattern(regex[1]!, '--subject');
    subjectMatches = (subject) => pattern.test(subject);
  } else {
    subjectMatches = (subject) => subject === options.subject;
  }
  const { stance, comparison, unit } = options;
  return (metric) =>
    metric.subject !== null &&
    !metric.placeholder &&
    subjectMatches(metric.subject) &&
    (stance === undefined || metric.stance === stance) &&
    (comparison === undefined || metric.comparison === comparison) &&
    (unit === undefined || (UNIT_KINDS.has(unit) ? metric.unitKind === unit : sameUnit(metric.unit, unit)));
}

export async function metrics(corpus: Corpus, options: MetricsOptions): Promise<Table<MetricRow>> {
  if (!options.subject) throw new GongwenError('USAGE', 'metrics needs a subject (--subject 国内生产总值)');
  const field = options.group ?? 'year';
  const matches = metricMatcher(options);
  const byGroup = new Map<Cell, MetricRow>();
  for await (const document of corpus.documents()) {
    const group = groupOf(document, field);
    for (const metric of document.analysis.metrics) {
      if (!matches(metric)) continue;
      const row = byGroup.get(group);
      if (row) {
        row.matches++;
        continue;
      }
      byGroup.set(group, {
        group,
        document: document.id,
        subject: metric.subject!,
        value: metric.value,
        value_high: metric.valueHigh,
        unit: metric.unit,
        qualifier: metric.qualifier,
        comparison: metric.comparison,
        stance: metric.stance,
        raw: metric.raw,
        matches: 1,
      });
    }
  }
  return { columns: [...METRIC_COLUMNS], rows: sortedGroups(byGroup).map(([, row]) => row) };
}

/** The value over the groups, a line with points; a range (`6%－6.5%`) as a vertical rule from value to value_high. */
export function metricsChart(table: Table<MetricRow>, options: MetricsOptions): Record<string, unknown> | null {
  const rows = table.rows.filter((row) => row.group !== null && row.value !== null);
  if (rows.length === 0) return null;
  const numeric = rows.every((row) => typeof row.group === 'number');
  const group = options.group ?? 'year';
  const x = numeric ? { field: 'group', type: 'quantitative', title: group, axis: { format: 'd' }, scale: { zero: false } } : { field: 'group', type: 'ordinal', title: group };
  const units = [...new Set(rows.map((row) => row.unit))];
  const yTitle = `${options.subject}${options.comparison ?? ''}${units.length === 1 ? `（${units[0]}）` : ''}`;
  return {
    title: { text: `${options.subject}${options.comparison ?? ''}`, subtitle: options.stance === 'target' ? '目标值' : options.stance === 'actual' ? '实际值' : '' },
    width: 720,
    height: 360,
    data: { values: rows.map((row) => ({ group: row.group, value: row.value, value_high: row.value_high ?? row.value, raw: row.raw })) },
    layer: [
      { mark: { type: 'rule' }, encoding: { x, y: { field: 'value', type: 'quantitative', title: yTitle }, y2: { field: 'value_high' } } },
      { mark: { type: 'line', point: true }, encoding: { x, y: { field: 'value', type: 'quantitative', title: yTitle }, tooltip: { field: 'raw' } } },
    ],
  };
}

export const metricsAnalysis: CorpusAnalysis<MetricsOptions, MetricRow> = {
  name: 'metrics',
  usage: `metrics  --subject S [--stance target|actual] [--comparison 增长] [--unit %|percent]
      One metric's series: per group, the first metric with that subject (exact, or /regex/).`,
  options: {
    subject: { type: 'string' },
    stance: { type: 'string' },
    comparison: { type: 'string' },
    unit: { type: 'string' },
  },
  fromFlags(values: FlagValues) {
    const subject = stringFlag(values, 'subject');
    if (!subject) throw new GongwenError('USAGE', 'gongwen corpus metrics needs --subject (e.g. --subject 国内生产总值 --stance target)');
    const options: MetricsOptions = { group: groupFlag(values), subject };
    const stance = choiceFlag(values, 'stance', ['target', 'actual'] as const);
    if (stance) options.stance = stance;
    const comparison = stringFlag(values, 'comparison');
    if (comparison) options.comparison = comparison;
    const unit = stringFlag(values, 'unit');
    if (unit) options.unit = unit;
    return options;
  },
  run: metrics,
  chart: metricsChart,
};
