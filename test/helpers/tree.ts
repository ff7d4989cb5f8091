/** Small walkers over the report tree for assertions. */
import { expect } from 'vitest';
import { visit } from 'unist-util-visit';
import { toString, type ReportNode, type ReportParent, type RootNode, type Section, type ListItem } from '../../src/index.js';

export function sections(tree: RootNode | Section): Section[] {
  const found: Section[] = [];
  visit(tree, 'Section', (node) => {
    found.push(node as Section);
  });
  return found;
}

export function listItems(tree: RootNode | ReportNode): ListItem[] {
  const found: ListItem[] = [];
  visit(tree, 'ListItem', (node) => {
    found.push(node as ListItem);
  });
  return found;
}

/** Every node with its parent chain, depth first. */
export function allNodes(tree: RootNode): ReportNode[] {
  const found: ReportNode[] = [];
  visit(tree, (node) => {
    found.push(node as ReportNode);
  });
  return found;
}

export function isParent(node: ReportNode): node is ReportParent {
  return 'children' in node;
}

/** Every node's position covers exactly its text, and line/column agree with the offset. */
export function expectExactPositions(text: string, nodes: ReportNode[]): void {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n') || text[i] === '\u2028' || text[i] === '\u2029') lineStarts.push(i + 1);
  }
  for (const node of nodes) {
    const { start, end } = node.position;
    expect(text.slice(start.offset, end.offset), node.type).toBe(toString(node));
    const lineStart = lineStarts[start.line - 1]!;
    expect(lineStart + start.column - 1).toBe(start.offset);
  }
}
