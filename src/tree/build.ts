/**
 * Builds the report tree from the input, line by line.
 *
 * Every character of the input lands in exactly one leaf, in order: block
 * content in its block, indentation and debris in the block of their line,
 * line ends and blank lines in WhiteSpace nodes of the enclosing container.
 */
import type { Position } from 'unist';
import type { Warning } from '../diagnostics.js';
import type { Segmenter } from '../segment/segmenter.js';
import type { Range } from '../segment/sentences.js';
import { splitSentences } from '../segment/sentences.js';
import { chunk, tokenize, type Token } from '../segment/tokens.js';
import { findDebris, type DebrisSpan } from '../skeleton/debris.js';
import { matchHeadingMarker, OutlineNesting, type HeadingMarkerMatch } from '../skeleton/headings.js';
import { findEnumerationMarkers, type EnumerationCarry, type EnumerationMarkerMatch } from '../skeleton/enumerations.js';
import { sectionRole } from '../skeleton/roles.js';
import { frontMatterRole } from '../skeleton/front-matter.js';
import { backMatterOpener, LONGEST_OPENER } from '../skeleton/back-matter.js';
import { unnumberedHeadingLines } from '../skeleton/unnumbered-headings.js';
import { CLOSERS, HEADING_END, PAIRS, SPACE_CLASS, isBlank, isSpaceRunCharacter, trimSpaceRuns } from '../text/characters.js';
import { LineTable, type LineInfo } from './line-table.js';
import { PositionIndex } from '../text/positions.js';
import { nestableSpans, type InlineSpan } from './spans.js';
import { nodeBudget, type NodeBudget } from './node-budget.js';
import type {
  BackMatter,
  BackMatterKind,
  Debris,
  FrontMatter,
  FrontMatterRole,
  Heading,
  HeadingMarker,
  Inline,
  ListItem,
  ParagraphNode,
  Preamble,
  RootNode,
  Salutation,
  Section,
  SectionRole,
  SentenceNode,
  Title,
  WhiteSpaceNode,
} from './types.js';

/** A stretch of text the extractors are asked about, with its sentences. */
export interface TextRegion {
  kind: 'title' | 'salutation' | 'heading' | 'paragraph';
  start: number;
  end: number;
  sentences: readonly Range[];
  role: SectionRole | null;
}

/** Called once per region; returns the spans to turn into inline nodes. */
export type RegionAnnotator = (region: TextRegion) => InlineSpan[];

export interface BuildOptions {
  segmenter: Segmenter;
  annotate?: RegionAnnotator | undefined;
  /**
   * false: build blocks and sentences but no word-level nodes (sentences and
   * headings have no inline children). Not lossless: only for callers that
   * keep the flat records and drop the tree (analyzeJson).
   */
  words?: boolean;
}

export interface BuiltTree {
  tree: RootNode;
  title: string | null;
  salutation: string | null;
  warnings: Warning[];
}

/** A line longer than this is a dump, not a paragraph: see opaqueParagraph. */
const LONGEST_ANALYZED_PARAGRAPH = 1_000_000;
/** A sentence longer than this is cut into fixed chunks instead of words (a dump, not prose). */
const LONGEST_SEGMENTED_SENTENCE = 20_000;
const SPACE = new RegExp(SPACE_CLASS);
const OPENERS = new Set(PAIRS.keys());
/** Closing brackets and clause punctuation never begin a paragraph: such a line continues the one before. */
const CONTINUATION_START = new Set([...CLOSERS, '。', '，', '、', '；', '：', '？', '！']);
/** Closing punctuation that, with white space, is trimmed off the end of a lead sentence (see leadOf). */
const LEAD_TRAILER = new Set(['。', '！', '？', '；', '，', '：', '、', ',', '.', ';', ':', '!', '?']);

type Container = RootNode | Section | Preamble | BackMatter;

/** The roles of the lines around the body (src/skeleton/): front matter, title, salutation, back matter. */
interface Skeleton {
  titleLines: [number, number] | null;
  salutationLine: number | null;
  frontMatter: Map<number, FrontMatterRole>;
  backMatter: Map<number, BackMatterKind>;
}

export function buildTree(input: string, options: BuildOptions): BuiltTree {
  return new TreeBuilder(input, options).build();
}

class TreeBuilder {
  private readonly index: PositionIndex;
  private readonly lines: LineTable;
  private readonly warnings: Warning[] = [];
  private readonly root: RootNode;
  private readonly sections: Section[] = [];
  private readonly nesting = new OutlineNesting();
  private preamble: Preamble | null = null;
  private backMatter: BackMatter | null = null;
  private backMatterOpeners = new Map<number, BackMatterKind>();
  private covered = 0;
  private previousTopRole: SectionRole | null = null;
  private carry: EnumerationCarry = {};
  private longLineReported = false;
  private readonly debrisSpans: DebrisSpan[];
  /** Positions made so far (every node and warning has one), words apart: what the node budget counts. */
  private spent = 0;
  private wordsSpent = 0;
  private readonly budget: NodeBudget;
  private budgetReported = false;

