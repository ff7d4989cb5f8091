/** Small walks over the finished tree that several rules share. */
import type { Heading, HeadingMarker, ListItem, ReportNode, ParagraphNode, RootNode, Section } from '../tree/types.js';

export interface HeadingEntry {
  section: Section;
  heading: Heading;
  marker: HeadingMarker;
  /** The enclosing section, or null at the top. */
  parent: Section | null;
}

/** Every section heading, in document order. */
export function headingEntries(tree: RootNode): HeadingEntry[] {
  const entries: HeadingEntry[] = [];
  const visit = (node: RootNode | Section, parent: Section | null) => {
    for (const child of node.children) {
      if (child.type !== 'Section') continue;
      const heading = child.children[0] as Heading;
      const marker = heading.children.find((inline): inline is HeadingMarker => inline.type === 'HeadingMarker');
      // An unnumbered heading (`2024年工作回顾`) has no marker for the heading rules to check.
      if (marker) entries.push({ section: child, heading, marker, parent });
      visit(child, child);
    }
  };
  visit(tree, null);
  return entries;
}

/** The nodes of the given types, in document order, without descending into them. */
export function nodesOfType<T extends ReportNode>(tree: ReportNode, types: ReadonlySet<string>): T[] {
  const found: T[] = [];
  const visit = (node: ReportNode) => {
    if (types.has(node.type)) {
      found.push(node as T);
      return;
    }
    if ('children' in node) for (const child of node.children as ReportNode[]) visit(child);
  };
  visit(tree);
  return found;
}

/** Every node of the given types, also nested in one another. */
export function allNodesOfType<T extends ReportNode>(tree: ReportNode, types: ReadonlySet<string>): T[] {
  const found: T[] = [];
  const visit = (node: ReportNode) => {
    if (types.has(node.type)) found.push(node as T);
    if ('children' in node) for (const child of node.children as ReportNode[]) visit(child);
  };
  visit(tree);
  return found;
}

/** Paragraphs grouped by the section (or preamble) that holds them directly, in document order. */
export function paragraphGroups(tree: RootNode): ParagraphNode[][] {
  const groups: ParagraphNode[][] = [];
  const visit = (node: ReportNode) => {
    if (!('children' in node)) return;
    const paragraphs = (node.children as ReportNode[]).filter((child): child is ParagraphNode => child.type === 'ParagraphNode');
    if (paragraphs.length > 0) groups.push(paragraphs);
    for (const child of node.children as ReportNode[]) if (child.type === 'Section' || child.type === 'Preamble') visit(child);
  };
  visit(tree);
  return groups;
}

/** The list items of a paragraph, in order. */
export function listItems(paragraph: ParagraphNode): ListItem[] {
  return paragraph.children.filter((child): child is ListItem => child.type === 'ListItem');
}

export function startOf(node: ReportNode): number {
  return node.position.start.offset!;
}

export function endOf(node: ReportNode): number {
  return node.position.end.offset!;
}
