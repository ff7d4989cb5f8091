/**
 * compromise, loaded on first use and only by the English reader: parsing Chinese never
 * loads it (a test checks). `createRequire` keeps `parse` synchronous; compromise ships a
 * CommonJS build for `require`.
 *
 * What the reader takes from compromise: sentences and terms with exact offsets, each
 * term's normal form, a context-free singular for matching formulas, and its numbers
 * (`12.56 million` → 12,560,000; `5.2 percent` → 5.2 with its unit).
 */
import { createRequire } from 'node:module';

/** A word of compromise, with its offset in the analysed text. */
export interface NlpTerm {
  /** As written, without surrounding punctuation and spaces. */
  text: string;
  /** Lowercase, punctuation removed. */
  normal: string;
  /** compromise's tags: Noun, Plural, Value, Ordinal… */
  tags: readonly string[];
  /** Offset of `text` in the analysed text, and its length. */
  start: number;
  end: number;
}

export interface NlpSentence {
  start: number;
  terms: NlpTerm[];
}

/** A number compromise read, over one or more terms (`12.56 million`). */
export interface NlpNumber {
  /** Index of its first and last term in the sentence. */
  firstTerm: number;
  lastTerm: number;
  value: number;
  /** The unit compromise attached: `percent`, `yuan`, or ''. */
  unit: string;
  /** `%` when written `5.2%`. */
  suffix: string;
}

export interface NlpText {
  sentences: NlpSentence[];
  /** Per sentence, its numbers. */
  numbers: NlpNumber[][];
}

interface CompromiseTermJson {
  text: string;
  normal: string;
  tags: string[];
  offset: { index: number; start: number; length: number };
}
interface CompromiseSentenceJson {
  offset: { index: number; start: number; length: number };
  terms: CompromiseTermJson[];
}
interface CompromiseNumberJson {
  number?: { num: number; unit: string; suffix: string };
  terms: CompromiseTermJson[];
}
interface CompromiseView {
  json(options: object): unknown[];
  numbers(): CompromiseView;
}
interface Compromise {
  (text: string): CompromiseView;
  world(): { methods: { two: { transform: { noun: { toSingular(word: string, model: unknown): string } } } }; model: unknown };
}

let compromise: Compromise | undefined;

function load(): Compromise {
  compromise ??= createRequire(import.meta.url)('compromise') as Compromise;
  return compromise;
}

/**
 * compromise's work on one call grows with the square of its sentences (its `json({ offset })`),
 * so a long paragraph is read in pieces of at most this many characters, cut where a sentence
 * ends (or, in one endless sentence, at a space): 600 KB of `a. ` took 114 s in one call.
 */
const LONGEST_PIECE = 4000;

/** Sentences, terms and numbers of an English text (offsets into `text`). */
export function readEnglishText(text: string): NlpText {
  if (text.length <= LONGEST_PIECE) return readPiece(text, 0);
  const whole: NlpText = { sentences: [], numbers: [] };
  for (let start = 0; start < text.length; ) {
    const end = pieceEnd(text, start);
    const piece = readPiece(text.slice(start, end), start);
    whole.sentences.push(...piece.sentences);
    whole.numbers.push(...piece.numbers);
    start = end;
  }
  return whole;
}

/** Where the piece starting at `start` ends: after the last sentence end within reach, else the last space, else at reach. */
function pieceEnd(text: string, start: number): number {
  const reach = start + LONGEST_PIECE;
  if (reach >= text.length) return text.length;
  let space = -1;
  for (let i = reach; i > start; i--) {
    if (!/\s/.test(text[i]!)) continue;
    if (/[.!?;]/.test(text[i - 1]!)) return i;
    if (space < 0) space = i;
  }
  return space > start ? space : reach;
}

/** readEnglishText of one piece, its offsets moved by `base` (the piece's place in the text). */
function readPiece(text: string, base: number): NlpText {
  const nlp = load();
  const doc = nlp(text);
  const rawSentences = doc.json({ offset: true, terms: { offset: true } }) as CompromiseSentenceJson[];
  const sentences: NlpSentence[] = [];
  // Term index (document-wide) → [sentence, term in sentence], to place the numbers.
  const termAt = new Map<number, [number, number]>();
  for (const raw of rawSentences) {
    const terms: NlpTerm[] = [];
    for (const term of raw.terms) {
      const start = term.offset.start;
      const end = start + term.offset.length;
      // Offsets are trusted only where they point at the term as written: a term compromise
      // rewrote is left to the reader's own character classes (see words.ts).
      if (term.text === '' || text.slice(start, end) !== term.text) continue;
      termAt.set(term.offset.index, [sentences.length, terms.length]);
      terms.push({ text: term.text, normal: term.normal, tags: term.tags, start: start + base, end: end + base });
    }
    sentences.push({ start: raw.offset.start + base, terms });
  }
  const numbers: NlpNumber[][] = sentences.map(() => []);
  for (const raw of doc.numbers().json({ offset: true, terms: { offset: true } }) as CompromiseNumberJson[]) {
    if (raw.number === undefined || !Number.isFinite(raw.number.num) || raw.terms.length === 0) continue;
    const first = termAt.get(raw.terms[0]!.offset.index);
    const last = termAt.get(raw.terms[raw.terms.length - 1]!.offset.index);
    if (first === undefined || last === undefined || first[0] !== last[0]) continue;
    numbers[first[0]]!.push({ firstTerm: first[1], lastTerm: last[1], value: raw.number.num, unit: raw.number.unit ?? '', suffix: raw.number.suffix ?? '' });
  }
  return { sentences, numbers };
}

/** The singular of a lowercase word, out of context (`consciousnesses` → `consciousness`, `upholds` → `uphold`). */
export function singular(word: string): string {
  const world = load().world();
  return world.methods.two.transform.noun.toSingular(word, world.model) || word;
}

/** Whether compromise has been loaded in this process. */
export function isCompromiseLoaded(): boolean {
  return compromise !== undefined;
}
