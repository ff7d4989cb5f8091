#!/usr/bin/env node
/**
 * The scorer: runs gongwen (dist/, so `npm run eval` builds first) on every annotated report of
 * eval/annotations/ and prints precision / recall / F1 per extractor and per group of reports
 * (national, provincial, held-out, party, templates), then each miss and false alarm with its
 * context. Formats: eval/README.md; how the blind annotations are made: eval/ANNOTATING.md.
 *
 *   node eval/score.mjs                  all reports, all extractors, misses and false alarms listed
 *   node eval/score.mjs --quiet          figures only
 *   node eval/score.mjs --only=slogans   one extractor's lists (headings, slogans, placeholders, metrics, targets)
 *   node eval/score.mjs --group=held-out one group's reports (national, provincial, held-out, party, templates)
 *   node eval/score.mjs --doc=prov-hebei one report
 *   node eval/score.mjs --json           the figures as JSON (for comparing two builds)
 *   node eval/score.mjs --dist=/path/to/other/dist   score another build (before/after)
 *
 * Matching: a heading on (offset, depth, text); a formula on (offset, text); a metric on its value,
 * top of range and unit as written, for the found metric whose span overlaps the annotated one (a
 * unit cut short, or a value read wrong, is a miss and a false alarm, never a hit); a target on
 * (indicator, value, top of range); blanks on the totals per kind. Archive texts are read from
 * fixtures/archive/ (or $GONGWEN_CORPORA); a report whose text is missing is skipped with a notice,
 * one whose text differs from the annotated one (sha256) fails.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpora, groupOf, loadSource } from './sources.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const quiet = args.includes('--quiet');
const asJson = args.includes('--json');
const only = flag('only');
const onlyDoc = flag('doc');
const onlyGroup = flag('group');
const dist = flag('dist') ?? join(here, '..', 'dist');
const { analyzeJson } = await import(join(dist, 'index.js'));

const GROUPS = ['national', 'provincial', 'held-out', 'party', 'templates'];
const EXTRACTORS = ['headings', 'slogans', 'placeholders', 'metrics', 'targets'];

// ------------------------------------------------------------------ counting

const tallies = {};
function tally(group, name) {
  const byGroup = (tallies[group] ??= {});
  return (byGroup[name] ??= { tp: 0, fp: 0, fn: 0, misses: [], falseAlarms: [] });
}
const figures = ({ tp, fp, fn }) => {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
};
const context = (text, start, end, width = 16) =>
  `${text.slice(Math.max(0, start - width), start)}【${text.slice(start, end)}】${text.slice(end, end + 8)}`.replace(/\s+/g, '⏎');

/** Counts a gold set against a found set by key: hits, misses, false alarms. */
function byKey(t, doc, gold, found, describe) {
  for (const [k, item] of found) {
    if (gold.has(k)) t.tp++;
    else { t.fp++; t.falseAlarms.push(`${doc.id} ${describe(item)}`); }
  }
  for (const [k, item] of gold) if (!found.has(k)) { t.fn++; t.misses.push(`${doc.id} ${describe(item)}`); }
}

// ------------------------------------------------------------------ per extractor

function scoreHeadings(t, doc, text, json) {
  const key = (h) => `${h.offset}|${h.depth}|${h.text}`;
  byKey(t, doc, new Map(doc.headings.map((h) => [key(h), h])), new Map(json.headings.map((h) => [key(h), h])),
    (h) => `${h.offset} d${h.depth} ${h.marker}${h.text}`);
}

function scoreSlogans(t, doc, text, json) {
  const key = (s) => `${s.offset}|${s.text}`;
  const numbered = json.slogans.filter((s) => s.numbered !== false);
  byKey(t, doc, new Map(doc.slogans.map((s) => [key(s), s])), new Map(numbered.map((s) => [key(s), s])),
    (s) => `${s.offset} ${s.text}  ${context(text, s.offset, s.offset + s.text.length)}`);
}

function scorePlaceholders(t, doc, text, json) {
  for (const kind of ['number', 'year', 'name']) {
    const gold = doc.placeholders[kind];
    const found = json.placeholderCounts[kind];
    t.tp += Math.min(gold, found);
    t.fp += Math.max(0, found - gold);
    t.fn += Math.max(0, gold - found);
    if (found !== gold) (found > gold ? t.falseAlarms : t.misses).push(`${doc.id} ${kind}: found ${found}, annotated ${gold}`);
  }
}

const sameNumber = (a, b) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
/** `%` and `％` are one unit, and so are the full- and half-width forms of any other character. */
const unitOf = (unit) => unit.normalize('NFKC');

function scoreMetrics(t, doc, text, json) {
  const inScope = (offset) => doc.metrics.scope.some((range) => offset >= range.start && offset < range.end);
  const found = json.metrics.filter((m) => inScope(m.offset));
  const used = new Set();
  const describe = (m) => `${m.offset} ${m.raw} (${m.value}${m.valueHigh !== null ? `–${m.valueHigh}` : ''} ${JSON.stringify(m.unit)})  ${context(text, m.offset, m.offset + m.raw.length)}`;
  for (const g of doc.metrics.records) {
    const overlapping = found.filter((m) => m.offset < g.offset + g.raw.length && g.offset < m.offset + m.raw.length);
    const hit = overlapping.find((m) => !used.has(m) && sameNumber(m.value, g.value) && sameNumber(m.valueHigh, g.valueHigh) && unitOf(m.unit) === unitOf(g.unit));
    if (hit) {
      used.add(hit);
      t.tp++;
    } else {
      t.fn++;
      const near = overlapping[0];
      t.misses.push(`${doc.id} ${describe(g)}${near ? `   found: ${near.raw} (${near.value} ${JSON.stringify(near.unit)})` : ''}`);
    }
  }
  for (const m of found) if (!used.has(m)) { t.fp++; t.falseAlarms.push(`${doc.id} ${describe(m)}`); }
}

