/**
 * The leaves of an English range: compromise's terms become WordNodes; everything between
 * them (spaces, punctuation, symbols, and any word compromise did not return with an exact
 * offset) is classed by its characters. Every character of the range ends in exactly one
 * leaf, so the tree stays lossless whatever compromise does.
 */
import type { PositionIndex } from '../text/positions.js';
import type { Inline, PunctuationNode, SymbolNode, WhiteSpaceNode, WordNode } from '../tree/types.js';
import type { NlpTerm } from './nlp.js';

export type EnglishLeaf = WordNode | WhiteSpaceNode | PunctuationNode | SymbolNode;

const SPACE = /\s/u;
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const PUNCTUATION = /\p{P}/u;

/** Leaves covering [start, end) of `text`; `terms` are sorted, absolute offsets. */
export function leavesOf(text: string, start: number, end: number, terms: readonly NlpTerm[], index: PositionIndex): EnglishLeaf[] {
  const leaves: EnglishLeaf[] = [];
  let at = start;
  for (const term of terms) {
    if (term.start < at || term.end > end) continue;
    if (term.start > at) leaves.push(...gapLeaves(text, at, term.start, index));
    leaves.push(word(text, term.start, term.end, index));
    at = term.end;
  }
  if (at < end) leaves.push(...gapLeaves(text, at, end, index));
  return leaves;
}

function gapLeaves(text: string, start: number, end: number, index: PositionIndex): EnglishLeaf[] {
  const leaves: EnglishLeaf[] = [];
  let at = start;
  while (at < end) {
    const code = text.codePointAt(at)!;
    const character = String.fromCodePoint(code);
    let next = at + character.length;
    if (SPACE.test(character)) {
      while (next < end && SPACE.test(text[next]!)) next++;
      leaves.push({ type: 'WhiteSpaceNode', value: text.slice(at, next), position: index.position(at, next) });
    } else if (WORD_CHARACTER.test(character)) {
      while (next < end) {
        const following = String.fromCodePoint(text.codePointAt(next)!);
        if (!WORD_CHARACTER.test(following)) break;
        next += following.length;
      }
      leaves.push(word(text, at, next, index));
    } else if (PUNCTUATION.test(character)) {
      leaves.push({ type: 'PunctuationNode', value: character, position: index.position(at, next) });
    } else {
      leaves.push({ type: 'SymbolNode', value: character, position: index.position(at, next) });
    }
    at = next;
  }
  return leaves;
}

function word(text: string, start: number, end: number, index: PositionIndex): WordNode {
  const position = index.position(start, end);
  return { type: 'WordNode', position, children: [{ type: 'TextNode', value: text.slice(start, end), position }] };
}

/** A span the analyzer wants as a node around some leaves. */
export type EnglishSpan =
  | { type: 'Slogan'; start: number; end: number; canonical: string; count: number | null; quoted: boolean; known: boolean }
  | { type: 'Metric'; start: number; end: number; index: number };

/**
 * Wraps leaves in span nodes (spans sorted outer-first, not crossing). A span whose edge
 * falls inside a leaf is left out of the tree (its record stays in the flat lists).
 */
export function nestSpans(leaves: readonly EnglishLeaf[], spans: readonly EnglishSpan[], index: PositionIndex): Inline[] {
  const usable = spans.filter(
    (span) => leaves.some((leaf) => leaf.position.start.offset === span.start) && leaves.some((leaf) => leaf.position.end.offset === span.end),
  );
  let cursor = 0;
  const build = (until: number, available: EnglishSpan[]): Inline[] => {
    const out: Inline[] = [];
    while (cursor < leaves.length && leaves[cursor]!.position.start.offset! < until) {
      const leaf = leaves[cursor]!;
      const at = leaf.position.start.offset!;
      const span = available.find((candidate) => candidate.start === at);
      if (span === undefined) {
        out.push(leaf);
        cursor++;
        continue;
      }
      const inner = available.filter((candidate) => candidate !== span && candidate.start >= span.start && candidate.end <= span.end);
      const children = build(span.end, inner);
      const position = index.position(span.start, span.end);
      available = available.filter((candidate) => candidate !== span && !inner.includes(candidate));
      out.push(span.type === 'Slogan'
        ? { type: 'Slogan', canonical: span.canonical, count: span.count, quoted: span.quoted, known: span.known, position, children }
        : { type: 'Metric', index: span.index, position, children });
    }
    return out;
  };
  return build(Number.POSITIVE_INFINITY, [...usable].sort((a, b) => a.start - b.start || b.end - a.end));
}
