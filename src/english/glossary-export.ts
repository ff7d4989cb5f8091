/**
 * The glossary for translators: TBX (ISO 30042:2019, dialect TBX-Basic, what CAT tools such
 * as OmegaT, memoQ and Trados import), CSV and JSON.
 *
 * TBX: one conceptEntry per slogan. The Chinese langSec holds the canonical form
 * (preferredTerm), its variants (admittedTerm) and its mistaken forms (deprecatedTerm, so a
 * CAT tool flags them); the English langSec holds the renderings, the first preferred, each
 * with its sources (`admin type="source"`). A slogan without an official rendering has no
 * English langSec (TBX wants a term in every langSec) and says so in a `note`.
 */
import { stringify } from 'csv-stringify/sync';
import type { Glossary, GlossaryEntry } from './glossary.js';

export const GLOSSARY_FORMATS = ['tbx', 'csv', 'json'] as const;
export type GlossaryFormat = (typeof GLOSSARY_FORMATS)[number];

export function exportGlossary(glossary: Glossary, format: GlossaryFormat): string {
  if (format === 'tbx') return glossaryToTbx(glossary);
  if (format === 'csv') return glossaryToCsv(glossary);
  return glossaryToJson(glossary);
}

// ---------------------------------------------------------------- TBX

export function glossaryToTbx(glossary: Glossary): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tbx style="dca" type="TBX-Basic" xml:lang="zh" xmlns="urn:iso:std:iso:30042:ed-2">',
    '  <tbxHeader>',
    '    <fileDesc>',
    '      <titleStmt><title>gongwen: numbered formulas of Chinese work reports (数字化提法)</title></titleStmt>',
    '      <sourceDesc><p>dicts/slogans.yaml and dicts/slogans-en.yaml of gongwen; each English term names its sources.</p></sourceDesc>',
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
  ];
  glossary.entries.forEach((entry, index) => lines.push(...conceptEntry(entry, index + 1)));
  lines.push('    </body>', '  </text>', '</tbx>', '');
  return lines.join('\n');
}

function conceptEntry(entry: GlossaryEntry, number: number): string[] {
  const lines = [`      <conceptEntry id="c${number}">`];
  const members = entry.chinese.members.map((member) => member.text);
  if (members.length > 0) lines.push(`        <descrip type="definition">${escapeXml(members.join('；'))}</descrip>`);
  if (entry.renderings.length === 0) {
    const why = entry.reviewed ? `No official English rendering found; looked for in: ${entry.absenceChecked.join('; ')}` : 'Not yet in the English glossary (dicts/slogans-en.yaml).';
    lines.push(`        <note>${escapeXml(why)}</note>`);
  }
  if (entry.note !== null) lines.push(`        <note>${escapeXml(entry.note)}</note>`);
  lines.push('        <langSec xml:lang="zh">');
  lines.push(...termSec(entry.canonical, 'preferredTerm-admn-sts', []));
  for (const variant of entry.chinese.variants) lines.push(...termSec(variant, 'admittedTerm-admn-sts', []));
  for (const wrong of entry.chinese.wrongForms) lines.push(...termSec(wrong, 'deprecatedTerm-admn-sts', []));
  lines.push('        </langSec>');
  if (entry.renderings.length > 0) {
    lines.push('        <langSec xml:lang="en">');
    entry.renderings.forEach((rendering, k) => {
      const extra = rendering.sources.map((source) => `<admin type="source">${escapeXml(source)}</admin>`);
      if (rendering.gloss !== null) extra.push(`<descrip type="context">${escapeXml(rendering.gloss)}</descrip>`);
      lines.push(...termSec(rendering.text, k === 0 ? 'preferredTerm-admn-sts' : 'admittedTerm-admn-sts', extra));
    });
    lines.push('        </langSec>');
  }
  lines.push('      </conceptEntry>');
  return lines;
}

function termSec(term: string, status: string, extra: readonly string[]): string[] {
  return [
    '          <termSec>',
    `            <term>${escapeXml(term)}</term>`,
    '            <termNote type="partOfSpeech">noun</termNote>',
    `            <termNote type="administrativeStatus">${status}</termNote>`,
    ...extra.map((line) => `            ${line}`),
    '          </termSec>',
  ];
}

/** Text and attribute content: the five XML specials, and the control characters XML 1.0 forbids dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

// ---------------------------------------------------------------- CSV and JSON

export const GLOSSARY_CSV_COLUMNS = ['canonical', 'count', 'english', 'status', 'year', 'sources', 'gloss', 'absent_checked', 'note'] as const;

/** One row per rendering (the first `preferred`, the others `admitted`), one `absent` row for a slogan without. */
export function glossaryToCsv(glossary: Glossary): string {
  const rows: unknown[][] = [[...GLOSSARY_CSV_COLUMNS]];
  for (const entry of glossary.entries) {
    if (entry.renderings.length === 0) {
      rows.push([entry.canonical, entry.count, null, entry.reviewed ? 'absent' : 'unreviewed', null, null, null, entry.absenceChecked.join(' | '), entry.note]);
    }
    entry.renderings.forEach((rendering, k) => {
      rows.push([entry.canonical, entry.count, rendering.text, k === 0 ? 'preferred' : 'admitted', rendering.year, rendering.sources.join(' | '), rendering.gloss, null, entry.note]);
    });
  }
  return stringify(rows, { cast: { boolean: String } });
}

export interface GlossaryJsonEntry {
  canonical: string;
  count: number | null;
  members: string[];
  variants: string[];
  wrongForms: string[];
  english: Array<{ text: string; status: 'preferred' | 'admitted'; sources: string[]; year: number | null; gloss: string | null }>;
  absent: { checked: string[] } | null;
  note: string | null;
}

export function glossaryToJson(glossary: Glossary): string {
  const entries: GlossaryJsonEntry[] = glossary.entries.map((entry) => ({
    canonical: entry.canonical,
    count: entry.count,
    members: entry.chinese.members.map((member) => member.text),
    variants: [...entry.chinese.variants],
    wrongForms: [...entry.chinese.wrongForms],
    english: entry.renderings.map((rendering, k) => ({
      text: rendering.text,
      status: k === 0 ? 'preferred' : 'admitted',
      sources: [...rendering.sources],
      year: rendering.year,
      gloss: rendering.gloss,
    })),
    absent: entry.renderings.length === 0 && entry.reviewed ? { checked: [...entry.absenceChecked] } : null,
    note: entry.note,
  }));
  return JSON.stringify(entries, null, 2) + '\n';
}
