/**
 * `reuse`: which paragraphs of each report repeat, exactly or nearly, a
 * paragraph of an earlier report, and per report the share of its text that
 * was carried over. How a drafting office sees what came from last year's
 * template and a researcher finds boilerplate.
 *
 * Two passes over the corpus, and no comparison of every pair:
 * 1. index: each paragraph (a line of at least `minLength` characters) →
 *    character 5-shingles → MinHash signature → band hashes (src/corpus/text/);
 *    only the band hashes and offsets are kept, ~90 bytes per paragraph;
 *    between the passes the band index is sorted and each paragraph's
 *    candidates are looked up: paragraphs of earlier reports (by year, else
 *    corpus order) sharing a band bucket, the nearest earlier ones first;
 * 2. query: the texts are read again, each candidate pair is verified by
 *    natural's Dice coefficient on character bigrams once both of its texts
 *    have been read; a report's paragraphs are kept only while a pair still
 *    waits for them.
 * A paragraph reported as reused names its best source: the highest Dice,
 * and of equals the latest earlier report.
 */
import type { Corpus, CorpusAnalysis, Row, Table } from '../types.js';
import { GongwenError } from '../../diagnostics.js';
import { chronologicalRanks, yearOf } from '../text/chronology.js';
import { numberFlag } from '../text/flag-values.js';
import { GrowableUint32 } from '../text/growable.js';
import { bandHashes, BandIndex, DEFAULT_BANDING } from '../text/lsh.js';
import { minhashSignature } from '../text/minhash.js';
import { loadDiceCoefficient } from '../text/natural.js';
import { countTextCharacters, splitParagraphs } from '../text/paragraphs.js';
import { DEFAULT_SHINGLE_SIZE, shingleHashes } from '../text/shingles.js';

export interface ReuseOptions {
  /** Shortest paragraph considered, in characters without spaces (default 20: headings and salutations are not reuse). */
  minLength?: number;
  /** Characters per shingle (default 5). */
  shingleSize?: number;
  /** LSH bands and rows per band (default 16 × 4 = 64 MinHash slots, S-curve midpoint ≈ 0.5 Jaccard). */
  bands?: number;
  rows?: number;
  /** Smallest Dice coefficient that counts as reuse (default 0.8). */
  minSimilarity?: number;
  /** Earlier paragraphs taken from one band bucket, nearest first (default 4): bounds the work on boilerplate every report repeats. */
  candidatesPerBucket?: number;
  /** Candidates verified per paragraph, most band agreements first (default 8). */
  maxCandidates?: number;
  /** Rows per document (share of reused text) instead of per reused paragraph. */
  summary?: boolean;
}

/** One paragraph that repeats a paragraph of an earlier report. Offsets are UTF-16 indices into each report's text. */
export interface ReusePassageRow extends Row {
  doc: string;
  year: number | null;
  offset: number;
  length: number;
  source_doc: string;
  source_year: number | null;
  source_offset: number;
  source_length: number;
  /** Dice coefficient of the two paragraphs (character bigrams, spaces ignored); 1 for identical text. */
  similarity: number;
  /** The paragraph's first characters, to read the table. */
  excerpt: string;
}

export interface ReuseDocumentRow extends Row {
  doc: string;
  year: number | null;
  /** Paragraphs indexed (lines of at least minLength characters). */
  paragraphs: number;
  reused_paragraphs: number;
  /** Non-space characters of the whole report. */
  characters: number;
  /** Non-space characters of its reused paragraphs. */
  reused_characters: number;
  /** reused_characters / characters, 4 decimals. */
  share: number;
}

export interface ReuseResult {
  passages: Table<ReusePassageRow>;
  documents: Table<ReuseDocumentRow>;
}

