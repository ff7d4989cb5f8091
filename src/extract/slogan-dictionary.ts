/**
 * The numbered-slogan dictionary (dicts/slogans.yaml) and the segmenter's extra words
 * (dicts/words.txt): loaded lazily, once, and validated entry by entry. A malformed
 * file throws an error that names the entry and the field, so a bad edit fails loudly
 * at the first use instead of silently dropping a slogan.
 *
 * The file format is documented at the top of dicts/slogans.yaml.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

/**
 * `yaml` on first use: loading it costs ~50 ms, and every command that cuts
 * words imports this module for its user words, where an outline needs neither.
 */
const require = createRequire(import.meta.url);
const parseYaml = (text: string): unknown => (require('yaml') as typeof import('yaml')).parse(text);

/** One thing a slogan's numeral counts (`政治意识` in 四个意识), with other wordings of it. */
export interface SloganMember {
  text: string;
  variants: readonly string[];
}

/** An English rendering and where it was found (several sources when notes grouped them). */
export interface EnglishRendering {
  text: string;
  sources: readonly string[];
  year: number | null;
}

/** What a reference supports: that the slogan is used, its members, its year, its count. */
export type SourceFact = 'usage' | 'members' | 'year' | 'count';

export interface SloganSource {
  /** A URL, a publication, or a path under shared/ (`shared/seeds/000_….txt`). */
  ref: string;
  facts: readonly SourceFact[];
}

export interface SloganEntry {
  /** The dictionary form: `两个维护`, `一个中心、两个基本点`. */
  canonical: string;
  /** The number it stands for (4 for 四个意识); null when the numerals count nothing. */
  count: number | null;
  members: readonly SloganMember[];
  /** Other written forms of the whole slogan that an editor would align (`六项纪律` for 六大纪律). */
  variants: readonly string[];
  /**
   * The full official name or an accepted short form (`千村示范、万村整治` for 千万工程, `八项规定`,
   * `一个国家、两种制度`): found and reported under the canonical form, never warned about.
   */
  accepted: readonly string[];
  /** Mistaken forms (`二个维护`, `4个意识`). */
  wrongForms: readonly string[];
  /** The slogan written out as its member list; reference only, never matched. */
  spelledOut: readonly string[];
  /** Text that, right after a form, makes it another word (`三资` + `企业`). */
  notFollowedBy: readonly string[];
  /** Text that, right before a form, makes it part of another word (`创` + `新发展理念` is 创新 + 发展理念). */
  notPrecededBy: readonly string[];
  year: number | null;
  english: readonly EnglishRendering[];
  sources: readonly SloganSource[];
  note: string | null;
}

/** How a written form relates to its entry. */
export type SloganFormKind = 'canonical' | 'accepted' | 'variant' | 'wrong';

/** A form the detector looks for, with the entry it belongs to. */
export interface SloganForm {
  text: string;
  kind: SloganFormKind;
  entry: SloganEntry;
}

export interface SloganDictionary {
  entries: readonly SloganEntry[];
  byCanonical: ReadonlyMap<string, SloganEntry>;
  /** Every canonical form, variant and wrong form, each once. */
  forms: readonly SloganForm[];
}

/** A problem in dicts/slogans.yaml or dicts/words.txt. */
export class SloganDictionaryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SloganDictionaryError';
  }
}

// `../../dicts/` resolves from both src/extract (tests, tsx) and dist/extract (the build).
const SLOGANS_URL = new URL('../../dicts/slogans.yaml', import.meta.url);
/**
 * The build's copy of dicts/slogans.yaml as JSON (`dist/dicts/slogans.json`, written by
 * compile-dictionary.ts): parsing the YAML costs ~180 ms a process, the JSON ~1 ms. Used only
 * while it holds the SHA-256 of the YAML as it is now, so an edit to the YAML is never missed.
 * From src/ (tests) it does not exist, and the YAML is parsed.
 */
const COMPILED_SLOGANS_URL = new URL('../dicts/slogans.json', import.meta.url);

