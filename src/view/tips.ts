/** What hovering a highlighted span shows: a slogan's canonical form and count, a metric's value, unit and stance. */
import { englishRendering } from '../english/glossary.js';
import type { MetricRecord, SloganRecord } from '../extract/types.js';
import type { Placeholder, Slogan } from '../tree/types.js';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

export function sloganTip(slogan: Slogan, timesInReport: number): string {
  const parts = [`slogan ${slogan.canonical}`];
  // The official English rendering, when the glossary has one (dicts/slogans-en.yaml).
  const english = slogan.known ? englishRendering(slogan.canonical) : null;
  if (english !== null) parts.push(`“${english}”`);
  if (slogan.count !== null) parts.push(`count ${slogan.count}`);
  parts.push(slogan.known ? 'in dictionary' : 'not in dictionary');
  parts.push(`×${timesInReport} in this report`);
  return parts.join(' · ');
}

export function placeholderTip(placeholder: Placeholder): string {
  return `placeholder · ${placeholder.kind} blank`;
}

export function metricTip(metric: MetricRecord): string {
  const value =
    metric.value === null
      ? 'blank'
      : metric.valueHigh !== null
        ? `${numberFormat.format(metric.value)}–${numberFormat.format(metric.valueHigh)}`
        : numberFormat.format(metric.value);
  const parts = [`metric ${value} ${metric.unit}`.trimEnd(), metric.stance];
  if (metric.qualifier) parts.push(metric.qualifier);
  if (metric.comparison) parts.push(metric.comparison);
  const what = [metric.predicate, metric.subject].filter(Boolean).join(' ');
  if (what) parts.push(what);
  return parts.join(' · ');
}

/** How many times each canonical slogan occurs in the report. */
export function sloganTimes(slogans: readonly SloganRecord[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const slogan of slogans) times.set(slogan.canonical, (times.get(slogan.canonical) ?? 0) + 1);
  return times;
}
