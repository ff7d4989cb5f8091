/** Small walkers over the report tree for assertions. */
import { visit } from 'unist-util-visit';
import type { Node, ParentNode, Root, Section, ListItem } from '../../src/index.js';

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
