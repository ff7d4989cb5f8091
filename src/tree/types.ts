/**
 * The report tree: the contract of this package.
 *
 * unist-compatible (every node has `type` and an exact `position`), with
 * nlcst's names at and below the paragraph (Paragraph, Sentence, Word, Text,
 * Punctuation, Symbol, WhiteSpace) so that unist utilities such as
 * `unist-util-visit` and `nlcst-to-string` work on it unchanged.
 *
 * Lossless: the `value`s of the leaves, in document order, concatenate to the
 * original input exactly (see `toString`). Nothing is dropped: indentation,
 * line ends, blank lines and web debris are leaves too.
 *
 * Report-specific fields (depth, marker, role, kind…) sit on the node itself,
 * as mdast does with `depth`; `data` is left free for users.
 */
import type { Position, Data } from 'unist';

export type { Position, Point } from 'unist';

interface NodeBase {
  position: Position;
  data?: Data;
}

// ---------------------------------------------------------------- leaves

/** Characters of a word (nlcst). */
export interface Text extends NodeBase { type: 'TextNode'; value: string }
/** Spaces, tabs, U+3000, zero-width characters and line ends. */
export interface WhiteSpace extends NodeBase { type: 'WhiteSpaceNode'; value: string }
/** Punctuation: 。，、；：“”《》（）… */
export interface Punctuation extends NodeBase { type: 'PunctuationNode'; value: string }
/** Other non-word characters: %, ％, +, ~, *, emoji… */
export interface Symbol extends NodeBase { type: 'SymbolNode'; value: string }

/** Web debris left by scraping: `##paidbegin##`, `【更多公文素材，微信：dadawk01 】`. Kept, never read as content. */
export interface Debris extends NodeBase {
  type: 'Debris';
  value: string;
  kind: DebrisKind;
}
export type DebrisKind = 'paywall-marker' | 'promotion';

/** The numbering marker that opens a heading: `一、` `（一）` `1.` `（1）` `①` `第一部分`. */
export interface HeadingMarker extends NodeBase {
  type: 'HeadingMarker';
  value: string;
  style: AnyHeadingStyle;
  ordinal: number;
}

// ---------------------------------------------------------------- words and inline spans

/** A word from the segmenter (nlcst). */
export interface Word extends NodeBase { type: 'WordNode'; children: Text[] }

/** A numbered slogan (数字化提法) such as `“两个维护”`, quotes included when quoted. */
export interface Slogan extends NodeBase {
  type: 'Slogan';
  canonical: string;
  count: number | null;
  quoted: boolean;
  known: boolean;
  children: Inline[];
}

/** A blank left in a template: `xx`, `X`, `***`, `x.x`, `20xx`. */
export interface Placeholder extends NodeBase {
  type: 'Placeholder';
  kind: PlaceholderKind;
  children: Inline[];
}
export type PlaceholderKind = 'number' | 'year' | 'name';

/** A quantity stated as a fact: number (+ qualifier) + unit, e.g. `7次`, `近x亿元`, `6.6%`. */
export interface Metric extends NodeBase {
  type: 'Metric';
  /** Index into `Analysis.metrics` of the record this node stands for. */
  index: number;
  children: Inline[];
}

export type Inline = Word | Punctuation | Symbol | WhiteSpace | Slogan | Placeholder | Metric;

// ---------------------------------------------------------------- sentences and blocks

/** A sentence (nlcst): up to 。！？； or a line end, quotes and brackets respected. */
export interface Sentence extends NodeBase {
  type: 'SentenceNode';
  children: Inline[];
  /** Set by `analyze`: the sentence states at least one metric (a metric sentence, SPEC §6). */
  metric?: true;
}

/** An inline enumeration item: `一是…`, `第一，…`, `其一…`, inline `（1）…`. */
export interface ListItem extends NodeBase {
  type: 'ListItem';
  marker: string;
  ordinal: number;
  style: EnumerationStyle;
  /** The item's first sentence, marker included, without its closing punctuation: `一是压实主体责任`. */
  lead: string;
  children: Array<Sentence | WhiteSpace | Debris>;
}
export type EnumerationStyle = 'yishi' | 'diyi' | 'qiyi' | 'paren-arabic';

/** A paragraph: one line of the report (without its line end). */
export interface Paragraph extends NodeBase {
  type: 'ParagraphNode';
  children: Array<Sentence | ListItem | WhiteSpace | Debris>;
}

/** The heading line of a section, up to the first 。！？ (kept as its last child) or the line end. */
export interface Heading extends NodeBase {
  type: 'Heading';
  children: Array<HeadingMarker | Debris | Inline>;
}

export type HeadingStyle =
  | 'cjk' // 一、
  | 'paren-cjk' // （一） (二)
  | 'arabic' // 1. 2． 3、
  | 'paren-arabic' // （1） (2)
  | 'circled' // ① ②
  | 'part' // 第一部分 第二章
  | 'diyi' // 第一， as a line of its own (1998: `第一，进一步稳定和加强农业`)
  | 'cjk-bare'; // 一 alone on its line (1950s–60s reports)

/** Markers of the official English translations (src/english/): `I.` `II.`, and `(a)` `(b)`. */
export type EnglishOnlyHeadingStyle = 'roman' | 'paren-latin';
/** A heading style of either language: `arabic` and `paren-arabic` serve both. */
export type AnyHeadingStyle = HeadingStyle | EnglishOnlyHeadingStyle;

export type SectionRole = 'achievements' | 'problems' | 'plans' | 'other';

/** A heading and everything it owns until the next heading of the same or a higher level. */
export interface Section extends NodeBase {
  type: 'Section';
  /** 1 = top level; from the nesting actually seen, not from the marker style alone. */
  depth: number;
  marker: { raw: string; style: AnyHeadingStyle; ordinal: number };
  /** Heading text, without marker, closing punctuation, debris or surrounding space. */
  text: string;
  role: SectionRole;
  children: Array<Heading | Paragraph | Section | WhiteSpace | Debris>;
}

export interface Title extends NodeBase { type: 'Title'; children: Inline[] }
/** `同志们：`, `市委：`, `各位代表：` */
export interface Salutation extends NodeBase { type: 'Salutation'; children: Inline[] }
/** Everything between the title and the first heading: paragraphs and the salutation. */
export interface Preamble extends NodeBase {
  type: 'Preamble';
  children: Array<Salutation | Paragraph | WhiteSpace | Debris>;
}

export interface Root extends NodeBase {
  type: 'Root';
  children: Array<Title | Preamble | Section | WhiteSpace | Debris>;
}

export type Block = Root | Title | Salutation | Preamble | Section | Heading | Paragraph | ListItem | Sentence;
export type Leaf = Text | WhiteSpace | Punctuation | Symbol | Debris | HeadingMarker;
export type Node = Block | Inline | Leaf;
export type ParentNode = Extract<Node, { children: unknown[] }>;