/** What compile-dictionary.ts writes. */
export interface CompiledDictionary {
  /** SHA-256 (hex) of the YAML text it was parsed from. */
  sha256: string;
  /** The parsed YAML document. */
  document: unknown;
}

export function dictionaryHash(yamlText: string): string {
  return createHash('sha256').update(yamlText).digest('hex');
}
const WORDS_URL = new URL('../../dicts/words.txt', import.meta.url);

const ENTRY_KEYS = new Set([
  'canonical',
  'count',
  'members',
  'variants',
  'accepted',
  'wrongForms',
  'spelledOut',
  'notFollowedBy',
  'notPrecededBy',
  'year',
  'english',
  'sources',
  'note',
]);
const SOURCE_FACTS: ReadonlySet<string> = new Set<SourceFact>(['usage', 'members', 'year', 'count']);

let cachedDictionary: SloganDictionary | undefined;
let cachedUserWords: string[] | undefined;

/** The dictionary of dicts/slogans.yaml, read and validated on first use. */
export function loadSloganDictionary(): SloganDictionary {
  if (cachedDictionary === undefined) {
    const yamlText = readDictFile(SLOGANS_URL);
    const compiled = readCompiled(dictionaryHash(yamlText));
    cachedDictionary =
      compiled === undefined ? parseSloganDictionary(yamlText, 'dicts/slogans.yaml') : sloganDictionaryFrom(compiled, 'dicts/slogans.yaml');
  }
  return cachedDictionary;
}

/** The build's compiled document when it was made from YAML of this hash; undefined otherwise. */
function readCompiled(sha256: string): unknown {
  let jsonText: string;
  try {
    jsonText = readFileSync(fileURLToPath(COMPILED_SLOGANS_URL), 'utf8');
  } catch {
    return undefined; // no build copy (running from src/): the YAML is the source
  }
  return compiledDocument(jsonText, sha256);
}

/** The document of a compiled copy (CompiledDictionary as JSON) if it is whole and of YAML with this hash. */
export function compiledDocument(jsonText: string, sha256: string): unknown {
  try {
    const compiled = JSON.parse(jsonText) as Partial<CompiledDictionary>;
    return compiled.sha256 === sha256 ? compiled.document : undefined;
  } catch {
    return undefined; // a damaged copy: parse the YAML instead
  }
}

/**
 * Words the segmentation layer inserts into jieba so that slogans and report vocabulary
 * come out whole: every canonical form, variant and wrong form (without `、`, which jieba
 * splits on anyway), then the words of dicts/words.txt. No duplicates, first come first.
 */
export function segmenterUserWords(): string[] {
  if (cachedUserWords === undefined) {
    const words = new Set<string>();
    for (const form of loadSloganDictionary().forms) words.add(withoutEnumerationCommas(form.text));
    for (const word of parseUserWords(readDictFile(WORDS_URL), 'dicts/words.txt')) words.add(word);
    cachedUserWords = [...words];
  }
  return [...cachedUserWords];
}

/** `一个中心、两个基本点` → `一个中心两个基本点`. */
function withoutEnumerationCommas(form: string): string {
  return form.replaceAll('、', '');
}

/** Lines of a words file: `#` starts a comment (also after a word), blank lines are skipped. */
export function parseUserWords(text: string, origin = 'words file'): string[] {
  const words: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const word = line.replace(/#.*$/, '').trim();
    if (word === '') return;
    if (/\s/.test(word)) {
      throw new SloganDictionaryError(`${origin}, line ${index + 1}: one word per line, found "${word}".`);
    }
    words.push(word);
  });
  return words;
}

/** Validates the YAML text of a slogan dictionary; `origin` names it in error messages. */
export function parseSloganDictionary(yamlText: string, origin = 'slogan dictionary'): SloganDictionary {
  return sloganDictionaryFrom(readSloganDocument(yamlText, origin), origin);
}

