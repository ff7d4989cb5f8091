/**
 * The bilingual glossary: dicts/slogans-en.yaml (English renderings, each with its sources,
 * or a stated absence) joined with the Chinese dictionary (dicts/slogans.yaml). Loaded
 * lazily, once, and validated entry by entry like the Chinese dictionary: a malformed file
 * throws an error naming the entry, so a bad edit fails at the first use.
 *
 * This module reads YAML only; it never loads compromise, so the Chinese path may use it
 * (the `english` field of every slogan record).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadSloganDictionary, type SloganEntry } from '../extract/slogan-dictionary.js';

/** `yaml` on first use, as the slogan dictionary loads it: `parse` of a Chinese report never reads the glossary's YAML. */
const require = createRequire(import.meta.url);
const parseYaml = (text: string): unknown => (require('yaml') as typeof import('yaml')).parse(text);

/** One English rendering of a slogan, as an outlet writes it, and where it was found. */
export interface GlossaryRendering {
  /** The English label: `Two Upholds`. */
  text: string;
  /** URLs or publications it was found in. */
  sources: readonly string[];
  /** Year of the source, or null. */
  year: number | null;
  /** An explanation the source gives after the label; never matched in English text. */
  gloss: string | null;
}

/** A slogan of the Chinese dictionary with its English side. */
export interface GlossaryEntry {
  canonical: string;
  count: number | null;
  /** Preferred rendering first; empty when no official rendering was found. */
  renderings: readonly GlossaryRendering[];
  /** Where a rendering was looked for without success (empty when there are renderings). */
  absenceChecked: readonly string[];
  /** false for a slogan of the Chinese dictionary that dicts/slogans-en.yaml does not list yet. */
  reviewed: boolean;
  note: string | null;
  /** The Chinese dictionary entry (members, variants, year, sources). */
  chinese: SloganEntry;
}

export interface Glossary {
  entries: readonly GlossaryEntry[];
  byCanonical: ReadonlyMap<string, GlossaryEntry>;
}

/** A problem in dicts/slogans-en.yaml, or a mismatch with dicts/slogans.yaml. */
export class GlossaryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GlossaryError';
  }
}

// `../../dicts/` resolves from both src/english (tests) and dist/english (the build).
const GLOSSARY_URL = new URL('../../dicts/slogans-en.yaml', import.meta.url);
const ENTRY_KEYS = new Set(['renderings', 'absent', 'note']);
const RENDERING_KEYS = new Set(['text', 'sources', 'year', 'gloss']);

let cached: Glossary | undefined;

/** The glossary of dicts/slogans-en.yaml over the slogans of dicts/slogans.yaml, read on first use. */
export function loadGlossary(): Glossary {
  if (cached === undefined) {
    const path = fileURLToPath(GLOSSARY_URL);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (cause) {
      throw new GlossaryError(`Cannot read ${path} (${(cause as Error).message}).`);
    }
    // Lenient at run time: a formula just added to the Chinese dictionary has no English yet
    // (null), rather than stopping every analysis; the test suite holds the file to strict.
    cached = parseGlossary(text, loadSloganDictionary().entries, 'dicts/slogans-en.yaml', { strict: false });
  }
  return cached;
}

/** The preferred English rendering of a canonical form, or null (unknown slogan, or none found). */
export function englishRendering(canonical: string): string | null {
  return loadGlossary().byCanonical.get(canonical)?.renderings[0]?.text ?? null;
}

export interface ParseGlossaryOptions {
  /**
   * true (the default): every canonical form must be there, with renderings or a stated
   * absence, and nothing else. false: a missing one is unreviewed, an unknown one ignored.
   * A malformed entry is an error either way.
   */
  strict?: boolean;
}

