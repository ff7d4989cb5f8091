#!/usr/bin/env node
/**
 * Turns a hand-written draft (eval/drafts/<id>.txt) into eval/annotations/<id>.json, checking every
 * line against the text: a heading's marker, a slogan's text and a metric's raw must be written at
 * their offsets, or the line is refused with its number. Nothing here runs gongwen's extractors: the
 * drafts are made blind, from eval/candidates.mjs's sheets, by reading.
 *
 *   node eval/build-annotation.mjs ID… [--text-dir=DIR]   (DIR/<id>/text.txt instead of the source)
 *
 * Draft lines (blank lines and lines starting with # are ignored):
 *   note: TEXT                                   a judgment call, kept in the annotation's notes
 *   h OFFSET DEPTH MARKER TEXT                   a heading; OFFSET of the marker's first character
 *   s OFFSET TEXT [= CANONICAL]                  a numbered formula occurrence (quotes excluded)
 *   n OFFSET TEXT [= CANONICAL]                  a named formula without a numeral (新发展理念): kept, not numbered
 *   p number=N year=N name=N                     placeholder totals by kind
 *   scope START END                              a metric sentence: every metric in [START, END) is annotated
 *   m OFFSET RAW value=V [high=V] unit=U [qual=Q] [stance=actual|target] [indicator=ID] [subject=S]
 *   t INDICATOR OFFSET RAW value=V [high=V] unit=U [qual=Q]
 * Values may carry a magnitude (value=1.2万, value=3亿, value=2万亿): it is applied here. `value=null`
 * for a blank (`xx`). `unit=` (empty) for a bare count (`1000多万`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSource, root, sourceOf } from './sources.mjs';

const args = process.argv.slice(2);
const textDir = args.find((a) => a.startsWith('--text-dir='))?.slice(11);
const ids = args.filter((a) => !a.startsWith('--'));

const MAGNITUDE = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3, 百: 1e2 };
function parseValue(raw, where) {
  if (raw === undefined || raw === 'null') return null;
  // A fraction as written: `value=1/3`.
  const fraction = /^([0-9]+)\/([0-9]+)$/.exec(raw);
  if (fraction) return Number((Number(fraction[1]) / Number(fraction[2])).toPrecision(12));
  const m = /^(-?[0-9]+(?:\.[0-9]+)?)(万亿|亿|万|千|百)?$/.exec(raw);
  if (!m) throw new Error(`${where}: value "${raw}" is not a number (digits, optionally followed by 万/亿/万亿/千/百)`);
  const value = Number(m[1]) * (m[2] ? MAGNITUDE[m[2]] : 1);
  return Number(value.toPrecision(12));
}
function fields(parts) {
  const out = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new Error(`"${part}" is not key=value`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}
const KEYS = new Set(['value', 'high', 'unit', 'qual', 'stance', 'indicator', 'subject']);

for (const id of ids) {
  const source = sourceOf(id);
  const text = textDir ? readFileSync(join(textDir, id, 'text.txt'), 'utf8') : (await loadSource(id)).text;
  if (text === null) throw new Error(`${id}: no text`);
  const draft = readFileSync(join(root, 'eval', 'drafts', `${id}.txt`), 'utf8').split('\n');
  const annotation = {
    id,
    source,
    sha256: createHash('sha256').update(text).digest('hex'),
    length: text.length,
    notes: [],
    headings: [],
    slogans: [],
    namedFormulas: [],
    placeholders: { total: 0, number: 0, year: 0, name: 0 },
    metrics: { scope: [], records: [] },
    targets: [],
  };
  const errors = [];
  draft.forEach((line, index) => {
    const where = `eval/drafts/${id}.txt:${index + 1}`;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    try {
      if (trimmed.startsWith('note:')) return void annotation.notes.push(trimmed.slice(5).trim());
      const [kind, ...rest] = trimmed.split(/\s+/);
      const at = (offset, written, what) => {
        if (!Number.isInteger(offset)) throw new Error(`${what}: offset "${offset}" is not a number`);
        if (text.slice(offset, offset + written.length) !== written) {
          throw new Error(`${what} "${written}" is not at ${offset} (found "${text.slice(offset, offset + written.length)}"; nearest at ${text.indexOf(written, Math.max(0, offset - 200))})`);
        }
      };
      if (kind === 'h') {
        // `h 112 1 - 2024年工作回顾`: a heading without a marker (a part title on its own line).
        const [offset, depth, written, ...words] = rest;
        const marker = written === '-' ? '' : written;
        at(Number(offset), marker, 'marker');
        const headingText = words.join(' ');
        if (!text.slice(Number(offset), Number(offset) + 400).replace(/\n/g, "").includes(headingText)) throw new Error(`heading text "${headingText}" not on its line`);
        annotation.headings.push({ offset: Number(offset), depth: Number(depth), marker, text: headingText });
      } else if (kind === 's' || kind === 'n') {
        const eq = rest.indexOf('=');
        const [offset, written] = rest;
        const canonical = eq > 0 ? rest.slice(eq + 1).join('') : written;
        at(Number(offset), written, 'formula');
        (kind === 's' ? annotation.slogans : annotation.namedFormulas).push({ offset: Number(offset), text: written, canonical });
      } else if (kind === 'p') {
        const counts = fields(rest);
        for (const key of ['number', 'year', 'name']) annotation.placeholders[key] = Number(counts[key] ?? 0);
        annotation.placeholders.total = annotation.placeholders.number + annotation.placeholders.year + annotation.placeholders.name;
      } else if (kind === 'scope') {
        const [start, end] = rest.map(Number);
        if (!(start < end && end <= text.length)) throw new Error(`scope ${start} ${end} out of range`);
        annotation.metrics.scope.push({ start, end });
      } else if (kind === 'm' || kind === 't') {
        const [head, offset, raw, ...kv] = kind === 'm' ? [null, ...rest] : rest;
        at(Number(offset), raw, 'metric');
        const f = fields(kv);
        for (const key of Object.keys(f)) if (!KEYS.has(key)) throw new Error(`unknown field ${key}`);
        if (!('unit' in f)) throw new Error('unit= missing');
        const record = {
          offset: Number(offset),
          raw,
          value: parseValue(f.value, where),
          valueHigh: parseValue(f.high, where),
          unit: f.unit,
          qualifier: f.qual ?? null,
        };
        if (kind === 'm') {
          annotation.metrics.records.push({ ...record, subject: f.subject ?? null, stance: f.stance ?? 'actual', indicator: f.indicator ?? null });
        } else {
          annotation.targets.push({ indicator: head, ...record });
        }
      } else {
        throw new Error(`unknown line kind "${kind}"`);
      }
    } catch (error) {
      errors.push(`${where}: ${error.message}\n    ${line}`);
    }
  });
  for (const record of annotation.metrics.records) {
    if (!annotation.metrics.scope.some((s) => record.offset >= s.start && record.offset < s.end)) {
      errors.push(`${id}: metric ${record.raw} at ${record.offset} is outside every scope line`);
    }
  }
  if (errors.length > 0) {
    console.error(errors.join('\n'));
    process.exitCode = 1;
    continue;
  }
  const byOffset = (a, b) => a.offset - b.offset;
  annotation.headings.sort(byOffset);
  annotation.slogans.sort(byOffset);
  annotation.metrics.scope.sort((a, b) => a.start - b.start);
  annotation.metrics.records.sort(byOffset);
  writeFileSync(join(root, 'eval', 'annotations', `${id}.json`), JSON.stringify(annotation, null, 1) + '\n');
  console.log(`${id}: ${annotation.headings.length} headings, ${annotation.slogans.length} formulas (+${annotation.namedFormulas.length} named), ` +
    `${annotation.placeholders.total} blanks, ${annotation.metrics.scope.length} metric sentences with ${annotation.metrics.records.length} metrics, ${annotation.targets.length} targets`);
}