/** The parsed YAML of a slogan dictionary, checked as parseSloganDictionary checks it (what the build compiles). */
export function compileSloganDictionary(yamlText: string, origin = 'slogan dictionary'): CompiledDictionary {
  const document = readSloganDocument(yamlText, origin);
  sloganDictionaryFrom(document, origin); // a malformed dictionary fails here, naming the entry
  return { sha256: dictionaryHash(yamlText), document };
}

function readSloganDocument(yamlText: string, origin: string): unknown {
  try {
    return parseYaml(yamlText);
  } catch (cause) {
    throw new SloganDictionaryError(`${origin}: not valid YAML (${(cause as Error).message}).`);
  }
}

/** Validates a parsed slogan dictionary (the YAML's document, or the build's JSON copy of it). */
function sloganDictionaryFrom(document: unknown, origin: string): SloganDictionary {
  if (!Array.isArray(document)) {
    throw new SloganDictionaryError(`${origin}: expected a list of entries at the top level.`);
  }

  const entries = document.map((item, index) => readEntry(item, `${origin}, entry ${index + 1}`));
  const byCanonical = new Map<string, SloganEntry>();
  const forms: SloganForm[] = [];
  // Forms are compared without `、`: `双随机一公开` and `双随机、一公开` are one form.
  const owners = new Map<string, string>();

  entries.forEach((entry, index) => {
    const where = `${origin}, entry ${index + 1} (${entry.canonical})`;
    if (byCanonical.has(entry.canonical)) throw new SloganDictionaryError(`${where}: duplicate canonical form.`);
    byCanonical.set(entry.canonical, entry);
    const add = (text: string, kind: SloganFormKind) => {
      const key = withoutEnumerationCommas(text);
      const owner = owners.get(key);
      if (owner !== undefined) {
        throw new SloganDictionaryError(`${where}: the form "${text}" is already listed under "${owner}".`);
      }
      owners.set(key, entry.canonical);
      forms.push({ text, kind, entry });
    };
    add(entry.canonical, 'canonical');
    for (const variant of entry.variants) add(variant, 'variant');
    for (const form of entry.accepted) add(form, 'accepted');
    for (const wrong of entry.wrongForms) add(wrong, 'wrong');
  });

  return { entries, byCanonical, forms };
}

function readDictFile(url: URL): string {
  const path = fileURLToPath(url);
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new SloganDictionaryError(`Cannot read ${path} (${(cause as Error).message}).`);
  }
}

function readEntry(item: unknown, where: string): SloganEntry {
  if (!isRecord(item)) throw new SloganDictionaryError(`${where}: expected a mapping with canonical, count, year, sources….`);
  const canonical = item['canonical'];
  if (typeof canonical !== 'string' || canonical.trim() === '') {
    throw new SloganDictionaryError(`${where}: "canonical" must be a non-empty string.`);
  }
  const at = `${where} (${canonical})`;
  for (const key of Object.keys(item)) {
    if (!ENTRY_KEYS.has(key)) throw new SloganDictionaryError(`${at}: unknown field "${key}".`);
  }

  if (!('count' in item)) throw new SloganDictionaryError(`${at}: "count" is required (a positive integer or null).`);
  const count = item['count'];
  if (count !== null && !(Number.isInteger(count) && (count as number) > 0)) {
    throw new SloganDictionaryError(`${at}: "count" must be a positive integer or null, found ${JSON.stringify(count)}.`);
  }

  if (!('year' in item)) throw new SloganDictionaryError(`${at}: "year" is required (a year or null).`);
  const year = item['year'];
  if (year !== null && !(Number.isInteger(year) && (year as number) >= 1900 && (year as number) <= 2100)) {
    throw new SloganDictionaryError(`${at}: "year" must be a year (1900–2100) or null, found ${JSON.stringify(year)}.`);
  }

  const members = readList(item['members'], `${at}, members`, readMember);
  const variants = readStrings(item['variants'], `${at}, variants`);
  const accepted = readStrings(item['accepted'], `${at}, accepted`);
  const wrongForms = readStrings(item['wrongForms'], `${at}, wrongForms`);
  const spelledOut = readStrings(item['spelledOut'], `${at}, spelledOut`);
  const notFollowedBy = readStrings(item['notFollowedBy'], `${at}, notFollowedBy`);
  const notPrecededBy = readStrings(item['notPrecededBy'], `${at}, notPrecededBy`);
  const english = readList(item['english'], `${at}, english`, readRendering);
  const sources = readList(item['sources'], `${at}, sources`, readSource);

  const note = item['note'] ?? null;
  if (note !== null && typeof note !== 'string') throw new SloganDictionaryError(`${at}: "note" must be text.`);

  if (sources.length === 0) throw new SloganDictionaryError(`${at}: every entry needs at least one source.`);
  const supported = new Set(sources.flatMap((source) => source.facts));
  if (members.length > 0 && !supported.has('members')) {
    throw new SloganDictionaryError(`${at}: members are listed but no source supports them (facts: [members]).`);
  }
  if (year !== null && !supported.has('year')) {
    throw new SloganDictionaryError(`${at}: a year is given but no source supports it (facts: [year]).`);
  }
  for (const form of [...variants, ...accepted, ...wrongForms]) {
    if (form === canonical) throw new SloganDictionaryError(`${at}: "${form}" repeats the canonical form.`);
  }

  return {
    canonical,
    count: count as number | null,
    members,
    variants,
    accepted,
    wrongForms,
    spelledOut,
    notFollowedBy,
    notPrecededBy,
    year: year as number | null,
    english,
    sources,
    note,
  };
}

