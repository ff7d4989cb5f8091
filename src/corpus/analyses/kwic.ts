/**
 * `gongwen corpus kwic`: keyword in context, like quanteda's `kwic()`: every
 * occurrence of a word, a formula (all its written forms) or a regular
 * expression, with the document, its group, the offset, and a window of
 * context on each side in characters or in words.
 *
 * - `--word 改革`: the literal text.
 * - `--formula 两个维护`: the formula's occurrences as the extractor found them
 *   (`analysis.slogans`: canonical form, variants and wrong forms, quoted or not,
 *   `二个维护` too), so kwic and the slogans table count the same things.
 * - `--regex '国内生产总值增长\d'`: JavaScript syntax, with the `u` flag.
 *
 * Contexts are read from the text with every run of whitespace shown as one
 * space (scraped reports break lines mid-sentence), so a window of 10
 * characters is 10 characters of the report. Words come from the segmenter
 * (`--segmenter`, default as for parse); every token but whitespace counts as
 * one, punctuation included, as in quanteda.
 *
 * One pass; each document's text is read once when it can match.
 */
import { GongwenError } from '../../diagnostics.js';
import { getSegmenter } from '../../segment/engines.js';
import type { Segmenter, SegmenterName } from '../../segment/segmenter.js';
import { canonicalFormula } from '../formulas.js';
import { userPattern } from '../user-pattern.js';
import { choiceFlag, groupFlag, integerFlag, listFlag, type FlagValues } from '../flags.js';
import { groupOf } from '../grouping.js';
import type { Cell, Corpus, CorpusAnalysis, CorpusDocument, Table } from '../types.js';

export type KwicPatternKind = 'word' | 'formula' | 'regex';

export interface KwicPattern {
  kind: KwicPatternKind;
  value: string;
}

export interface KwicOptions {
  patterns: KwicPattern[];
  group?: string;
  /** Context on each side, in `unit`s. Default: 10. */
  window?: number;
  /** Default: characters. */
  unit?: 'characters' | 'words';
  /** For `unit: 'words'`. Default: GONGWEN_SEGMENTER, else nodejieba. */
  segmenter?: SegmenterName;
}

export interface KwicRow {
  [column: string]: Cell;
  document: string;
  group: Cell;
  /** UTF-16 offset of the match in the document's text. */
  offset: number;
  left: string;
  match: string;
  right: string;
  /** The pattern that matched, as given (`formula:两个维护`). */
  pattern: string;
}

export const KWIC_COLUMNS = ['document', 'group', 'offset', 'left', 'match', 'right', 'pattern'] as const;

interface Hit {
  start: number;
  end: number;
  pattern: string;
}

type Finder = (document: CorpusDocument, text: string) => Hit[];

function finder(pattern: KwicPattern): { find: Finder; needsText: (document: CorpusDocument) => boolean } {
  const label = `${pattern.kind}:${pattern.value}`;
  switch (pattern.kind) {
    case 'formula': {
      const canonical = canonicalFormula(pattern.value);
      return {
        needsText: (document) => document.analysis.slogans.some((slogan) => slogan.canonical === canonical),
        find: (document) =>
          document.analysis.slogans
            .filter((slogan) => slogan.canonical === canonical)
            .map((slogan) => ({ start: slogan.offset, end: slogan.offset + slogan.length, pattern: label })),
      };
    }
    case 'word':
      return {
        needsText: () => true,
        find: (_document, text) => {
          const hits: Hit[] = [];
          for (let at = text.indexOf(pattern.value); at !== -1; at = text.indexOf(pattern.value, at + pattern.value.length)) {
            hits.push({ start: at, end: at + pattern.value.length, pattern: label });
          }
          return hits;
        },
      };
    case 'regex': {
      const regex = userPattern(pattern.value, '--regex');
      return {
        needsText: () => true,
        find: (_document, text) => {
          const hits: Hit[] = [];
          for (const { start, end } of regex.matches(text)) if (end > start) hits.push({ start, end, pattern: label });
          return hits;
        },
      };
    }
  }
}

const collapse = (text: string) => text.replace(/\s+/g, ' ');

/**
 * A copy of a short piece of a text that does not keep the text alive: V8's
 * `slice` makes a view into the whole string, and 400,000 kwic rows would then
 * hold every report of the archive in memory.
 */
const detached = (piece: string) => [...piece].join('');