const PASSAGE_COLUMNS: Array<keyof ReusePassageRow & string> = [
  'doc', 'year', 'offset', 'length', 'source_doc', 'source_year', 'source_offset', 'source_length', 'similarity', 'excerpt',
];
const DOCUMENT_COLUMNS: Array<keyof ReuseDocumentRow & string> = [
  'doc', 'year', 'paragraphs', 'reused_paragraphs', 'characters', 'reused_characters', 'share',
];
const EXCERPT_LENGTH = 24;

interface Settings {
  minLength: number;
  shingleSize: number;
  bands: number;
  rows: number;
  minSimilarity: number;
  candidatesPerBucket: number;
  maxCandidates: number;
}

function settingsOf(options: ReuseOptions): Settings {
  const settings: Settings = {
    minLength: options.minLength ?? 20,
    shingleSize: options.shingleSize ?? DEFAULT_SHINGLE_SIZE,
    bands: options.bands ?? DEFAULT_BANDING.bands,
    rows: options.rows ?? DEFAULT_BANDING.rows,
    minSimilarity: options.minSimilarity ?? 0.8,
    candidatesPerBucket: options.candidatesPerBucket ?? 4,
    maxCandidates: options.maxCandidates ?? 8,
  };
  for (const key of ['shingleSize', 'bands', 'rows', 'candidatesPerBucket', 'maxCandidates'] as const) {
    if (!Number.isInteger(settings[key]) || settings[key] < 1) throw new GongwenError('USAGE', `reuse: ${key} must be a positive integer.`);
  }
  if (!Number.isInteger(settings.minLength) || settings.minLength < 1) throw new GongwenError('USAGE', 'reuse: minLength must be a positive integer.');
  if (!(settings.minSimilarity > 0 && settings.minSimilarity <= 1)) throw new GongwenError('USAGE', 'reuse: minSimilarity must be in (0, 1].');
  return settings;
}

/** What pass 1 leaves: per document its id, year and paragraph range; per paragraph its offsets and band hashes. */
interface Index {
  ids: string[];
  years: Array<number | null>;
  characters: number[];
  /** First paragraph of each document in stream order (length documents + 1). */
  firstParagraph: number[];
  offsets: Uint32Array;
  lengths: Uint32Array;
  hashes: Uint32Array;
}

async function indexParagraphs(corpus: Corpus, settings: Settings): Promise<Index> {
  const ids: string[] = [];
  const years: Array<number | null> = [];
  const characters: number[] = [];
  const firstParagraph: number[] = [0];
  const offsets = new GrowableUint32();
  const lengths = new GrowableUint32();
  const hashes = new GrowableUint32();
  const shingles = { buffer: new Int32Array(1024) };
  const signature = new Int32Array(settings.bands * settings.rows);
  const banding = { bands: settings.bands, rows: settings.rows };
  for await (const document of corpus.documents()) {
    const text = await document.text();
    ids.push(document.id);
    years.push(yearOf(document.metadata));
    characters.push(countTextCharacters(text));
    for (const paragraph of splitParagraphs(text, settings.minLength)) {
      const count = shingleHashes(paragraph.normalized, settings.shingleSize, shingles);
      minhashSignature(shingles.buffer, count, signature);
      const at = hashes.length;
      const into = hashes.reserve(at + settings.bands);
      bandHashes(signature, banding, into, at);
      hashes.length = at + settings.bands;
      offsets.push(paragraph.offset);
      lengths.push(paragraph.normalized.length);
    }
    firstParagraph.push(offsets.length);
  }
  return { ids, years, characters, firstParagraph, offsets: offsets.toArray(), lengths: lengths.toArray(), hashes: hashes.toArray() };
}

/** Candidate pairs (later paragraph, earlier paragraph), by paragraph number in stream order. */
interface Candidates {
  later: Uint32Array;
  earlier: Uint32Array;
}