  constructor(
    private readonly input: string,
    private readonly options: BuildOptions,
  ) {
    this.lines = new LineTable(input);
    this.index = new PositionIndex({ starts: this.lines.starts });
    // Debris never spans a line end: one scan of the whole input serves every line.
    this.debrisSpans = findDebris(input, 0, input.length);
    for (let i = 0; i < this.lines.count; i++) this.describeLine(i);
    for (let i = 0; i < this.lines.count; i++) {
      if (this.lines.hasMarker(i) && this.lines.marker(i)!.style === 'diyi' && !this.isStandaloneDiyi(this.lines.at(i)!)) this.lines.setMarker(i, null);
    }
    this.budget = nodeBudget(input);
    this.root = { type: 'RootNode', children: [], position: this.position(0, input.length) };
  }

  private overBudget(): boolean {
    return this.spent >= this.budget.blocks || this.wordsSpent >= this.budget.words;
  }

  /** Every node's and warning's position is made here (words' in leaf), so that the node budget sees it. */
  private position(start: number, end: number): Position {
    this.spent++;
    return this.index.position(start, end);
  }

  build(): BuiltTree {
    const skeleton = this.skeleton();
    this.backMatterOpeners = skeleton.backMatter;
    const { titleLines, salutationLine } = skeleton;
    let title: string | null = null;
    let salutation: string | null = null;
    for (let i = 0; i < this.lines.count; i++) {
      if (this.lines.isBlank(i) && this.debrisIn(this.lines.start(i), this.lines.end(i)).length === 0) continue; // blank: left to the gap
      const line = this.lines.at(i)!;
      if (this.overBudget()) {
        this.keepRestAsText(line);
        break;
      }
      const opens = skeleton.backMatter.get(i);
      if (opens) this.openBackMatter(line, opens);
      if (this.backMatter) {
        if (line.marker) this.backMatter.items++;
        i = this.addParagraphLines(line);
        continue;
      }
      const role = skeleton.frontMatter.get(i);
      if (role) {
        this.flushGap(line.start);
        const node: FrontMatter = { type: 'FrontMatter', role, children: this.inline(line.start, line.end, []), position: this.position(line.start, line.end) };
        // Before the title, a line of the Root; after it, a line of the preamble.
        if (titleLines && i < titleLines[0]) this.root.children.push(node);
        else this.openPreamble().children.push(node);
        this.covered = line.end;
        continue;
      }
      if (titleLines && i === titleLines[0]) {
        const last = this.lines.at(titleLines[1])!;
        this.flushGap(line.start);
        const node: Title = { type: 'Title', children: this.lineRun(line.start, last.end, 'title'), position: this.position(line.start, last.end) };
        this.root.children.push(node);
        this.covered = last.end;
        title = this.input.slice(line.visibleStart, last.visibleEnd).replace(/[\s\u3000\u200b-\u200d\ufeff]+/g, '');
        i = titleLines[1];
        continue;
      }
      if (i === salutationLine) {
        this.flushGap(line.start);
        const node: Salutation = { type: 'Salutation', children: this.lineRun(line.start, line.end, 'salutation'), position: this.position(line.start, line.end) };
        this.openPreamble().children.push(node);
        this.covered = line.end;
        salutation = this.input.slice(line.visibleStart, line.visibleEnd);
        continue;
      }
      i = line.marker ? this.addSection(line, line.marker) : this.addParagraphLines(line);
    }
    this.flushGap(this.input.length);
    this.closeContainers(this.input.length);
    this.closeBackMatter();
    return { tree: this.root, title, salutation, warnings: this.warnings };
  }

  // ------------------------------------------------------------ lines