/** Validates the YAML of an English glossary against the Chinese entries. */
export function parseGlossary(yamlText: string, chineseEntries: readonly SloganEntry[], origin = 'glossary', options: ParseGlossaryOptions = {}): Glossary {
  const strict = options.strict ?? true;
  let document: unknown;
  try {
    document = parseYaml(yamlText);
  } catch (cause) {
    throw new GlossaryError(`${origin}: not valid YAML (${(cause as Error).message}).`);
  }
  if (!isRecord(document)) throw new GlossaryError(`${origin}: expected a mapping from canonical forms to entries.`);

  const chinese = new Map(chineseEntries.map((entry) => [entry.canonical, entry]));
  for (const key of Object.keys(document)) {
    if (!chinese.has(key) && strict) throw new GlossaryError(`${origin}: "${key}" is not a canonical form of the slogan dictionary.`);
  }
  const entries: GlossaryEntry[] = [];
  for (const entry of chineseEntries) {
    const where = `${origin} (${entry.canonical})`;
    if (!(entry.canonical in document)) {
      if (strict) throw new GlossaryError(`${where}: missing; give its renderings or state it absent with where it was looked for.`);
      entries.push({ canonical: entry.canonical, count: entry.count, renderings: [], absenceChecked: [], note: null, chinese: entry, reviewed: false });
      continue;
    }
    entries.push(readEntry(document[entry.canonical], entry, where));
  }
  return { entries, byCanonical: new Map(entries.map((entry) => [entry.canonical, entry])) };
}

function readEntry(value: unknown, chinese: SloganEntry, where: string): GlossaryEntry {
  if (!isRecord(value)) throw new GlossaryError(`${where}: expected { renderings } or { absent }.`);
  for (const key of Object.keys(value)) {
    if (!ENTRY_KEYS.has(key)) throw new GlossaryError(`${where}: unknown field "${key}".`);
  }
  const hasRenderings = value['renderings'] !== undefined;
  const hasAbsent = value['absent'] !== undefined;
  if (hasRenderings === hasAbsent) throw new GlossaryError(`${where}: give either renderings or absent, not ${hasRenderings ? 'both' : 'neither'}.`);

  const note = value['note'] ?? null;
  if (note !== null && typeof note !== 'string') throw new GlossaryError(`${where}: "note" must be text.`);

  let renderings: GlossaryRendering[] = [];
  let absenceChecked: string[] = [];
  if (hasRenderings) {
    const list = value['renderings'];
    if (!Array.isArray(list) || list.length === 0) throw new GlossaryError(`${where}: "renderings" must be a non-empty list.`);
    renderings = list.map((item, index) => readRendering(item, `${where}, rendering ${index + 1}`));
  } else {
    const absent = value['absent'];
    if (!isRecord(absent)) throw new GlossaryError(`${where}: "absent" is { checked: [...] }.`);
    absenceChecked = readStrings(absent['checked'], `${where}, absent.checked`);
    if (absenceChecked.length === 0) throw new GlossaryError(`${where}: an absence must say where a rendering was looked for.`);
  }
  return { canonical: chinese.canonical, count: chinese.count, renderings, absenceChecked, note, chinese, reviewed: true };
}

function readRendering(value: unknown, where: string): GlossaryRendering {
  if (!isRecord(value)) throw new GlossaryError(`${where}: a rendering is { text, sources, year?, gloss? }.`);
  for (const key of Object.keys(value)) {
    if (!RENDERING_KEYS.has(key)) throw new GlossaryError(`${where}: unknown field "${key}".`);
  }
  const text = value['text'];
  if (typeof text !== 'string' || text.trim() === '') throw new GlossaryError(`${where}: "text" must be non-empty text.`);
  const sources = readStrings(value['sources'], `${where}, sources`);
  if (sources.length === 0) throw new GlossaryError(`${where}: the rendering "${text}" has no source.`);
  const year = value['year'] ?? null;
  if (year !== null && !(Number.isInteger(year) && (year as number) >= 1900 && (year as number) <= 2100)) {
    throw new GlossaryError(`${where}: "year" must be a year (1900–2100).`);
  }
  const gloss = value['gloss'] ?? null;
  if (gloss !== null && typeof gloss !== 'string') throw new GlossaryError(`${where}: "gloss" must be text.`);
  return { text, sources, year: year as number | null, gloss: gloss as string | null };
}

function readStrings(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new GlossaryError(`${where}: expected a list.`);
  return value.map((item, index) => {
    if (typeof item !== 'string' || item.trim() === '') throw new GlossaryError(`${where} ${index + 1}: expected text.`);
    return item;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