function findCandidates(index: Index, settings: Settings, documentOf: Uint32Array): Candidates {
  const documents = index.ids.length;
  const paragraphs = index.offsets.length;
  const ranks = chronologicalRanks(index.years);
  // Positions number paragraphs chronologically: documents by rank, then their lines in order.
  const byRank = new Uint32Array(documents);
  for (let document = 0; document < documents; document++) byRank[ranks[document]!] = document;
  const positionOf = new Uint32Array(paragraphs);
  const paragraphAt = new Uint32Array(paragraphs);
  let position = 0;
  for (const document of byRank) {
    for (let paragraph = index.firstParagraph[document]!; paragraph < index.firstParagraph[document + 1]!; paragraph++) {
      positionOf[paragraph] = position;
      paragraphAt[position] = paragraph;
      position++;
    }
  }
  const { bands } = settings;
  const positionHashes = new Uint32Array(paragraphs * bands);
  for (let paragraph = 0; paragraph < paragraphs; paragraph++) {
    positionHashes.set(index.hashes.subarray(paragraph * bands, (paragraph + 1) * bands), positionOf[paragraph]! * bands);
  }
  const bandIndex = new BandIndex(positionHashes, paragraphs, bands);

  const later = new GrowableUint32();
  const earlier = new GrowableUint32();
  // Per paragraph: candidate paragraph → number of bands it shares (small: at most bands × candidatesPerBucket).
  const agreements = new Map<number, number>();
  for (let paragraph = 0; paragraph < paragraphs; paragraph++) {
    const document = documentOf[paragraph]!;
    const at = positionOf[paragraph]!;
    agreements.clear();
    for (let band = 0; band < bands; band++) {
      bandIndex.earlierInBucket(band, positionHashes[at * bands + band]!, at, settings.candidatesPerBucket, (found) => {
        const candidate = paragraphAt[found]!;
        if (documentOf[candidate] === document) return false;
        agreements.set(candidate, (agreements.get(candidate) ?? 0) + 1);
        return true;
      });
    }
    const chosen = [...agreements]
      .sort((a, b) => b[1] - a[1] || positionOf[b[0]]! - positionOf[a[0]]!)
      .slice(0, settings.maxCandidates);
    for (const [candidate] of chosen) {
      later.push(paragraph);
      earlier.push(candidate);
    }
  }
  return { later: later.toArray(), earlier: earlier.toArray() };
}