/** Context windows, in characters or in words. */
function contextReader(options: KwicOptions): (text: string, start: number, end: number) => { left: string; right: string } {
  const window = options.window ?? 10;
  // Enough raw text for `window` units once whitespace is collapsed, in all but whitespace-padded extremes.
  const reach = (unitLength: number) => window * unitLength * 4 + 64;
  if ((options.unit ?? 'characters') === 'characters') {
    return (text, start, end) => ({
      left: [...collapse(text.slice(Math.max(0, start - reach(1)), start))].slice(-window).join(''),
      right: [...collapse(text.slice(end, end + reach(1)))].slice(0, window).join(''),
    });
  }
  let segmenter: Segmenter | undefined;
  const words = (chunk: string, fromEnd: boolean): string => {
    segmenter ??= getSegmenter(options.segmenter);
    const tokens = segmenter.cut(chunk);
    const ordered = fromEnd ? tokens.reverse() : tokens;
    const kept: string[] = [];
    let counted = 0;
    for (const token of ordered) {
      const isSpace = token.trim() === '';
      if (!isSpace && counted === window) break;
      kept.push(token);
      if (!isSpace) counted++;
    }
    return (fromEnd ? kept.reverse() : kept).join('').trim();
  };
  return (text, start, end) => ({
    left: words(collapse(text.slice(Math.max(0, start - reach(4)), start)), true),
    right: words(collapse(text.slice(end, end + reach(4))), false),
  });
}

export async function kwic(corpus: Corpus, options: KwicOptions): Promise<Table<KwicRow>> {
  if (options.patterns.length === 0) throw new GongwenError('USAGE', 'kwic needs something to look for: --word W, --formula F or --regex R');
  const finders = options.patterns.map(finder);
  const context = contextReader(options);
  const field = options.group ?? 'year';
  const rows: KwicRow[] = [];
  for await (const document of corpus.documents()) {
    if (!finders.some((candidate) => candidate.needsText(document))) continue;
    const text = await document.text();
    // Several patterns can find the same span: it is listed once, under the first.
    const hits = new Map<string, Hit>();
    for (const { find } of finders) for (const hit of find(document, text)) if (!hits.has(`${hit.start}:${hit.end}`)) hits.set(`${hit.start}:${hit.end}`, hit);
    const group = groupOf(document, field);
    for (const hit of [...hits.values()].sort((a, b) => a.start - b.start || a.end - b.end)) {
      const { left, right } = context(text, hit.start, hit.end);
      rows.push({ document: document.id, group, offset: hit.start, left, match: detached(collapse(text.slice(hit.start, hit.end))), right, pattern: hit.pattern });
    }
  }
  return { columns: [...KWIC_COLUMNS], rows };
}

export const kwicAnalysis: CorpusAnalysis<KwicOptions, KwicRow> = {
  name: 'kwic',
  usage: `kwic     (--word W | --formula F | --regex R)… [--window N] [--window-unit characters|words]
           [--segmenter nodejieba|node-rs-jieba]
      Keyword in context: document, group, offset, left context, match, right context.`,
  options: {
    word: { type: 'string', multiple: true },
    formula: { type: 'string', multiple: true },
    regex: { type: 'string', multiple: true },
    window: { type: 'string' },
    'window-unit': { type: 'string' },
    segmenter: { type: 'string' },
  },
  fromFlags(values: FlagValues) {
    const patterns: KwicPattern[] = [];
    for (const kind of ['word', 'formula', 'regex'] as const) {
      // A regex may hold commas: it is taken whole; words and formulas may be listed with commas.
      const items = kind === 'regex' ? ((values.regex as string[] | undefined) ?? []) : listFlag(values, kind);
      for (const value of items) patterns.push({ kind, value });
    }
    if (patterns.length === 0) throw new GongwenError('USAGE', 'gongwen corpus kwic needs --word W, --formula F or --regex R');
    const options: KwicOptions = {
      patterns,
      group: groupFlag(values),
      window: integerFlag(values, 'window', 10),
      unit: choiceFlag(values, 'window-unit', ['characters', 'words'] as const, 'characters'),
    };
    const segmenter = choiceFlag(values, 'segmenter', ['nodejieba', 'node-rs-jieba', 'runs'] as const);
    if (segmenter) options.segmenter = segmenter;
    return options;
  },
  run: kwic,
};