function scoreTargets(t, doc, text, json, knownIndicators) {
  if (doc.targets === undefined) return;
  const key = (v) => `${v.indicator} ${v.value}${v.valueHigh !== null && v.valueHigh !== undefined ? `–${v.valueHigh}` : ''}`;
  // Scored: the indicators gongwen names, where the report gives a figure.
  const gold = new Map(doc.targets.filter((v) => knownIndicators.has(v.indicator) && v.value !== null).map((v) => [key(v), v]));
  const found = new Map((json.targets ?? []).map((v) => [key(v), v]));
  byKey(t, doc, gold, found, (v) => `${key(v)}  ${v.raw ?? ''}`);
}

const SCORERS = { headings: scoreHeadings, slogans: scoreSlogans, placeholders: scorePlaceholders, metrics: scoreMetrics, targets: scoreTargets };

/** Every annotated formula, metric and heading marker is where its offset says: else an annotation error. */
function checkAnnotation(doc, text) {
  const wrong = [];
  for (const s of doc.slogans) if (text.slice(s.offset, s.offset + s.text.length) !== s.text) wrong.push(`slogan ${s.offset} ${s.text}`);
  for (const m of doc.metrics.records) if (text.slice(m.offset, m.offset + m.raw.length) !== m.raw) wrong.push(`metric ${m.offset} ${m.raw}`);
  for (const h of doc.headings) if (!text.startsWith(h.marker, h.offset)) wrong.push(`heading ${h.offset} ${h.marker}`);
  if (wrong.length) throw new Error(`${doc.id}: annotations not at their offsets:\n${wrong.join('\n')}`);
}

// ------------------------------------------------------------------ run

const { INDICATOR_IDS } = await import(join(dist, 'index.js'));
const knownIndicators = new Set(INDICATOR_IDS ?? ['gdp-growth', 'cpi', 'urban-jobs', 'surveyed-unemployment', 'registered-unemployment', 'deficit-ratio', 'grain-output', 'energy-intensity']);
const annotationDir = join(here, 'annotations');
const reports = {};
for (const file of readdirSync(annotationDir).filter((name) => name.endsWith('.json')).sort()) {
  const doc = JSON.parse(readFileSync(join(annotationDir, file), 'utf8'));
  const group = groupOf(doc.id, doc);
  if ((onlyDoc && doc.id !== onlyDoc) || (onlyGroup && group !== onlyGroup)) continue;
  const { text, why } = await loadSource(doc.id, doc, dist);
  if (text === null) {
    if (!asJson) console.log(`NOTICE: ${doc.id}: ${why} (${corpora}), skipped`);
    continue;
  }
  const hash = createHash('sha256').update(text).digest('hex');
  if (hash !== doc.sha256) throw new Error(`${doc.id}: the text differs from the annotated one (sha256 ${hash})`);
  checkAnnotation(doc, text);
  const json = analyzeJson(text);
  for (const name of EXTRACTORS) SCORERS[name](tally(group, name), doc, text, json, knownIndicators);
  reports[group] = (reports[group] ?? 0) + 1;
}

const TARGETS = { headings: 'F1 1.0', slogans: 'P ≥ 0.98, R ≥ 0.96', metrics: 'F1 ≥ 0.98', placeholders: 'exact', targets: 'all right' };
const summary = {};
for (const group of GROUPS) {
  if (!tallies[group]) continue;
  summary[group] = { reports: reports[group] };
  for (const name of EXTRACTORS) {
    const t = tallies[group][name];
    summary[group][name] = { ...figures(t), tp: t.tp, fp: t.fp, fn: t.fn };
  }
}
if (asJson) {
  console.log(JSON.stringify(summary, null, 1));
  process.exit(0);
}
const pct = (x) => x.toFixed(3);
console.log('\ngroup       reports  extractor     precision  recall     F1     tp    fp    fn   target');
for (const [group, s] of Object.entries(summary)) {
  for (const name of EXTRACTORS) {
    const f = s[name];
    console.log(`${group.padEnd(11)} ${String(s.reports).padStart(7)}  ${name.padEnd(12)} ${pct(f.precision).padStart(9)}  ${pct(f.recall).padStart(6)}  ${pct(f.f1).padStart(6)} ${String(f.tp).padStart(5)} ${String(f.fp).padStart(5)} ${String(f.fn).padStart(5)}   ${TARGETS[name]}`);
  }
}
if (!quiet) {
  for (const [group, byName] of Object.entries(tallies)) {
    for (const [name, t] of Object.entries(byName)) {
      if (only && only !== name) continue;
      if (t.misses.length) console.log(`\n## ${group} · ${name}: misses (${t.misses.length})\n${t.misses.join('\n')}`);
      if (t.falseAlarms.length) console.log(`\n## ${group} · ${name}: false alarms (${t.falseAlarms.length})\n${t.falseAlarms.join('\n')}`);
    }
  }
}
