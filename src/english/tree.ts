/**
 * An English report (an official translation) as the same lossless tree as a Chinese one:
 * RootNode › Title, Preamble (Salutation, paragraphs), Sections nested by their markers
 * (`I.` › `1.` › `(1)` › `(a)`, as the document nests them) › Heading, ParagraphNode ›
 * SentenceNode › WordNode… Sentences and words come from compromise; every character of the
 * input is in exactly one leaf, with exact unist positions.
 *
 * Like the Chinese builder, the heading is the marker line up to its first sentence end;
 * the rest of the line is a paragraph of the section.
 */
import { splitLines, type Line } from '../text/lines.js';
import { PositionIndex } from '../text/positions.js';
import type {
  Heading,
  HeadingMarker,
  Inline,
  ParagraphNode,
  Preamble,
  RootNode,
  Salutation,
  Section,
  SectionRole,
  SentenceNode,
  Title,
  WhiteSpaceNode,
} from '../tree/types.js';
import { HeadingNesting, headingMarker } from './headings.js';
import { readEnglishText, type NlpNumber, type NlpTerm } from './nlp.js';
import { leavesOf, nestSpans, type EnglishSpan } from './words.js';

/** A sentence of a region, with compromise's terms and numbers (absolute offsets). */
export interface EnglishSentence {
  start: number;
  end: number;
  terms: NlpTerm[];
  numbers: NlpNumber[];
}

/** What the analyzer is shown for each sentence of the title, headings and paragraphs. */
export interface EnglishSentenceContext {
  input: string;
  sentence: EnglishSentence;
  kind: 'title' | 'salutation' | 'heading' | 'paragraph';
  /** Role of the innermost section (null before the first heading). */
  role: SectionRole | null;
}

/** Spans to put in the tree around a sentence's words (formulas, metrics). */
export type EnglishAnnotator = (context: EnglishSentenceContext) => EnglishSpan[];

export interface EnglishTree {
  tree: RootNode;
  title: string | null;
  salutation: string | null;
}

