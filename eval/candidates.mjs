#!/usr/bin/env node
/**
 * Blind candidate sheets for annotation: a generic list of what a reader must judge, made with
 * plain regexes and never with gongwen's extractors, so the annotations do not inherit their
 * mistakes. For one report it writes, into OUTDIR/<id>/:
 *   text.txt        the text exactly as annotated (UTF-8)
 *   lines.txt       `LINE OFFSET  text` for every line (offsets are UTF-16 indices)
 *   markers.txt     every line that starts (after any space) with something shaped like a numbering marker
 *   numerals.txt    every quoted phrase holding a numeral, and every numeral run (CJK or digits) with
 *                   what surrounds it, one per line with its offset
 *   numbers.txt     every number (digits, CJK numerals with 万/亿, x-placeholders) with the 12
 *                   characters after it, one per line with its offset
 *
 *   node eval/candidates.mjs --out=DIR ID…        ids as in eval/sources.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSource } from './sources.mjs';

const args = process.argv.slice(2);
const out = args.find((a) => a.startsWith('--out='))?.slice(6) ?? '/tmp/gongwen-candidates';
const ids = args.filter((a) => !a.startsWith('--'));

const SPACE = '\\s\\u00a0\\u2000-\\u200b\\u3000\\ufeff';
const MARKER = new RegExp(`^[${SPACE}]*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[)）]|[0-9０-９]+[.．、]|[（(][0-9０-９]+[)）]|[①-⑳]|第[一二三四五六七八九十]+[部分章节条，,、])`);
const NUMERAL_RUN = /[0-9０-９一二三四五六七八九十百千万两双]+/g;
const QUOTED = /[“"「『‘]([^”"」』’\n]{1,40})[”"」』’]/g;
const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)?|[xX×ｘＸ*＊]+(?:\.[xX]+)?|[一二三四五六七八九十百千万两]+/g;

const oneLine = (s) => s.replace(/\n/g, '⏎');

for (const id of ids) {
  const { text } = await loadSource(id);
  const dir = join(out, id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'text.txt'), text);
  const lines = [];
  const markers = [];
  let offset = 0;
  text.split('\n').forEach((line, index) => {
    lines.push(`${index + 1}\t${offset}\t${line}`);
    if (MARKER.test(line)) markers.push(`${index + 1}\t${offset}\t${line.slice(0, 80)}`);
    offset += line.length + 1;
  });
  const numerals = [];
  for (const m of text.matchAll(QUOTED)) if (/[0-9０-９一二三四五六七八九十百千万两双]/.test(m[1])) numerals.push(`${m.index + 1}\tQ\t${oneLine(m[1])}\t…${oneLine(text.slice(Math.max(0, m.index - 8), m.index + m[0].length + 8))}`);
  for (const m of text.matchAll(NUMERAL_RUN)) numerals.push(`${m.index}\tN\t${m[0]}\t…${oneLine(text.slice(Math.max(0, m.index - 6), m.index))}【${m[0]}】${oneLine(text.slice(m.index + m[0].length, m.index + m[0].length + 8))}`);
  const numbers = [];
  for (const m of text.matchAll(NUMBER)) numbers.push(`${m.index}\t${m[0]}\t${oneLine(text.slice(m.index + m[0].length, m.index + m[0].length + 12))}`);
  writeFileSync(join(dir, 'lines.txt'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'markers.txt'), markers.join('\n') + '\n');
  writeFileSync(join(dir, 'numerals.txt'), numerals.join('\n') + '\n');
  writeFileSync(join(dir, 'numbers.txt'), numbers.join('\n') + '\n');
  console.log(`${id}: ${text.length} characters, ${markers.length} marker lines, ${numerals.length} numeral candidates, ${numbers.length} numbers → ${dir}`);
}