/** Finds reused paragraphs: both tables (passages and per-document shares). */
export async function findReuse(corpus: Corpus, options: ReuseOptions = {}): Promise<ReuseResult> {
  const settings = settingsOf(options);
  const dice = loadDiceCoefficient();
  const index = await indexParagraphs(corpus, settings);
  const documents = index.ids.length;
  const paragraphs = index.offsets.length;
  const documentOf = new Uint32Array(paragraphs);
  for (let document = 0; document < documents; document++) {
    documentOf.fill(document, index.firstParagraph[document]!, index.firstParagraph[document + 1]!);
  }
  const pairs = findCandidates(index, settings, documentOf);
  index.hashes = new Uint32Array(0);

  // A pair is verified when the second of its two documents (in stream order) is read; the first is kept until then.
  const pairCount = pairs.later.length;
  const verifiedAt = new Uint32Array(pairCount);
  const keepUntil = new Int32Array(documents).fill(-1);
  const pairsPerDocument = new Uint32Array(documents + 1);
  for (let pair = 0; pair < pairCount; pair++) {
    const a = documentOf[pairs.later[pair]!]!;
    const b = documentOf[pairs.earlier[pair]!]!;
    const first = Math.min(a, b);
    const second = Math.max(a, b);
    verifiedAt[pair] = second;
    if (second > keepUntil[first]!) keepUntil[first] = second;
    pairsPerDocument[second + 1]!++;
  }
  for (let document = 0; document < documents; document++) pairsPerDocument[document + 1]! += pairsPerDocument[document]!;
  const pairsByDocument = new Uint32Array(pairCount);
  const fill = pairsPerDocument.slice(0, documents);
  for (let pair = 0; pair < pairCount; pair++) pairsByDocument[fill[verifiedAt[pair]!]!++] = pair;

  const bestSimilarity = new Float64Array(paragraphs);
  const bestSource = new Int32Array(paragraphs).fill(-1);
  const excerpts = new Map<number, string>();
  const kept = new Map<number, string[]>();

  let document = 0;
  for await (const corpusDocument of corpus.documents()) {
    if (document >= documents || corpusDocument.id !== index.ids[document]) {
      throw new GongwenError('FORMAT', `reuse: the corpus changed between its two passes (document ${document + 1}: "${corpusDocument.id}").`);
    }
    const found = splitParagraphs(await corpusDocument.text(), settings.minLength).map((paragraph) => paragraph.normalized);
    if (found.length !== index.firstParagraph[document + 1]! - index.firstParagraph[document]!) {
      throw new GongwenError('FORMAT', `reuse: the text of "${corpusDocument.id}" changed between the two passes.`);
    }
    if (keepUntil[document]! > document) kept.set(document, found);
    const textOf = (paragraph: number): string => {
      const owner = documentOf[paragraph]!;
      const texts = owner === document ? found : kept.get(owner)!;
      return texts[paragraph - index.firstParagraph[owner]!]!;
    };
    for (let k = pairsPerDocument[document]!; k < pairsPerDocument[document + 1]!; k++) {
      const pair = pairsByDocument[k]!;
      const later = pairs.later[pair]!;
      const earlier = pairs.earlier[pair]!;
      const laterText = textOf(later);
      const earlierText = textOf(earlier);
      const similarity = laterText === earlierText ? 1 : dice(laterText, earlierText);
      if (similarity < settings.minSimilarity) continue;
      const previous = bestSource[later]!;
      // Ties go to the latest earlier report (the chronologically nearest source).
      const better =
        previous < 0 ||
        similarity > bestSimilarity[later]! ||
        (similarity === bestSimilarity[later]! && isLater(index, earlier, previous, documentOf));
      if (!better) continue;
      bestSimilarity[later] = similarity;
      bestSource[later] = earlier;
      // A flat copy: a slice would keep the whole report's text alive.
      if (!excerpts.has(later)) excerpts.set(later, [...laterText.slice(0, EXCERPT_LENGTH)].join(''));
    }
    for (const [owner] of kept) if (keepUntil[owner]! <= document) kept.delete(owner);
    document++;
  }
  if (document !== documents) throw new GongwenError('FORMAT', 'reuse: the corpus changed between its two passes (fewer documents).');

  return { passages: passageTable(index, documentOf, bestSource, bestSimilarity, excerpts), documents: documentTable(index, bestSource) };
}

/** Whether paragraph `a` belongs to a chronologically later report than paragraph `b`. */
function isLater(index: Index, a: number, b: number, documentOf: Uint32Array): boolean {
  const documentA = documentOf[a]!;
  const documentB = documentOf[b]!;
  const yearA = index.years[documentA] ?? Infinity;
  const yearB = index.years[documentB] ?? Infinity;
  return yearA === yearB ? documentA > documentB : yearA > yearB;
}

function passageTable(
  index: Index,
  documentOf: Uint32Array,
  bestSource: Int32Array,
  bestSimilarity: Float64Array,
  excerpts: Map<number, string>,
): Table<ReusePassageRow> {
  const rows: ReusePassageRow[] = [];
  for (let paragraph = 0; paragraph < bestSource.length; paragraph++) {
    const source = bestSource[paragraph]!;
    if (source < 0) continue;
    const document = documentOf[paragraph]!;
    const sourceDocument = documentOf[source]!;
    rows.push({
      doc: index.ids[document]!,
      year: index.years[document]!,
      offset: index.offsets[paragraph]!,
      length: index.lengths[paragraph]!,
      source_doc: index.ids[sourceDocument]!,
      source_year: index.years[sourceDocument]!,
      source_offset: index.offsets[source]!,
      source_length: index.lengths[source]!,
      similarity: Math.round(bestSimilarity[paragraph]! * 10_000) / 10_000,
      excerpt: excerpts.get(paragraph) ?? '',
    });
  }
  return { columns: PASSAGE_COLUMNS, rows };
}

