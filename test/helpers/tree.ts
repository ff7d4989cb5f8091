/** Small walkers over the report tree for assertions. */
import { expect } from 'vitest';
import { visit } from 'unist-util-visit';
import { toString, type Node, type ParentNode, type Root, type Section, type ListItem } from '../../src/index.js';

export function sections(tree: Root | Section): Section[] {
  const found: Section[] = [];
  visit(tree, 'Section', (node) => {
    found.push(node as Section);
  });
  return found;
}

export function listItems(tree: Root | Node): ListItem[] {
  const found: ListItem[] = [];
  visit(tree, 'ListItem', (node) => {
    found.push(node as ListItem);
  });
  return found;
}

/** Every node with its parent chain, depth first. */
export function allNodes(tree: Root): Node[] {
  const found: Node[] = [];
  visit(tree, (node) => {
    found.push(node as Node);
  });
  return found;
}

export function isParent(node: Node): node is ParentNode {
  return 'children' in node;
}

/** Every node's position covers exactly its text, and line/column agree with the offset. */
export function expectExactPositions(text: string, nodes: Node[]): void {
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
