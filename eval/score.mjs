#!/usr/bin/env node
/**
 * The scorer: runs gongwen (dist/, so `npm run eval` builds first) on every annotated report of
 * eval/annotations/ and prints precision / recall / F1 per extractor, then each miss and false
 * alarm with its context. Format of the annotations: eval/README.md.
 *
 *   node eval/score.mjs                  all reports, all extractors, with misses and false alarms
 *   node eval/score.mjs --quiet          figures only
 *   node eval/score.mjs --only=slogans   one extractor's misses (headings, slogans, placeholders, metrics, targets)
 *   node eval/score.mjs --doc=gwr-2024   one report
 *   node eval/score.mjs --json           the figures as JSON (for comparing two builds)
 *
 * Archive texts are read from ../shared/corpora/ (or $GONGWEN_CORPORA); a report whose text is
 * missing is skipped with a notice, and one whose text differs from the annotated one (sha256) fails.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const flag = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const quiet = args.includes('--quiet');
const asJson = args.includes('--json');
const only = flag('only');
const onlyDoc = flag('doc');
const corpora = process.env.GONGWEN_CORPORA ?? join(root, '..', 'shared', 'corpora');
const { analyzeJson } = await import(flag('dist') ?? join(root, 'dist', 'index.js'));

// ------------------------------------------------------------------ texts

const corpusCache = new Map();
function corpusText(corpus, year) {
  const path = join(corpora, corpus);
  if (!existsSync(path)) return null;
  if (!corpusCache.has(path)) {
    corpusCache.set(path, readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line)));
  }
  const record = corpusCache.get(path).find((candidate) => String(candidate.year) === String(year));
  return record?.content ?? null;
}

function textOf(annotation) {
  const { source } = annotation;
  if (source.fixture) return readFileSync(join(root, 'fixtures', source.fixture), 'utf8');
  return corpusText(source.corpus, source.year);
}

// ------------------------------------------------------------------ counting

const tallies = {};
function tally(name) {
  return (tallies[name] ??= { tp: 0, fp: 0, fn: 0, misses: [], falseAlarms: [], extra: {} });
}
const figures = ({ tp, fp, fn }) => {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
};
const context = (text, start, end, width = 16) =>
  `${text.slice(Math.max(0, start - width), start)}【${text.slice(start, end)}】${text.slice(end, end + 8)}`.replace(/\s+/g, '⏎');
function agree(t, field, same) {
  const entry = (t.extra[field] ??= { right: 0, of: 0, wrong: [] });
  entry.of++;
  if (same === true) entry.right++;
  return entry;
}

// ------------------------------------------------------------------ per extractor

function scoreHeadings(doc, text, json) {
  const t = tally('headings');
  const key = (h) => `${h.offset}|${h.depth}|${h.text}`;
  const gold = new Map(doc.headings.map((h) => [key(h), h]));
  const found = new Map(json.headings.map((h) => [key(h), h]));
  for (const [k, h] of found) {
    if (gold.has(k)) t.tp++;
    else { t.fp++; t.falseAlarms.push(`${doc.id} ${h.offset} d${h.depth} ${h.marker}${h.text}`); }
  }
  for (const [k, h] of gold) if (!found.has(k)) { t.fn++; t.misses.push(`${doc.id} ${h.offset} d${h.depth} ${h.marker}${h.text}`); }
}

function scoreSlogans(doc, text, json) {
  const t = tally('slogans');
  const key = (s) => `${s.offset}|${s.text}`;
  const gold = new Map(doc.slogans.map((s) => [key(s), s]));
  const found = new Map(json.slogans.map((s) => [key(s), s]));
  for (const [k, s] of found) {
    if (gold.has(k)) {
      t.tp++;
      const g = gold.get(k);
      const entry = agree(t, 'canonical', g.canonical === undefined || g.canonical === s.canonical);
      if (g.canonical !== undefined && g.canonical !== s.canonical) entry.wrong.push(`${doc.id} ${s.offset} ${s.text}: ${s.canonical} ≠ ${g.canonical}`);
    } else {
      t.fp++;
      t.falseAlarms.push(`${doc.id} ${s.offset} ${s.text}  ${context(text, s.offset, s.offset + s.length)}`);
    }
  }
  for (const [k, s] of gold) {
    if (!found.has(k)) { t.fn++; t.misses.push(`${doc.id} ${s.offset} ${s.text}  ${context(text, s.offset, s.offset + s.text.length)}${s.note ? `  (${s.note})` : ''}`); }
  }
}

function scorePlaceholders(doc, text, json) {
  const t = tally('placeholders');
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
/** `%` and `％` are one unit. */
const unitOf = (unit) => unit.replace('％', '%');