const SALUTATION = /^[A-Z][A-Za-z'’ ]{1,40}[,:]$/;
const SENTENCE_END = /[.!?]["”’)]*$/;

export function buildEnglishTree(text: string, annotate?: EnglishAnnotator): EnglishTree {
  const lines = splitLines(text);
  const index = new PositionIndex(lines);
  const nesting = new HeadingNesting();

  const rootChildren: RootNode['children'] = [];
  let preamble: Preamble | null = null;
  const openSections: Section[] = [];
  let title: string | null = null;
  let salutation: string | null = null;
  let seenContent = false;

  const whiteSpace = (start: number, end: number): WhiteSpaceNode => ({ type: 'WhiteSpaceNode', value: text.slice(start, end), position: index.position(start, end) });
  const container = (): { children: unknown[] } => openSections[openSections.length - 1] ?? preamble ?? { children: rootChildren };
  const addWhiteSpace = (start: number, end: number) => {
    if (end > start) (container().children as WhiteSpaceNode[]).push(whiteSpace(start, end));
  };
  const currentRole = (): SectionRole | null => openSections[openSections.length - 1]?.role ?? null;

  /** Sentences of [start, end): compromise's boundaries, widened so that they cover every non-space character. */
  const sentencesOf = (start: number, end: number): EnglishSentence[] => {
    const content = trimmed(text, start, end);
    if (content === null) return [];
    const nlp = readEnglishText(text.slice(content.start, content.end));
    const bounds: number[] = [content.start];
    for (const sentence of nlp.sentences.slice(1)) {
      const at = content.start + sentence.start;
      if (at > bounds[bounds.length - 1]! && at < content.end) bounds.push(at);
    }
    const sentences: EnglishSentence[] = [];
    bounds.forEach((from, k) => {
      const to = trimmed(text, from, bounds[k + 1] ?? content.end)!.end;
      sentences.push({ start: from, end: to, terms: [], numbers: [] });
    });
    // Terms go to the sentence holding them; numbers follow their terms. Terms and sentences are
    // both in text order: one cursor, and each term remembers where it went (a search per term
    // made a line of 200,000 short sentences take minutes).
    const placed = new Map<object, { sentence: EnglishSentence; index: number }>();
    let cursor = 0;
    nlp.sentences.forEach((sentence, s) => {
      const terms = sentence.terms.map((term) => ({ ...term, start: term.start + content.start, end: term.end + content.start }));
      for (const term of terms) {
        while (cursor < sentences.length && sentences[cursor]!.end < term.start) cursor++;
        for (let k = cursor; k < sentences.length && sentences[k]!.start <= term.start; k++) {
          const candidate = sentences[k]!;
          if (term.start >= candidate.start && term.end <= candidate.end) {
            placed.set(term, { sentence: candidate, index: candidate.terms.length });
            candidate.terms.push(term);
            break;
          }
        }
      }
      for (const number of nlp.numbers[s]!) {
        const first = placed.get(terms[number.firstTerm]!);
        const last = placed.get(terms[number.lastTerm]!);
        if (first === undefined || last === undefined || first.sentence !== last.sentence) continue;
        first.sentence.numbers.push({ ...number, firstTerm: first.index, lastTerm: last.index });
      }
    });
    return sentences;
  };

  const sentenceInlines = (sentence: EnglishSentence, kind: EnglishSentenceContext['kind']): Inline[] => {
    const leaves = leavesOf(text, sentence.start, sentence.end, sentence.terms, index);
    const spans = annotate?.({ input: text, sentence, kind, role: currentRole() }) ?? [];
    return nestSpans(leaves, spans, index);
  };

  /** A ParagraphNode over [start, end): leading and trailing spaces as WhiteSpaceNode, sentences between. */
  const paragraphOf = (start: number, end: number): ParagraphNode => {
    const children: ParagraphNode['children'] = [];
    let at = start;
    for (const sentence of sentencesOf(start, end)) {
      if (sentence.start > at) children.push(whiteSpace(at, sentence.start));
      const node: SentenceNode = { type: 'SentenceNode', position: index.position(sentence.start, sentence.end), children: sentenceInlines(sentence, 'paragraph') };
      children.push(node);
      at = sentence.end;
    }
    if (end > at) children.push(whiteSpace(at, end));
    return { type: 'ParagraphNode', position: index.position(start, end), children };
  };

  const inlinesOver = (start: number, end: number, kind: EnglishSentenceContext['kind']): Inline[] => {
    const children: Inline[] = [];
    let at = start;
    for (const sentence of sentencesOf(start, end)) {
      if (sentence.start > at) children.push(whiteSpace(at, sentence.start));
      children.push(...sentenceInlines(sentence, kind));
      at = sentence.end;
    }
    if (end > at) children.push(whiteSpace(at, end));
    return children;
  };

  const openHeading = (line: Line) => {
    const lead = leadingSpaceEnd(text, line.start, line.end);
    const marker = headingMarker(text.slice(lead, line.end))!;
    const markerEnd = lead + marker.raw.length;
    const afterMarker = lead + marker.length;
    const sentences = sentencesOf(afterMarker, line.end);
    const headingEnd = sentences[0]?.end ?? line.end;
    const depth = nesting.depthOf(marker.style);
    while (openSections.length >= depth) openSections.pop();

    const markerNode: HeadingMarker = { type: 'HeadingMarker', value: marker.raw, style: marker.style, ordinal: marker.ordinal, position: index.position(lead, markerEnd) };
    const headingText = withoutClosingPunctuation(text.slice(afterMarker, headingEnd).trim());
    const section: Section = {
      type: 'Section',
      depth,
      marker: { raw: marker.raw, style: marker.style, ordinal: marker.ordinal },
      text: headingText,
      role: roleOf(headingText, openSections[openSections.length - 1]?.role ?? null),
      position: index.position(line.start, line.end),
      children: [],
    };
    const parent = openSections[openSections.length - 1] ?? null;
    if (parent) parent.children.push(section);
    else rootChildren.push(section);
    openSections.push(section);

    const headingChildren: Heading['children'] = [];
    if (lead > line.start) headingChildren.push(whiteSpace(line.start, lead));
    headingChildren.push(markerNode);
    if (afterMarker > markerEnd) headingChildren.push(whiteSpace(markerEnd, afterMarker));
    headingChildren.push(...inlinesOver(afterMarker, headingEnd, 'heading'));
    section.children.push({ type: 'Heading', position: index.position(line.start, headingEnd), children: headingChildren });
    if (line.end > headingEnd) section.children.push(paragraphOf(headingEnd, line.end));
  };

  for (const line of lines) {
    const content = trimmed(text, line.start, line.end);
    if (content === null) {
      addWhiteSpace(line.start, line.next);
      continue;
    }
    const lineText = text.slice(content.start, content.end);
    if (headingMarker(lineText) !== null) {
      openHeading(line);
    } else if (!seenContent && looksLikeTitle(lineText)) {
      addWhiteSpace(line.start, content.start);
      const node: Title = { type: 'Title', position: index.position(content.start, content.end), children: inlinesOver(content.start, content.end, 'title') };
      rootChildren.push(node);
      title = lineText;
      addWhiteSpace(content.end, line.end);
    } else if (openSections.length === 0) {
      preamble ??= pushPreamble(rootChildren, index, content.start);
      if (salutation === null && SALUTATION.test(lineText)) {
        addWhiteSpace(line.start, content.start);
        const node: Salutation = { type: 'Salutation', position: index.position(content.start, content.end), children: inlinesOver(content.start, content.end, 'salutation') };
        preamble.children.push(node);
        salutation = lineText;
        addWhiteSpace(content.end, line.end);
      } else {
        preamble.children.push(paragraphOf(line.start, line.end));
      }
    } else {
      (container().children as ParagraphNode[]).push(paragraphOf(line.start, line.end));
    }
    seenContent = true;
    addWhiteSpace(line.end, line.next);
  }

  // Containers span their children: first start to last end.
  for (const node of rootChildren) fitPositions(node, index);
  const root: RootNode = { type: 'RootNode', position: index.position(0, text.length), children: rootChildren };
  return { tree: root, title, salutation };
}

function pushPreamble(rootChildren: RootNode['children'], index: PositionIndex, at: number): Preamble {
  const preamble: Preamble = { type: 'Preamble', position: index.position(at, at), children: [] };
  rootChildren.push(preamble);
  return preamble;
}

function fitPositions(node: RootNode['children'][number], index: PositionIndex): void {
  if (node.type !== 'Section' && node.type !== 'Preamble') return;
  for (const child of node.children) fitPositions(child as RootNode['children'][number], index);
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  if (first && last) node.position = index.position(first.position.start.offset!, last.position.end.offset!);
}

/** `We kept the economy stable.` → `We kept the economy stable` (a loop: a `[.:;]+$` regex backtracks quadratically). */
function withoutClosingPunctuation(heading: string): string {
  let end = heading.length;
  while (end > 0 && '.:;'.includes(heading[end - 1]!)) end--;
  return heading.slice(0, end).trim();
}

/** [start, end) without surrounding whitespace, or null when only whitespace. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } | null {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return from < to ? { start: from, end: to } : null;
}

function leadingSpaceEnd(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && /\s/.test(text[at]!)) at++;
  return at;
}

/** The first line is a title when it reads as one: short, and not a sentence. */
function looksLikeTitle(line: string): boolean {
  return line.split(/\s+/).length <= 20 && !SENTENCE_END.test(line);
}

/** A section's role from its heading; a subsection without its own cue inherits its parent's. */
export function roleOf(heading: string, parentRole: SectionRole | null): SectionRole {
  if (/\b(problems?|challenges|shortcomings|difficulties|inadequacies)\b/i.test(heading)) return 'problems';
  if (/\b(review|achievements?|past (year|five years)|our work in \d{4})\b/i.test(heading)) return 'achievements';
  if (/\b(tasks?|plans?|targets?|priorities|goals?|requirements|for \d{4}|next|coming)\b/i.test(heading)) return 'plans';
  return parentRole ?? 'other';
}