function documentTable(index: Index, bestSource: Int32Array): Table<ReuseDocumentRow> {
  const rows: ReuseDocumentRow[] = index.ids.map((doc, document) => {
    let reusedParagraphs = 0;
    let reusedCharacters = 0;
    for (let paragraph = index.firstParagraph[document]!; paragraph < index.firstParagraph[document + 1]!; paragraph++) {
      if (bestSource[paragraph]! < 0) continue;
      reusedParagraphs++;
      reusedCharacters += index.lengths[paragraph]!;
    }
    const characters = index.characters[document]!;
    return {
      doc,
      year: index.years[document]!,
      paragraphs: index.firstParagraph[document + 1]! - index.firstParagraph[document]!,
      reused_paragraphs: reusedParagraphs,
      characters,
      reused_characters: reusedCharacters,
      share: characters === 0 ? 0 : Math.round((reusedCharacters / characters) * 10_000) / 10_000,
    };
  });
  return { columns: DOCUMENT_COLUMNS, rows };
}

/** A typed table as the registry's plain `Table<Row>` (the CLI writes every analysis alike). */
function widen<R extends Row>(table: Table<R>): Table<Row> {
  return { columns: table.columns, rows: table.rows };
}

export const reuseAnalysis: CorpusAnalysis<ReuseOptions, Row> = {
  name: 'reuse',
  usage: `reuse    [--summary] [--min-length 20] [--similarity 0.8] [--shingle 5] [--bands 16 --rows 4]
      Paragraphs that repeat (Dice ≥ similarity) a paragraph of an earlier report, with both offsets;
      --summary: the share of reused text per report. Pairs are found by MinHash LSH, not all pairs.`,
  options: {
    summary: { type: 'boolean', default: false },
    'min-length': { type: 'string' },
    similarity: { type: 'string' },
    shingle: { type: 'string' },
    bands: { type: 'string' },
    rows: { type: 'string' },
  },
  fromFlags(values) {
    if (values.group !== undefined) throw new GongwenError('USAGE', 'gongwen corpus reuse takes no --group: it pairs paragraphs of reports, earlier with later (by year)');
    return {
      summary: values.summary === true,
      minLength: numberFlag(values, 'min-length', 20, { min: 1, integer: true }),
      minSimilarity: numberFlag(values, 'similarity', 0.8, { min: 0.01, max: 1 }),
      shingleSize: numberFlag(values, 'shingle', DEFAULT_SHINGLE_SIZE, { min: 1, max: 64, integer: true }),
      bands: numberFlag(values, 'bands', DEFAULT_BANDING.bands, { min: 1, max: 256, integer: true }),
      rows: numberFlag(values, 'rows', DEFAULT_BANDING.rows, { min: 1, max: 64, integer: true }),
    };
  },
  async run(corpus, options) {
    const result = await findReuse(corpus, options);
    return options.summary ? widen(result.documents) : widen(result.passages);
  },
  chart(table, options) {
    if (table.rows.length === 0) return null;
    // Per report: the share of reused text (summary), or the reused characters summed from the passages.
    const y = options.summary
      ? { field: 'share', type: 'quantitative', title: 'share of reused text', axis: { format: '%' } }
      : { aggregate: 'sum', field: 'length', type: 'quantitative', title: 'reused characters' };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: options.summary ? 'Share of each report repeating an earlier one' : 'Characters of each report repeating an earlier one',
      data: { values: table.rows },
      mark: 'bar',
      encoding: {
        x: { field: 'doc', type: 'nominal', sort: { field: 'year' }, title: 'report', axis: { labelLimit: 120 } },
        y,
        tooltip: [{ field: 'doc' }, { field: 'year' }],
      },
    };
  },
};
