/** Small walks over the finished tree that several rules share. */
import type { Heading, HeadingMarker, ListItem, Node, Paragraph, Root, Section } from '../tree/types.js';

export interface HeadingEntry {
  section: Section;
  heading: Heading;
  marker: HeadingMarker;
  /** The enclosing section, or null at the top. */
  parent: Section | null;
}

/** Every section heading, in document order. */
export function headingEntries(tree: Root): HeadingEntry[] {
  const entries: HeadingEntry[] = [];
  const visit = (node: Root | Section, parent: Section | null) => {
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
export function nodesOfType<T extends Node>(tree: Node, types: ReadonlySet<string>): T[] {
  const found: T[] = [];
  const visit = (node: Node) => {
    if (types.has(node.type)) {
      found.push(node as T);
      return;
    }
    if ('children' in node) for (const child of node.children as Node[]) visit(child);
  };
  visit(tree);
  return found;
}

/** Every node of the given types, also nested in one another. */
export function allNodesOfType<T extends Node>(tree: Node, types: ReadonlySet<string>): T[] {
  const found: T[] = [];
  const visit = (node: Node) => {
    if (types.has(node.type)) found.push(node as T);
    if ('children' in node) for (const child of node.children as Node[]) visit(child);
  };
  visit(tree);
  return found;
}

/** Paragraphs grouped by the section (or preamble) that holds them directly, in document order. */
export function paragraphGroups(tree: Root): Paragraph[][] {
  const groups: Paragraph[][] = [];
  const visit = (node: Node) => {
    if (!('children' in node)) return;
    const paragraphs = (node.children as Node[]).filter((child): child is Paragraph => child.type === 'ParagraphNode');
    if (paragraphs.length > 0) groups.push(paragraphs);
    for (const child of node.children as Node[]) if (child.type === 'Section' || child.type === 'Preamble') visit(child);
  };
  visit(tree);
  return groups;
}

/** The list items of a paragraph, in order. */
export function listItems(paragraph: Paragraph): ListItem[] {
  return paragraph.children.filter((child): child is ListItem => child.type === 'ListItem');
}

export function startOf(node: Node): number {
  return node.position.start.offset!;
}

export function endOf(node: Node): number {
  return node.position.end.offset!;
}