  /** The debris spans inside [start, end), in order (binary search in the one scan). */
  private debrisIn(start: number, end: number): DebrisSpan[] {
    const all = this.debrisSpans;
    if (all.length === 0) return all;
    let low = 0;
    let high = all.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (all[middle]!.start < start) low = middle + 1;
      else high = middle;
    }
    const inside: DebrisSpan[] = [];
    for (let i = low; i < all.length && all[i]!.start < end; i++) if (all[i]!.end <= end) inside.push(all[i]!);
    return inside;
  }

  /** Finds line `index`'s visible extent (past indentation and leading debris) and heading marker. */
  private describeLine(index: number): void {
    const input = this.input;
    const end = this.lines.end(index);
    let at = this.lines.start(index);
    for (;;) {
      while (at < end && SPACE.test(input[at]!)) at++;
      if (input[at] !== '#' && input[at] !== '【') break;
      const debris = this.debrisIn(at, end)[0];
      if (!debris || debris.start !== at) break;
      at = debris.end;
    }
    let visibleEnd = end;
    while (visibleEnd > at && SPACE.test(input[visibleEnd - 1]!)) visibleEnd--;
    this.lines.describe(index, at, visibleEnd, at < visibleEnd ? matchHeadingMarker(input, at, visibleEnd) : null);
  }

  /**
   * `第一，` opens a heading only when its line is a paragraph of its own: short,
   * and followed by a blank line (1998 L87 `第一，进一步稳定和加强农业`). When its
   * text runs on, on the line or on the very next line, it is an enumeration
   * item (1958 L333 `第一，` with the item on the next line).
   */
  private isStandaloneDiyi(line: LineInfo): boolean {
    if (line.visibleEnd - line.visibleStart > 60) return false;
    const next = this.lines.at(line.index + 1);
    return !next || next.visibleStart === next.end;
  }

  /**
   * Title (SPEC §1): the first non-empty line that is not front matter, when short (≤ 60), not
   * ending in 。 or a colon, and not a heading. A title broken across two lines by the
   * scraper (`政府工作报\n告`) is joined. Salutation: a short line ending in
   * ：or ！ (`同志们：`, `各位代表！`) before the first heading and the body. Front matter
   * (`来源：`, a dateline, the speaker) among the first lines, before or after the title; back
   * matter (名词解释, 附件) after the first heading; unnumbered headings (see their module).
   */
  private skeleton(): Skeleton {
    const lines = this.lines;
    // Indices of the lines with visible text.
    const visible: number[] = [];
    for (let i = 0; i < lines.count; i++) if (lines.hasVisibleText(i)) visible.push(i);
    const textOf = (line: LineInfo) => this.input.slice(line.visibleStart, line.visibleEnd);
    const frontMatter = new Map<number, FrontMatterRole>();
    for (const line of visible.slice(0, 8).map((index) => lines.at(index)!)) {
      if (line.marker) break;
      const role = frontMatterRole(textOf(line));
      if (role) frontMatter.set(line.index, role);
    }
    let titleLines: [number, number] | null = null;
    let salutationLine: number | null = null;
    // The document type alone (`政府工作报告`) is a subtitle under a title, but the title itself
    // when nothing but front matter comes before it.
    const firstIndex = visible.find((index) => !frontMatter.has(index) || frontMatter.get(index) === 'subtitle');
    const first = firstIndex === undefined ? undefined : lines.at(firstIndex)!;
    if (first) frontMatter.delete(first.index);
    if (first && !first.marker) {
      const text = this.input.slice(first.visibleStart, first.visibleEnd);
      // A line ending in 的/了/和… is a sentence the scraper broke, not a title.
      if (text.length <= 60 && !/[。：:；，！!的了和与及在对把被从向为是]$/.test(text) && !isSalutation(text)) {
        titleLines = [first.index, first.index];
        const next = this.lines.at(first.index + 1);
        if (next && next.visibleEnd - next.visibleStart > 0 && next.visibleEnd - next.visibleStart <= 2 && !next.marker && !/[\p{P}]/u.test(this.input.slice(next.visibleStart, next.visibleEnd))) {
          titleLines = [first.index, next.index];
        }
      }
    }
    for (const line of visible.slice(0, 12).map((index) => lines.at(index)!)) {
      if (line.marker) break;
      if ((titleLines && line.index <= titleLines[1]) || frontMatter.has(line.index)) continue;
      const text = this.input.slice(line.visibleStart, line.visibleEnd);
      if (isSalutation(text)) {
        salutationLine = line.index;
        break;
      }
      if (text.length > 60) break; // the body has begun
    }
    // Front matter is what stands around the title before the salutation: a dated line deep in
    // the body is body.
    const bodyStart = salutationLine ?? titleLines?.[1] ?? -1;
    for (const index of frontMatter.keys()) if (salutationLine !== null && index > salutationLine) frontMatter.delete(index);

    const backMatter = new Map<number, BackMatterKind>();
    let headingSeen = false;
    let firstBackMatter = Infinity;
    for (let v = 0; v < visible.length; v++) {
      const index = visible[v]!;
      const marked = lines.hasMarker(index);
      if (marked && index > bodyStart) headingSeen = true;
      if (!headingSeen || marked || lines.visibleLength(index) > LONGEST_OPENER) continue;
      // `附件` + `《政府工作报告》有关内容名词注释`: the second line names the first's content.
      if (v > 0 && backMatter.has(visible[v - 1]!)) continue;
      const kind = backMatterOpener(lines.text(index), v + 1 < visible.length ? lines.text(visible[v + 1]!) : '');
      if (kind) {
        backMatter.set(index, kind);
        firstBackMatter = Math.min(firstBackMatter, index);
      }
    }

    const excluded = (index: number) =>
      index <= bodyStart || frontMatter.has(index) || index >= firstBackMatter;
    const unnumbered = unnumberedHeadingLines(lines.count, (index) => ({
      text: () => lines.text(index),
      length: lines.visibleLength(index),
      marker: index < firstBackMatter ? lines.marker(index) : null,
      excluded: excluded(index),
    }));
    let ordinal = 0;
    for (const index of [...unnumbered].sort((a, b) => a - b)) {
      const line = lines.at(index)!;
      lines.setMarker(index, { style: 'unnumbered', ordinal: ++ordinal, start: line.visibleStart, end: line.visibleStart });
    }
    return { titleLines, salutationLine, frontMatter, backMatter };
  }

  /** Closes the body at an opener line (名词解释, 附件1) and opens a BackMatter block of the root. */
  private openBackMatter(line: LineInfo, kind: BackMatterKind): void {
    this.flushGap(line.start);
    this.closeContainers(line.start);
    this.closeBackMatter();
    const title = this.input.slice(line.visibleStart, line.visibleEnd);
    this.backMatter = { type: 'BackMatter', kind, title, items: 0, children: [], position: this.position(line.start, line.end) };
    this.root.children.push(this.backMatter);
  }

  private closeBackMatter(): void {
    const block = this.backMatter;
    if (!block) return;
    const last = block.children[block.children.length - 1];
    if (last) block.position = { start: block.position.start, end: last.position.end };
  }

  // ------------------------------------------------------------ containers

  private container(): Container {
    return this.backMatter ?? this.sections[this.sections.length - 1] ?? this.preamble ?? this.root;
  }

  private openPreamble(): Preamble {
    if (!this.preamble) {
      const at = this.covered;
      this.preamble = { type: 'Preamble', children: [], position: this.position(at, at) };
      this.root.children.push(this.preamble);
    }
    return this.preamble;
  }

  /** Line ends and blank lines between the covered text and `until` go to the current container. */
  private flushGap(until: number): void {
    if (this.covered >= until) return;
    const gap: WhiteSpaceNode = { type: 'WhiteSpaceNode', value: this.input.slice(this.covered, until), position: this.position(this.covered, until) };
    this.container().children.push(gap);
    this.covered = until;
  }

  /** Closes the open sections at `depth` or deeper (all with depth 1), ending them at `at`; ends the preamble. */
  private closeContainers(at: number, depth = 1): void {
    while (this.sections.length > 0 && this.sections[this.sections.length - 1]!.depth >= depth) {
      const section = this.sections.pop()!;
      section.position = { start: section.position.start, end: this.index.point(at) };
      // An array grown by push keeps up to 16 spare slots: a closed section's children are
      // copied to an array of their own size (~130 bytes a section, most of a dense outline's).
      section.children = section.children.slice();
    }
    const preamble = this.preamble;
    if (preamble) {
      const last = preamble.children[preamble.children.length - 1];
      if (last) preamble.position = { start: preamble.position.start, end: last.position.end };
    }
  }

  // ------------------------------------------------------------ sections

  /** A heading line and the paragraph that may follow on it; returns the index of the last line used. */
  private addSection(line: LineInfo, marker: HeadingMarkerMatch): number {
    this.flushGap(line.start);
    const placed = this.nesting.place(marker.style, marker.ordinal);
    for (const anomaly of placed.anomalies) {
      this.warn(anomaly.rule, `${anomaly.message} (${this.input.slice(marker.start, marker.end)})`, marker.start, marker.end);
    }
    this.closeContainers(line.start, placed.depth);
    const parent = this.sections[this.sections.length - 1];

    // Heading text: after the marker to the first 。！？ (kept in the heading), debris, or line end.
    let textStart = marker.end;
    while (textStart < line.visibleEnd && SPACE.test(this.input[textStart]!)) textStart++;
    const debrisAfter = this.debrisIn(textStart, line.end)[0];
    const stop = Math.min(debrisAfter ? debrisAfter.start : line.visibleEnd, line.visibleEnd);
    let textEnd = stop;
    let headingEnd = stop;
    for (let i = textStart; i < stop; i++) {
      if (HEADING_END.has(this.input[i]!)) {
        textEnd = i;
        headingEnd = i + 1;
        break;
      }
    }
    let text = trimSpaceRuns(this.input.slice(textStart, textEnd));
    // A heading the Word file wrapped onto a second line (2025 Chongqing: `三、持续提升政府` +
    // `治理效能和服务水平`): the short unpunctuated line after it completes its text.
    let headingLine = line;
    const wrapped = headingEnd === line.visibleEnd && !debrisAfter ? this.headingWrap(line, text) : null;
    if (wrapped) {
      headingLine = wrapped;
      text += this.input.slice(wrapped.visibleStart, wrapped.visibleEnd);
      headingEnd = textEnd = wrapped.visibleEnd;
    }
    const role = parent ? parent.role : sectionRole(text, this.previousTopRole);
    if (!parent) this.previousTopRole = role;

    const markerNode: HeadingMarker = {
      type: 'HeadingMarker',
      value: this.input.slice(marker.start, marker.end),
      style: marker.style,
      ordinal: marker.ordinal,
      position: this.position(marker.start, marker.end),
    };
    // An unnumbered heading (marker.start === marker.end) has no marker leaf: leaves are never empty.
    const headingChildren: Heading['children'] = [...this.spaceAndDebris(line.start, marker.start)];
    if (marker.end > marker.start) headingChildren.push(markerNode);
    if (textStart > marker.end) headingChildren.push(this.whiteSpace(marker.end, textStart));
    pushAll(headingChildren, this.region('heading', textStart, headingEnd, role));

    // The rest of the line (and the lines continuing it): the section's first
    // paragraph; or, when it holds no content, trailing space/debris of the heading.
    let rest: ParagraphNode | null = null;
    let last = headingLine;
    if (this.hasContent(headingEnd, headingLine.end)) {
      for (let next = this.lines.at(last.index + 1); next && this.continues(last, next); next = this.lines.at(last.index + 1)) last = next;
      rest = this.paragraph(headingEnd, last.end, role);
    } else if (headingEnd < headingLine.end) {
      pushAll(headingChildren, this.spaceAndDebris(headingEnd, headingLine.end));
    }
    const headingNodeEnd = rest ? headingEnd : headingLine.end;
    const heading: Heading = { type: 'Heading', children: headingChildren.slice(), position: this.position(line.start, headingNodeEnd) };

    const section: Section = {
      type: 'Section',
      depth: placed.depth,
      marker: { raw: markerNode.value, style: marker.style, ordinal: marker.ordinal },
      text,
      role,
      children: rest ? [heading, rest] : [heading],
      position: this.position(line.start, last.end),
    };
    (parent ?? this.root).children.push(section);
    this.sections.push(section);
    this.carry = {};
    this.covered = last.end;
    return last.index;
  }

  /**
   * The line that completes a heading wrapped by the Word file, or null: the heading's line ends
   * without punctuation, and the very next line is short, unpunctuated, unnumbered and followed
   * by more text (a heading is never the last line).
   */
  private headingWrap(line: LineInfo, text: string): LineInfo | null {
    const next = this.lines.at(line.index + 1);
    const after = this.lines.at(line.index + 2);
    if (!next || !after || next.marker || this.backMatterOpeners.has(next.index) || text.length < 4 || /\p{P}$/u.test(text)) return null;
    const nextText = this.input.slice(next.visibleStart, next.visibleEnd);
    if (nextText.length === 0 || nextText.length > 16 || /[\p{P}\s]/u.test(nextText)) return null;
    return after.visibleStart < after.visibleEnd ? next : null;
  }

  /** A paragraph line, joined with the lines that continue it; returns the index of the last line used. */
  private addParagraphLines(line: LineInfo): number {
    this.flushGap(line.start);
    let last = line;
    for (let next = this.lines.at(last.index + 1); next && this.continues(last, next); next = this.lines.at(last.index + 1)) last = next;
    const role = this.sections[this.sections.length - 1]?.role ?? null;
    if (this.hasContent(line.start, last.end)) {
      const container = this.backMatter ?? this.sections[this.sections.length - 1] ?? this.openPreamble();
      container.children.push(this.paragraph(line.start, last.end, role));
    } else {
      // A line of debris alone (`##paidend##`) opens nothing: it may even come before the title.
      pushAll<WhiteSpaceNode | Debris>(this.container().children as Array<WhiteSpaceNode | Debris>, this.spaceAndDebris(line.start, last.end));
    }
    this.covered = last.end;
    return last.index;
  }

  /**
   * Does line `next` continue the paragraph of line `line`? Scrapers break
   * paragraphs where the source had a link or a page break:
   *   `依据《\n中华人民共和国著作权法\n》第五条`   (a link on its own line)
   *   `细颗粒物（PM\n2.5\n）浓度`                  (an unclosed bracket, a short piece)
   *   `…xxx家。 【更多公文素材…】\n引进xx信息…`     (debris at the end of a line, SPEC §1)
   * A heading or a blank line always ends the paragraph.
   */
  private continues(line: LineInfo, next: LineInfo): boolean {
    if (next.marker || next.visibleStart === next.end || line.visibleStart === line.end || this.backMatterOpeners.has(next.index)) return false;
    const input = this.input;
    if (this.debrisIn(line.start, line.end).some((debris) => debris.end >= line.visibleEnd && debris.start > line.visibleStart)) return true;
    const last = input[line.visibleEnd - 1]!;
    const first = input[next.visibleStart]!;
    if (OPENERS.has(last) || CONTINUATION_START.has(first)) return true;
    const nextLength = next.visibleEnd - next.visibleStart;
    if (nextLength <= 30 && !/[\p{P}]/u.test(last)) return true;
    return false;
  }

  // ------------------------------------------------------------ paragraphs

  /** True when [start, end) holds anything but space and debris. */
  private hasContent(start: number, end: number): boolean {
    let at = start;
    for (const debris of this.debrisIn(start, end)) {
      if (!isBlank(this.input.slice(at, debris.start))) return true;
      at = debris.end;
    }
    return !isBlank(this.input.slice(at, end));
  }

  private paragraph(start: number, end: number, role: SectionRole | null): ParagraphNode {
    const input = this.input;
    if (end - start > LONGEST_ANALYZED_PARAGRAPH) return this.opaqueParagraph(start, end);
    const nodes: ParagraphNode['children'] = [];
    const sentences: Range[] = [];
    const markers: EnumerationMarkerMatch[] = [];
    const pieces: Array<Range | DebrisSpan> = [];
    const contents: Range[] = [];

    // Split at debris; trim space off each piece of content.
    let at = start;
    const debrisList = this.debrisIn(start, end);
    for (const piece of [...debrisList, null]) {
      const pieceEnd = piece ? piece.start : end;
      let contentStart = at;
      while (contentStart < pieceEnd && SPACE.test(input[contentStart]!)) contentStart++;
      let contentEnd = pieceEnd;
      while (contentEnd > contentStart && SPACE.test(input[contentEnd - 1]!)) contentEnd--;
      if (contentStart > at) pieces.push({ start: at, end: contentStart });
      if (contentEnd > contentStart) {
        contents.push({ start: contentStart, end: contentEnd });
        const split = splitSentences(input, contentStart, contentEnd);
        for (const offset of split.unclosed) this.warn('unclosed-quote', `Quote or bracket ${input[offset]} is never closed in its paragraph; read as plain text.`, offset, offset + 1);
        for (const offset of split.mismatched) this.warn('mismatched-quote', 'A Chinese quote “ is closed by an ASCII quote ".', offset, offset + 1);
        const found = findEnumerationMarkers(input, contentStart, contentEnd, this.carry);
        pushAll(markers, found);
        pushAll(sentences, splitAt(split.sentences, found.map((marker) => marker.start)));
      }
      if (pieceEnd > contentEnd) pieces.push({ start: contentEnd, end: pieceEnd });
      if (piece) pieces.push(piece);
      at = piece ? piece.end : end;
    }

    // Sentences may begin with space left by the split (`。 二是`): give it its own node.
    const trimmed = sentences.map((sentence) => {
      let from = sentence.start;
      while (from < sentence.end && SPACE.test(input[from]!)) from++;
      let to = sentence.end;
      while (to > from && SPACE.test(input[to - 1]!)) to--;
      return { start: from, end: to, outer: sentence };
    });
    // Over the node budget with this line's sentences (and, with words, up to a word per
    // character): the line and the rest of the report are kept as text (see keepRestAsText).
    if (this.spent + 2 * trimmed.length + markers.length > this.budget.blocks || (this.options.words !== false && this.wordsSpent + (end - start) > this.budget.words)) {
      this.spent = this.budget.blocks;
      return this.chunkParagraph(start, end);
    }
    const spans = this.annotate('paragraph', start, end, trimmed, role);

    // One segmenter call per piece of content, not per sentence: sentence and
    // span edges are forced token edges, so each sentence takes whole tokens.
    // Pieces, sentences and spans are all in text order: one cursor each, so a
    // line of thousands of debris pieces and sentences stays linear.
    const tokens: Token[] = [];
    let sentenceCursor = 0;
    let spanCursor = 0;
    for (const piece of contents) {
      const boundaries: number[] = [];
      while (sentenceCursor < trimmed.length && trimmed[sentenceCursor]!.start < piece.start) sentenceCursor++;
      for (let i = sentenceCursor; i < trimmed.length && trimmed[i]!.start <= piece.end; i++) {
        const sentence = trimmed[i]!;
        if (sentence.end <= piece.end) boundaries.push(sentence.start, sentence.end);
      }
      while (spanCursor < spans.length && spans[spanCursor]!.start < piece.start) spanCursor++;
      for (let i = spanCursor; i < spans.length && spans[i]!.start <= piece.end; i++) {
        const span = spans[i]!;
        if (span.end <= piece.end) boundaries.push(span.start, span.end);
      }
      // Without a word level this still runs, for the long-line warning analyze gives.
      for (const token of this.tokens(piece.start, piece.end, boundaries)) tokens.push(token);
    }
    // Spans are sorted by start (nestableSpans): each sentence takes its own with a cursor.
    let nextSpan = 0;
    const spansOf = (from: number, to: number): InlineSpan[] => {
      while (nextSpan < spans.length && spans[nextSpan]!.start < from) nextSpan++;
      const inside: InlineSpan[] = [];
      for (let i = nextSpan; i < spans.length && spans[i]!.start < to; i++) if (spans[i]!.end <= to) inside.push(spans[i]!);
      return inside;
    };
    let nextToken = 0;
    const tokensOf = (from: number, to: number): Token[] => {
      while (nextToken < tokens.length && tokens[nextToken]!.start < from) nextToken++;
      const first = nextToken;
      while (nextToken < tokens.length && tokens[nextToken]!.end <= to) nextToken++;
      return tokens.slice(first, nextToken);
    };

    const all: Array<{ start: number; node: ParagraphNode['children'][number] }> = [];
    for (const piece of pieces) {
      all.push({ start: piece.start, node: 'kind' in piece ? this.debris(piece) : this.whiteSpace(piece.start, piece.end) });
    }
    for (const sentence of trimmed) {
      if (sentence.start > sentence.outer.start) all.push({ start: sentence.outer.start, node: this.whiteSpace(sentence.outer.start, sentence.start) });
      if (sentence.end > sentence.start) all.push({ start: sentence.start, node: this.sentence(sentence.start, sentence.end, spansOf(sentence.start, sentence.end), tokensOf(sentence.start, sentence.end)) });
      if (sentence.outer.end > sentence.end) all.push({ start: sentence.end, node: this.whiteSpace(sentence.end, sentence.outer.end) });
    }
    all.sort((a, b) => a.start - b.start);

    // Group into list items: an item runs from its marker's sentence to the next marker.
    let item: ListItem | null = null;
    let next = 0;
    for (const { start: nodeStart, node } of all) {
      const marker = markers[next];
      if (marker && node.type === 'SentenceNode' && nodeStart === marker.start) {
        next++;
        item = {
          type: 'ListItem',
          marker: marker.marker,
          ordinal: marker.ordinal,
          style: marker.style,
          lead: leadOf(input, node.position.start.offset!, node.position.end.offset!),
          children: [],
          position: node.position,
        };
        nodes.push(item);
      }
      if (item && node.type !== 'ListItem') {
        item.children.push(node);
        item.position = { start: item.position.start, end: node.position.end };
      } else {
        nodes.push(node);
      }
    }
    return { type: 'ParagraphNode', children: nodes, position: this.position(start, end) };
  }

  /**
   * A "paragraph" of millions of characters is a dump, not prose: it is kept
   * (lossless) as one sentence of fixed-size chunks, so memory stays bounded,
   * and it is neither split into sentences nor analysed. The warning says so.
   */
  private opaqueParagraph(start: number, end: number): ParagraphNode {
    this.warn('long-line', `A line of ${end - start} characters is kept as fixed-size chunks: not split into sentences or words, not analysed.`, start, end);
    return this.chunkParagraph(start, end);
  }

  /**
   * The node budget is spent (see nodeBudget): the paragraph at `line` and everything after it
   * are kept as one paragraph of fixed-size chunks in the open container, lossless and bounded,
   * and not read for headings, sentences or findings. The warning says where and why.
   */
  private keepRestAsText(line: LineInfo): void {
    this.flushGap(line.start);
    let end = line.end;
    for (let i = this.lines.count - 1; i > line.index; i--) {
      if (!this.lines.isBlank(i) || this.debrisIn(this.lines.start(i), this.lines.end(i)).length > 0) {
        end = this.lines.end(i);
        break;
      }
    }
    const container = this.backMatter ?? this.sections[this.sections.length - 1] ?? this.openPreamble();
    container.children.push(this.chunkParagraph(line.start, end));
    this.covered = end;
  }

  /** A paragraph of fixed-size chunks (see chunk); warns once that the node budget is spent, when it is. */
  private chunkParagraph(start: number, end: number): ParagraphNode {
    if (this.overBudget() && !this.budgetReported) {
      this.budgetReported = true;
      this.warn(
        'node-budget',
        `The report is too dense to read whole: over ${this.spent >= this.budget.blocks ? `${this.budget.blocks} nodes` : `${this.budget.words} words`} by line ${this.index.point(start).line}. From there on (${this.input.length - start} characters) it is kept as text in fixed-size chunks: not read for headings, sentences or findings.`,
        start,
        end,
      );
    }
    const sentence: SentenceNode = { type: 'SentenceNode', children: chunk(this.input, start, end).map((token) => this.leaf(token)), position: this.position(start, end) };
    return { type: 'ParagraphNode', children: [sentence], position: sentence.position };
  }

  private sentence(start: number, end: number, spans: readonly InlineSpan[], tokens: Token[]): SentenceNode {
    const node: SentenceNode = { type: 'SentenceNode', children: this.inline(start, end, spans, tokens), position: this.position(start, end) };
    if (spans.some((span) => span.type === 'Metric' && span.start >= start && span.end <= end)) node.metric = true;
    return node;
  }

  /** A title or salutation line: indentation, inline content, trailing space, all as inline nodes. */
  private lineRun(start: number, end: number, kind: 'title' | 'salutation'): Inline[] {
    let from = start;
    while (from < end && SPACE.test(this.input[from]!)) from++;
    const spans = this.annotate(kind, start, end, [{ start: from, end }], null);
    return this.inline(start, end, spans);
  }

  /** A heading's text run: inline nodes, annotated as a one-sentence region. */
  private region(kind: TextRegion['kind'], start: number, end: number, role: SectionRole | null): Inline[] {
    if (end <= start) return [];
    const spans = end - start > LONGEST_ANALYZED_PARAGRAPH ? [] : this.annotate(kind, start, end, [{ start, end }], role);
    return this.inline(start, end, spans);
  }

  private annotate(kind: TextRegion['kind'], start: number, end: number, sentences: readonly Range[], role: SectionRole | null): InlineSpan[] {
    if (!this.options.annotate) return [];
    const spans = nestableSpans(this.options.annotate({ kind, start, end, sentences, role }));
    this.spent += spans.length; // each span is also a record of the analysis
    return spans;
  }

  // ------------------------------------------------------------ inline nodes

  /**
   * Tokens of [start, end) with the given forced edges: words, or fixed chunks for a line
   * too long to segment. Without a word level (BuildOptions.words false): none, but the
   * long-line warning is given all the same, so analyzeJson warns as analyze does.
   */
  private tokens(start: number, end: number, boundaries: readonly number[]): Token[] {
    const edges = this.overlongStretchEdges(start, end, boundaries);
    // A stretch too long to segment (no sentence punctuation for 20,000 characters) is
    // kept as fixed-size chunks; the stretches around it are segmented as usual, and
    // every edge stays a token edge, so each sentence still takes whole tokens.
    if (edges !== null && !this.longLineReported) {
      this.longLineReported = true;
      this.warn('long-line', `A sentence of more than ${LONGEST_SEGMENTED_SENTENCE} characters without sentence punctuation: kept as fixed-size chunks, not segmented into words.`, start, end);
    }
    if (this.options.words === false) return [];
    const segmenter = this.options.segmenter;
    if (edges === null) return tokenize(this.input, start, end, segmenter, boundaries);
    const tokens: Token[] = [];
    for (let i = 1; i < edges.length; i++) {
      const from = edges[i - 1]!;
      const to = edges[i]!;
      pushAll(tokens, to - from > LONGEST_SEGMENTED_SENTENCE ? chunk(this.input, from, to) : tokenize(this.input, from, to, segmenter));
    }
    return tokens;
  }

  /**
   * The edges (start, forced edges inside, end; sorted) of [start, end) when a stretch
   * between two of them is longer than LONGEST_SEGMENTED_SENTENCE; null when every
   * stretch can be segmented.
   */
  private overlongStretchEdges(start: number, end: number, boundaries: readonly number[]): number[] | null {
    if (end - start <= LONGEST_SEGMENTED_SENTENCE) return null;
    const edges = [...new Set(boundaries.filter((offset) => offset > start && offset < end))].sort((a, b) => a - b);
    edges.unshift(start);
    edges.push(end);
    let longest = 0;
    for (let i = 1; i < edges.length; i++) longest = Math.max(longest, edges[i]! - edges[i - 1]!);
    return longest > LONGEST_SEGMENTED_SENTENCE ? edges : null;
  }

  /** Words and inline spans of [start, end); `spans` are sorted outer-first (see nestableSpans). */
  private inline(start: number, end: number, spans: readonly InlineSpan[], given?: Token[]): Inline[] {
    const inside = spans.filter((span) => span.start >= start && span.end <= end);
    let tokens = given;
    if (tokens === undefined) {
      const boundaries: number[] = [];
      for (const span of inside) boundaries.push(span.start, span.end);
      tokens = this.tokens(start, end, boundaries);
    }
    if (this.options.words === false) return [];

    const result: Inline[] = [];
    const open: Array<{ span: InlineSpan; children: Inline[] }> = [];
    const target = () => (open.length > 0 ? open[open.length - 1]!.children : result);
    const close = () => {
      const { span, children } = open.pop()!;
      // Counted with the words: span nodes exist only with a word level, and the block count
      // must not depend on it, so that analyze and analyzeJson stop at the same line.
      this.wordsSpent++;
      const position = this.index.position(span.start, span.end);
      let node: Inline;
      if (span.type === 'Slogan') node = { type: 'Slogan', canonical: span.canonical, count: span.count, quoted: span.quoted, known: span.known, children, position };
      else if (span.type === 'Placeholder') node = { type: 'Placeholder', kind: span.kind, children, position };
      else node = { type: 'Metric', index: span.index, children, position };
      target().push(node);
    };
    let next = 0;
    for (const token of tokens) {
      while (open.length > 0 && open[open.length - 1]!.span.end <= token.start) close();
      while (next < inside.length && inside[next]!.start <= token.start) {
        const span = inside[next++]!;
        if (span.start === token.start) open.push({ span, children: [] });
      }
      target().push(this.leaf(token));
    }
    while (open.length > 0) close();
    return result;
  }

  private leaf(token: Token): Inline {
    const value = this.input.slice(token.start, token.end);
    this.wordsSpent++;
    const position = this.index.position(token.start, token.end);
    switch (token.kind) {
      case 'word':
        return { type: 'WordNode', children: [{ type: 'TextNode', value, position }], position };
      case 'punctuation':
        return { type: 'PunctuationNode', value, position };
      case 'symbol':
        return { type: 'SymbolNode', value, position };
      default:
        return { type: 'WhiteSpaceNode', value, position };
    }
  }

  /** Indentation, trailing space and debris of a line, as leaves. */
  private spaceAndDebris(start: number, end: number): Array<WhiteSpaceNode | Debris> {
    const nodes: Array<WhiteSpaceNode | Debris> = [];
    let at = start;
    for (const debris of this.debrisIn(start, end)) {
      if (debris.start > at) nodes.push(this.whiteSpace(at, debris.start));
      nodes.push(this.debris(debris));
      at = debris.end;
    }
    if (end > at) nodes.push(this.whiteSpace(at, end));
    return nodes;
  }

  private whiteSpace(start: number, end: number): WhiteSpaceNode {
    return { type: 'WhiteSpaceNode', value: this.input.slice(start, end), position: this.position(start, end) };
  }

  private debris(span: DebrisSpan): Debris {
    return { type: 'Debris', value: this.input.slice(span.start, span.end), kind: span.kind, position: this.position(span.start, span.end) };
  }

  private warn(rule: Warning['rule'], message: string, start: number, end: number): void {
    this.warnings.push({ rule, message, offset: start, position: this.position(start, end), source: 'gongwen' });
  }
}

