/**
 * The report tree: the contract of this package.
 *
 * An nlcst tree, typed as one: the root and the nodes at and below the
 * paragraph are nlcst's own (RootNode, ParagraphNode, SentenceNode, WordNode,
 * TextNode, PunctuationNode, SymbolNode, WhiteSpaceNode: each extends the
 * `nlcst` interface of that name), and the report's own nodes (Title, Section,
 * ListItem, Slogan…) are registered in nlcst's content maps (bottom of this
 * file), so `nlcst-to-string`, `nlcst-search` and `unist-util-visit` with its
 * type guards accept the tree without a cast. Every node has an exact `position`.
 *
 * Lossless: the `value`s of the leaves, in document order, concatenate to the
 * original input exactly (see `toString`). Nothing is dropped: indentation,
 * line ends, blank lines and web debris are leaves too.
 *
 * Report-specific fields (depth, marker, role, kind…) sit on the node itself,
 * as mdast does with `depth`; `data` is left free for users.
 */
import type * as Nlcst from 'nlcst';
import type { Data, Position } from 'unist';

export type { Position, Point } from 'unist';

/** What every node of the tree has: unist's `position`, always set, and `data`, left free for users. */
interface NodeBase {
  position: Position;
  data?: Data | undefined;
}

// ---------------------------------------------------------------- leaves

/** Characters of a word (nlcst). */
export interface TextNode extends Nlcst.Text { type: 'TextNode'; value: string; position: Position }
/** Spaces, tabs, U+3000, zero-width characters and line ends. */
export interface WhiteSpaceNode extends Nlcst.WhiteSpace { type: 'WhiteSpaceNode'; value: string; position: Position }
/** Punctuation: 。，、；：“”《》（）… */
export interface PunctuationNode extends Nlcst.Punctuation { type: 'PunctuationNode'; value: string; position: Position }
/** Other non-word characters: %, ％, +, ~, *, emoji… */
export interface SymbolNode extends Nlcst.Symbol { type: 'SymbolNode'; value: string; position: Position }

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
export interface WordNode extends Nlcst.Word { type: 'WordNode'; children: TextNode[]; position: Position }

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

export type Inline = WordNode | PunctuationNode | SymbolNode | WhiteSpaceNode | Slogan | Placeholder | Metric;

// ---------------------------------------------------------------- sentences and blocks

/** A sentence (nlcst): up to 。！？； or a line end, quotes and brackets respected. */
export interface SentenceNode extends Nlcst.Sentence {
  type: 'SentenceNode';
  position: Position;
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
  children: Array<SentenceNode | WhiteSpaceNode | Debris>;
}
export type EnumerationStyle = 'yishi' | 'diyi' | 'qiyi' | 'paren-arabic';

/** A paragraph: one line of the report (without its line end). */
export interface ParagraphNode extends Nlcst.Paragraph {
  type: 'ParagraphNode';
  position: Position;
  children: Array<SentenceNode | ListItem | WhiteSpaceNode | Debris>;
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
  | 'cjk-bare' // 一 alone on its line (1950s–60s reports)
  | 'unnumbered'; // a short line of its own heading a run of （一）… (2025 Sichuan: `2024年工作回顾`); marker.raw is ''

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
  children: Array<Heading | ParagraphNode | Section | WhiteSpaceNode | Debris>;
}

export interface Title extends NodeBase { type: 'Title'; children: Inline[] }
/** `同志们：`, `市委：`, `各位代表：` */
export interface Salutation extends NodeBase { type: 'Salutation'; children: Inline[] }
/** What a front-matter line is: `来源：…`, a dateline, the speaker, the document type under a web title. */
export type FrontMatterRole = 'source' | 'dateline' | 'speaker' | 'subtitle';
/**
 * A line around the title that is neither title nor body (src/skeleton/front-matter.ts): in the
 * Root before the title, in the Preamble after it.
 */
export interface FrontMatter extends NodeBase { type: 'FrontMatter'; role: FrontMatterRole; children: Inline[] }
/** Everything between the title and the first heading: front matter, paragraphs and the salutation. */
export interface Preamble extends NodeBase {
  type: 'Preamble';
  children: Array<FrontMatter | Salutation | ParagraphNode | WhiteSpaceNode | Debris>;
}

export type BackMatterKind = 'glossary' | 'annex';
/**
 * What follows the body and belongs to no section (src/skeleton/back-matter.ts): a glossary
 * (名词解释) or an annex (附件). Its numbered lines are items, not headings.
 */
export interface BackMatter extends NodeBase {
  type: 'BackMatter';
  kind: BackMatterKind;
  /** The opener line's text: `名词解释`, `附件2 名词解释`, `附件1`. */
  title: string;
  /** Lines whose text starts with a numbering marker (`1.`, `一、`). */
  items: number;
  children: Array<ParagraphNode | WhiteSpaceNode | Debris>;
}

/** The report (nlcst's root). */
export interface RootNode extends Nlcst.Root {
  type: 'RootNode';
  position: Position;
  children: Array<FrontMatter | Title | Preamble | Section | BackMatter | WhiteSpaceNode | Debris>;
}

export type Block = RootNode | FrontMatter | Title | Salutation | Preamble | Section | BackMatter | Heading | ParagraphNode | ListItem | SentenceNode;
export type Leaf = TextNode | WhiteSpaceNode | PunctuationNode | SymbolNode | Debris | HeadingMarker;
/** Any node of a report tree. */
export type ReportNode = Block | Inline | Leaf;
/** Any node of a report tree that has children. */
export type ReportParent = Extract<ReportNode, { children: unknown[] }>;

// ---------------------------------------------------------------- registered with nlcst

/*
 * The report's own nodes, made known to nlcst (and through it to unist utilities): every node
 * type in RootContentMap, which makes it one of nlcst's `Nodes`, and each also where it occurs.
 * Keys are free-form names; the types are what count.
 */
declare module 'nlcst' {
  interface RootContentMap {
    gongwenFrontMatter: FrontMatter;
    gongwenTitle: Title;
    gongwenPreamble: Preamble;
    gongwenSalutation: Salutation;
    gongwenSection: Section;
    gongwenBackMatter: BackMatter;
    gongwenHeading: Heading;
    gongwenHeadingMarker: HeadingMarker;
    gongwenListItem: ListItem;
    gongwenDebris: Debris;
    gongwenSlogan: Slogan;
    gongwenPlaceholder: Placeholder;
    gongwenMetric: Metric;
  }
  interface ParagraphContentMap {
    gongwenListItem: ListItem;
    gongwenDebris: Debris;
  }
  interface SentenceContentMap {
    gongwenSlogan: Slogan;
    gongwenPlaceholder: Placeholder;
    gongwenMetric: Metric;
  }
}