function scoreMetrics(doc, text, json) {
  const t = tally('metrics');
  const inScope = (offset) => doc.metrics.scope.some((range) => offset >= range.start && offset < range.end);
  const gold = new Map(doc.metrics.records.map((m) => [m.offset, m]));
  const found = new Map(json.metrics.filter((m) => inScope(m.offset)).map((m) => [m.offset, m]));
  for (const [offset, m] of found) {
    const g = gold.get(offset);
    if (g === undefined) {
      t.fp++;
      t.falseAlarms.push(`${doc.id} ${offset} ${m.raw}  ${context(text, offset, offset + m.raw.length)}`);
      continue;
    }
    t.tp++;
    const valueRight = sameNumber(m.value, g.value) && sameNumber(m.valueHigh, g.valueHigh) && unitOf(m.unit) === unitOf(g.unit);
    const where = `${doc.id} ${offset} ${context(text, offset, offset + m.raw.length, 10)}`;
    const check = (field, same, found_, wanted) => {
      const entry = agree(t, field, same);
      if (!same) entry.wrong.push(`${where}: ${JSON.stringify(found_)} ≠ ${JSON.stringify(wanted)}`);
    };
    check('value', valueRight, [m.value, m.valueHigh, m.unit], [g.value, g.valueHigh, g.unit]);
    check('raw', m.raw === g.raw, m.raw, g.raw);
    check('qualifier', m.qualifier === g.qualifier, m.qualifier, g.qualifier);
    check('stance', m.stance === g.stance, m.stance, g.stance);
    check('indicator', (m.indicator ?? null) === (g.indicator ?? null), m.indicator, g.indicator ?? null);
    // Subjects are a reader's words: informative, no target.
    if (g.subject !== undefined) check('subject', m.subject === g.subject, m.subject, g.subject);
  }
  for (const [offset, g] of gold) {
    if (!found.has(offset)) { t.fn++; t.misses.push(`${doc.id} ${offset} ${g.raw}  ${context(text, offset, offset + g.raw.length)}${g.note ? `  (${g.note})` : ''}`); }
  }
}

function scoreTargets(doc, text, json) {
  if (doc.targets === undefined) return;
  const t = tally('targets');
  const key = (v) => `${v.indicator}|${v.value}|${v.valueHigh}`;
  const gold = new Set(doc.targets.map(key));
  const found = new Set((json.targets ?? []).map(key));
  for (const k of found) { if (gold.has(k)) t.tp++; else { t.fp++; t.falseAlarms.push(`${doc.id} ${k}`); } }
  for (const k of gold) if (!found.has(k)) { t.fn++; t.misses.push(`${doc.id} ${k}`); }
}

const SCORERS = { headings: scoreHeadings, slogans: scoreSlogans, placeholders: scorePlaceholders, metrics: scoreMetrics, targets: scoreTargets };

/** Every annotated slogan and metric is where its offset says: a wrong offset is an annotation error, not a miss. */
function checkAnnotation(doc, text) {
  const wrong = [];
  for (const s of doc.slogans) if (text.slice(s.offset, s.offset + s.text.length) !== s.text) wrong.push(`slogan ${s.offset} ${s.text}`);
  for (const m of doc.metrics.records) if (text.slice(m.offset, m.offset + m.raw.length) !== m.raw) wrong.push(`metric ${m.offset} ${m.raw}`);
  for (const h of doc.headings) if (!text.startsWith(h.marker, h.offset)) wrong.push(`heading ${h.offset} ${h.marker}`);
  if (wrong.length) throw new Error(`${doc.id}: annotations not at their offsets:\n${wrong.join('\n')}`);
}

// ------------------------------------------------------------------ run

const annotationDir = join(here, 'annotations');
let scored = 0;
for (const file of readdirSync(annotationDir).filter((name) => name.endsWith('.json')).sort()) {
  const doc = JSON.parse(readFileSync(join(annotationDir, file), 'utf8'));
  if (onlyDoc && doc.id !== onlyDoc) continue;
  const text = textOf(doc);
  if (text === null) {
    if (!asJson) console.log(`NOTICE: ${doc.id}: its text is not here (${corpora}), skipped`);
    continue;
  }
  const hash = createHash('sha256').update(text).digest('hex');
  if (hash !== doc.sha256) throw new Error(`${doc.id}: the text differs from the annotated one (sha256 ${hash})`);
  checkAnnotation(doc, text);
  const json = analyzeJson(text);
  for (const score of Object.values(SCORERS)) score(doc, text, json);
  scored++;
}

const TARGETS = {
  headings: 'F1 1.0',
  slogans: 'P ≥ 0.98, R ≥ 0.97',
  metrics: 'F1 ≥ 0.98, values right ≥ 0.99',
  placeholders: '',
  targets: 'all right',
};
const summary = {};
for (const [name, t] of Object.entries(tallies)) {
  const { precision, recall, f1 } = figures(t);
  summary[name] = { precision, recall, f1, tp: t.tp, fp: t.fp, fn: t.fn };
  for (const [field, entry] of Object.entries(t.extra)) summary[name][field] = entry.right / entry.of;
}
if (asJson) {
  console.log(JSON.stringify({ reports: scored, ...summary }, null, 1));
  process.exit(0);
}
const pct = (x) => x.toFixed(3);
console.log(`\n${scored} annotated reports\n`);
console.log('extractor      precision  recall   F1      tp   fp   fn   target');
for (const [name, s] of Object.entries(summary)) {
  console.log(`${name.padEnd(14)} ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.f1).padStart(6)} ${String(s.tp).padStart(5)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}   ${TARGETS[name] ?? ''}`);
  for (const [field, entry] of Object.entries(tallies[name].extra)) {
    console.log(`${''.padEnd(16)}${field} right: ${pct(entry.right / entry.of)} (${entry.right}/${entry.of})`);
  }
}
if (!quiet) {
  for (const [name, t] of Object.entries(tallies)) {
    if (only && only !== name) continue;
    if (t.misses.length) console.log(`\n## ${name}: misses (${t.misses.length})\n${t.misses.join('\n')}`);
    if (t.falseAlarms.length) console.log(`\n## ${name}: false alarms (${t.falseAlarms.length})\n${t.falseAlarms.join('\n')}`);
    for (const [field, entry] of Object.entries(t.extra)) {
      if (entry.wrong.length && field !== 'subject') console.log(`\n## ${name}: ${field} wrong (${entry.wrong.length})\n${entry.wrong.join('\n')}`);
      if (entry.wrong.length && field === 'subject' && only === name) console.log(`\n## ${name}: subject differs (${entry.wrong.length})\n${entry.wrong.join('\n')}`);
    }
  }
}