/** `target.push(...items)` without the call-stack limit on huge arrays (a 50 MB line of sentences). */
function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function isSalutation(text: string): boolean {
  return text.length <= 20 && /[：:！!]$/.test(text) && !/[。，,；]/.test(text);
}

/**
 * The lead of a list item: its first sentence without the space and closing punctuation
 * at its end (`一是压实主体责任。` → `一是压实主体责任`). A loop from the end: the regex it
 * replaces, `(?:\s+|[。，…])+$`, backtracked exponentially on a run of spaces inside the
 * sentence (`一是压实` + 26 spaces + `责任。`: 10 s).
 */
function leadOf(input: string, start: number, end: number): string {
  let to = end;
  while (to > start && (LEAD_TRAILER.has(input[to - 1]!) || isSpaceRunCharacter(input[to - 1]!))) to--;
  return input.slice(start, to);
}

/** Splits sentences so that every offset in `cuts` starts a sentence. */
function splitAt(sentences: readonly Range[], cuts: readonly number[]): Range[] {
  if (cuts.length === 0) return [...sentences];
  const result: Range[] = [];
  let next = 0;
  for (const sentence of sentences) {
    let from = sentence.start;
    while (next < cuts.length && cuts[next]! < sentence.end) {
      const cut = cuts[next++]!;
      if (cut > from) {
        result.push({ start: from, end: cut });
        from = cut;
      }
    }
    result.push({ start: from, end: sentence.end });
  }
  return result;
}