function readMember(value: unknown, where: string): SloganMember {
  if (typeof value === 'string' && value.trim() !== '') return { text: value, variants: [] };
  if (isRecord(value) && typeof value['text'] === 'string' && value['text'].trim() !== '') {
    for (const key of Object.keys(value)) {
      if (key !== 'text' && key !== 'variants') throw new SloganDictionaryError(`${where}: unknown field "${key}".`);
    }
    return { text: value['text'], variants: readStrings(value['variants'], `${where}, variants`) };
  }
  throw new SloganDictionaryError(`${where}: a member is a string or { text, variants }.`);
}

function readRendering(value: unknown, where: string): EnglishRendering {
  if (!isRecord(value) || typeof value['text'] !== 'string' || value['text'].trim() === '') {
    throw new SloganDictionaryError(`${where}: a rendering is { text, source, year? }.`);
  }
  const source = value['source'];
  const sources = typeof source === 'string' ? [source] : readStrings(source, `${where}, source`);
  if (sources.length === 0) throw new SloganDictionaryError(`${where}: the rendering "${value['text']}" has no source.`);
  const year = value['year'] ?? null;
  if (year !== null && !Number.isInteger(year)) throw new SloganDictionaryError(`${where}: "year" must be a year.`);
  return { text: value['text'], sources, year: year as number | null };
}

function readSource(value: unknown, where: string): SloganSource {
  if (!isRecord(value) || typeof value['ref'] !== 'string' || value['ref'].trim() === '') {
    throw new SloganDictionaryError(`${where}: a source is { ref, facts }.`);
  }
  const facts = readStrings(value['facts'], `${where}, facts`);
  if (facts.length === 0) throw new SloganDictionaryError(`${where}: the source ${value['ref']} supports no fact.`);
  for (const fact of facts) {
    if (!SOURCE_FACTS.has(fact)) {
      throw new SloganDictionaryError(`${where}: unknown fact "${fact}" (usage, members, year or count).`);
    }
  }
  return { ref: value['ref'], facts: facts as SourceFact[] };
}

function readList<T>(value: unknown, where: string, readItem: (item: unknown, where: string) => T): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new SloganDictionaryError(`${where}: expected a list.`);
  return value.map((item, index) => readItem(item, `${where} ${index + 1}`));
}

function readStrings(value: unknown, where: string): string[] {
  return readList(value, where, (item, at) => {
    if (typeof item !== 'string' || item.trim() === '') throw new SloganDictionaryError(`${at}: expected text.`);
    return item;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
